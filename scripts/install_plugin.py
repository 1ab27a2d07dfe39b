"""`make install`: put Cogport into a QGIS user profile, as the Plugin Manager would, or as a link for development.

QGIS_PROFILE        the profile (default: default)
QGIS_PROFILES_PATH  the folder holding the profiles (default: $QGIS_CUSTOM_CONFIG_PATH/profiles, else
                    ~/.local/share/QGIS/QGIS3/profiles)
INSTALL_MODE        copy (the packaged ZIP, extracted) or link (a symbolic link to this checkout)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import package


def profiles_path() -> Path:
    if os.environ.get("QGIS_PROFILES_PATH"):
        return Path(os.environ["QGIS_PROFILES_PATH"]).expanduser()
    if os.environ.get("QGIS_CUSTOM_CONFIG_PATH"):
        return Path(os.environ["QGIS_CUSTOM_CONFIG_PATH"]).expanduser() / "profiles"
    return Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles"


def install(plugins: Path, mode: str) -> Path:
    target = plugins / package.PLUGIN_FOLDER
    plugins.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    if mode == "link":
        target.symlink_to(package.ROOT, target_is_directory=True)
        return target
    with tempfile.TemporaryDirectory() as scratch, zipfile.ZipFile(package.build(Path(scratch))) as bundle:
        bundle.extractall(plugins)
    return target


def main() -> int:
    mode = os.environ.get("INSTALL_MODE", "copy")
    if mode not in ("copy", "link"):
        print(f"INSTALL_MODE must be copy or link, not {mode!r}", file=sys.stderr)
        return 2
    profile = os.environ.get("QGIS_PROFILE", "default")
    target = install(profiles_path() / profile / "python" / "plugins", mode)
    print(f"Cogport {'linked' if mode == 'link' else 'installed'} at {target} (QGIS profile '{profile}').")
    print(
        "To enable it: start QGIS with that profile, open Plugins > Manage and Install Plugins… > Installed, and tick "
        "Cogport. If QGIS was running, restart it first."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
