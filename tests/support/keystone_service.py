"""The Keystone process of tests/support/keystone.py: `python keystone_service.py STATE CONFIG PORT [--setup PASSWORD]`.

Run as a script by /usr/bin/python3's Keystone (Debian's python3-keystone), so it imports only
Keystone and the standard library. With --setup it first creates the sqlite database, the fernet
and credential keys and the bootstrap admin (keystone-manage's commands, run in this one process
because each separate start costs about 1.5 s). Then it serves Keystone's WSGI application on
127.0.0.1:PORT with the standard library's server, one request at a time: sqlite answers
"database is locked" under concurrent writes.
"""

from __future__ import annotations

import grp
import os
import pwd
import sqlite3
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

# This file's folder holds keystone.py (the fixture), which would shadow the keystone package.
sys.path = [p for p in sys.path if os.path.realpath(p or ".") != os.path.dirname(os.path.realpath(__file__))]


def setup(config: str, database: str, password: str, public_url: str, region: str) -> None:
    from keystone.cmd import cli
    from keystone.conf import CONF

    user = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    owner = ["--keystone-user", user, "--keystone-group", group]
    commands = [
        ["db_sync"],
        ["fernet_setup", *owner],
        ["credential_setup", *owner],
        ["bootstrap", "--bootstrap-password", password, "--bootstrap-public-url", public_url]
        + ["--bootstrap-region-id", region],
    ]
    for command in commands:
        cli.main(argv=["keystone-manage", "--config-file", config, *command])
        # keystone-manage parses its options once per process: reset them for the next command.
        CONF.reset()
        CONF.unregister_opt(cli.command_opt)
        if command[0] == "db_sync":
            # Write-ahead logging lets a write go through while another connection of the pool is
            # still inside a read; sqlite's default journal answers "database is locked" then.
            with sqlite3.connect(database) as db:
                db.execute("PRAGMA journal_mode=WAL")


class _Handler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        # Method and path only: query strings and headers (tokens) stay out of the log.
        sys.stderr.write(f"request {self.command} {self.path.split('?')[0]} -> {args[1] if len(args) > 1 else ''}\n")


def main(argv: list) -> None:
    state, config, port = argv[1], argv[2], int(argv[3])
    if "--setup" in argv:
        password, region = argv[argv.index("--setup") + 1], argv[argv.index("--setup") + 2]
        # Setting up locks Keystone's provider registry, which serving then needs fresh: set up in a
        # forked child, which shares the (slow) imports already done here.
        import keystone.cmd.cli
        import keystone.server.wsgi  # noqa: F401

        child = os.fork()
        if child == 0:
            try:
                setup(
                    os.path.join(state, config),
                    os.path.join(state, "keystone.db"),
                    password,
                    f"http://127.0.0.1:{port}/v3",
                    region,
                )
            finally:
                os._exit(0)
        _, status = os.waitpid(child, 0)
        if status != 0:
            sys.exit(f"Keystone set-up failed ({status})")
    os.environ["OS_KEYSTONE_CONFIG_DIR"] = state
    os.environ["OS_KEYSTONE_CONFIG_FILES"] = config
    sys.argv = sys.argv[:1]  # Keystone's application parses the command line as its own options
    from keystone.server.wsgi import initialize_public_application

    server = make_server("127.0.0.1", port, initialize_public_application(), handler_class=_Handler)
    sys.stderr.write(f"serving on 127.0.0.1:{port}\n")
    sys.stderr.flush()
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
