"""`make package`: the Plugin Manager ZIP, dist/cogport-<version>.zip, with one top folder `cogport/`.

It holds what the plugin needs at run time and nothing else. The version comes from metadata.txt; the
ZIP's metadata.txt gains a `changelog=` built from CHANGELOG.md, whose newest entry must be that version.
"""

from __future__ import annotations

import argparse
import configparser
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_FOLDER = "cogport"
FILES = ["metadata.txt", "__init__.py", "LICENSE"]
FOLDERS = ["plugin", "ui", "resources"]
# Translation sources and build leftovers stay out; compiled translations (.qm) go in.
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".pro"}
EXCLUDED_FOLDERS = {"__pycache__", ".mypy_cache", ".ruff_cache"}
# Zip entries get a fixed date, so the same sources always give the same ZIP.
FIXED_DATE = (2026, 1, 1, 0, 0, 0)


def plugin_version(metadata: str) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(metadata)
    return parser["general"]["version"]


def changelog_entries(changelog: str) -> list[tuple[str, list[str]]]:
    """The `## <version> (<date>)` sections of CHANGELOG.md, newest first, each with its lines."""
    entries: list[tuple[str, list[str]]] = []
    for line in changelog.splitlines():
        heading = re.match(r"^## (\S+)", line)
        if heading:
            entries.append((heading.group(1), [line[3:].strip()]))
        elif entries and line.strip():
            entries[-1][1].append(line.strip() if line.startswith("- ") else "  " + line.strip())
    return entries


def metadata_with_changelog(metadata: str, changelog: str) -> str:
    version = plugin_version(metadata)
    entries = changelog_entries(changelog)
    if not entries or entries[0][0] != version:
        newest = entries[0][0] if entries else "none"
        raise SystemExit(f"CHANGELOG.md's newest entry is {newest}, metadata.txt says {version}: add an entry")
    # metadata.txt is an INI file: continuation lines of a value are indented.
    body = "\n".join("    " + line for _, lines in entries for line in lines)
    kept = [line for line in metadata.rstrip("\n").splitlines() if not line.startswith("changelog=")]
    return "\n".join(kept) + "\nchangelog=\n" + body + "\n"


def shipped_files() -> list[Path]:
    files = [ROOT / name for name in FILES]
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT)
            if path.is_file() and path.suffix not in EXCLUDED_SUFFIXES and not EXCLUDED_FOLDERS & set(relative.parts):
                files.append(path)
    return files


def build(destination: Path) -> Path:
    metadata = metadata_with_changelog(
        (ROOT / "metadata.txt").read_text(encoding="utf-8"), (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    )
    destination.mkdir(parents=True, exist_ok=True)
    archive = destination / f"{PLUGIN_FOLDER}-{plugin_version(metadata)}.zip"
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in shipped_files():
            entry = zipfile.ZipInfo(f"{PLUGIN_FOLDER}/{path.relative_to(ROOT).as_posix()}", FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            data = (
                metadata.encode("utf-8") if path.name == "metadata.txt" and path.parent == ROOT else path.read_bytes()
            )
            bundle.writestr(entry, data)
    partial.replace(archive)
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="folder to write the ZIP into")
    print(build(parser.parse_args().dist))
    return 0


if __name__ == "__main__":
    sys.exit(main())
