"""`make bench`: runs every benchmark (or those named on the command line) and prints their tables."""

from __future__ import annotations

import argparse
import importlib
import sys
import time

# Each module exposes run(args) -> str (a Markdown table of figures and ratios for the README).
BENCHMARKS = [
    "panning",
    "session",
    "mosaic",
    "validation",
    "upload",
    "byoc",
    "conversion",
    "keystone",
    "archive",
]


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("only", nargs="*", help="benchmark module names (default: all)")
    args = parser.parse_args()
    chosen = args.only or BENCHMARKS
    failures = 0
    for name in chosen:
        module = importlib.import_module(f"bench.{name}")
        started = time.monotonic()
        print(f"\n## {name}\n", flush=True)
        try:
            print(module.run(args), flush=True)
        except Exception as exc:
            failures += 1
            print(f"FAILED: {exc!r}", flush=True)
        print(f"\n({time.monotonic() - started:.0f} s)", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
