"""`make demo`: QGIS with Cogport, a "Local demo" connection and a remote COG on the canvas.

Starts the embedded Swift/S3 server and a Keystone in front of a second Swift proxy (the
"Local OpenStack (Keystone)" connection), seeds them with sample COGs, prepares a
throwaway QGIS profile (plugin enabled, connection saved, secrets in that
profile's auth database) and opens QGIS on a project with a remote layer. With no
display it runs under Xvfb, saves a screenshot and prints the PNG's path.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / ".build" / "demo"
PROFILES = DEMO / "profiles"
PROFILE = PROFILES / "profiles" / "default"
BUCKET = "demo-cogs"
MASTER_PASSWORD = "cogport-demo"  # guards only this throwaway demo profile  # noqa: S105
SCREENSHOT = DEMO / "cogport-demo.png"

sys.path.insert(0, str(ROOT / ".build" / "import"))
from cogport.tests.support.keystone import OpenStack
from cogport.tests.support.objectstore import TEST, SwiftServer
from cogport.tests.support.stores import create_bucket, put_file, s3_connection


def sample_terrain(path: Path, size: int = 2048) -> Path:
    """A shaded synthetic terrain as an RGB COG, so the demo has something worth panning over."""
    # A fractal (1/f) surface reads as terrain; colours and hillshade make the tiles easy to tell apart.
    rng = np.random.default_rng(7)
    frequency = np.fft.fftfreq(size)
    radius = np.hypot(frequency[:, None], frequency[None, :])
    radius[0, 0] = 1.0
    spectrum = (rng.normal(size=(size, size)) + 1j * rng.normal(size=(size, size))) / radius**2.4
    height = np.real(np.fft.ifft2(spectrum))
    height = (height - height.min()) / np.ptp(height)
    gy, gx = np.gradient(height)
    shade = np.clip(1.0 + 90 * (gx - gy), 0.6, 1.2)
    level = height
    stops = np.array([[30, 90, 160], [70, 140, 90], [200, 190, 120], [150, 110, 80], [245, 245, 245]], float)
    position = level * (len(stops) - 1)
    low = np.floor(position).clip(0, len(stops) - 2).astype(int)
    t = (position - low)[..., None]
    rgb = (stops[low] * (1 - t) + stops[low + 1] * t) * shade[..., None]
    mem = gdal.GetDriverByName("MEM").Create("", size, size, 3, gdal.GDT_Byte)
    mem.SetGeoTransform((600000.0, 20.0, 0.0, 5300000.0, 0.0, -20.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32632)
    mem.SetProjection(srs.ExportToWkt())
    for band in range(3):
        mem.GetRasterBand(band + 1).WriteArray(np.clip(rgb[..., band], 0, 255).astype("uint8"))
    gdal.Translate(
        str(path), mem, format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=512", "OVERVIEWS=AUTO"]
    )
    return path


KEYSTONE_CONTAINER = "satellite-rasters"


def seed(server: SwiftServer, cloud: OpenStack) -> None:
    connection, credentials = s3_connection(server)
    root = create_bucket(connection, credentials, BUCKET)
    data = Path(tempfile.mkdtemp(prefix="cogport-demo-data-"))
    terrain = sample_terrain(data / "terrain_rgb.tif")
    put_file(root.child("alps/terrain_rgb.tif"), terrain)
    gdal.Translate(str(data / "terrain_small.tif"), str(terrain), format="COG", width=512, height=512)
    put_file(root.child("alps/previews/terrain_small.tif"), data / "terrain_small.tif")
    for year in (2024, 2025, 2026):
        put_file(root.child(f"archive/{year}/terrain_{year}.tif"), data / "terrain_small.tif")
    keystone, keystone_credentials = cloud.connection("alice")
    container = create_bucket(keystone, keystone_credentials, KEYSTONE_CONTAINER)
    put_file(container.child("gra/terrain_small.tif"), data / "terrain_small.tif")
    shutil.rmtree(data)


def prepare_profile(server: SwiftServer, cloud: OpenStack) -> Path:
    """Plugin enabled, connection saved (secrets in this profile's auth DB), and a project with the remote layer."""
    shutil.rmtree(PROFILES, ignore_errors=True)
    plugins = PROFILE / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "cogport").symlink_to(ROOT)
    (PROFILE / "QGIS").mkdir(parents=True)
    # DEMO_LOCALE=fr shows QGIS and Cogport in French.
    language = os.environ.get("DEMO_LOCALE", "")
    locale = f"\n[locale]\noverrideFlag=true\nuserLocale={language}\n" if language else ""
    (PROFILE / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\ncogport=true\n\n[qgis]\nshowTips322=false\ncheckVersion=false\n"
        "allowVersionCheck=false\n\n[core]\nNewsFeed\\httpsfeedqgisorg\\disabled=true\n" + locale
    )
    password_file = DEMO / "master-password.txt"
    password_file.write_text(MASTER_PASSWORD)
    env = {
        **os.environ,
        "QGIS_CUSTOM_CONFIG_PATH": str(PROFILES),
        "QT_QPA_PLATFORM": "offscreen",
        "COGPORT_DEMO_ENDPOINT": server.endpoint,
        "COGPORT_DEMO_KEYSTONE_URL": cloud.auth_url,
        "COGPORT_DEMO_KEYSTONE_PASSWORD": cloud.users["alice"].password,
        "COGPORT_DEMO_PROJECT": str(DEMO / "demo.qgz"),
        "PYTHONPATH": str(ROOT / ".build" / "import"),
    }
    subprocess.run([sys.executable, str(ROOT / "scripts" / "demo_profile.py")], env=env, check=True)
    return password_file


def main() -> int:
    DEMO.mkdir(parents=True, exist_ok=True)
    server = SwiftServer.start_temporary(DEMO / "swift")
    cloud = None
    try:
        print(f"Local object store (Swift + S3 API) on http://{server.endpoint}, user {TEST.identity}")
        cloud = OpenStack.start(server, DEMO / "keystone")
        alice = cloud.users["alice"]
        print(f"Local Keystone on {cloud.auth_url}: user {alice.name}, project {alice.project_name}, region GRA")
        seed(server, cloud)
        password_file = prepare_profile(server, cloud)
        env = {**os.environ, "QGIS_AUTH_PASSWORD_FILE": str(password_file)}
        env.pop("QT_QPA_PLATFORM", None)
        command = [
            "qgis",
            "--profiles-path",
            str(PROFILES),
            "--noversioncheck",
            "--nologo",
            "--project",
            str(DEMO / "demo.qgz"),
        ]
        if os.environ.get("DISPLAY"):
            print("Opening QGIS; close it to stop the demo.")
            subprocess.run(command, env=env, check=False)
            return 0
        SCREENSHOT.unlink(missing_ok=True)
        env["COGPORT_DEMO_SCREENSHOT"] = str(SCREENSHOT)
        command += ["--code", str(ROOT / "scripts" / "demo_screenshot.py")]
        qgis = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command],
            env=env,
            start_new_session=True,
        )
        try:
            qgis.wait(timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(qgis.pid, signal.SIGKILL)  # a modal error dialog would otherwise wait forever
            qgis.wait()
        if not SCREENSHOT.exists():
            print("QGIS did not write the screenshot within 3 minutes; see the output above.", file=sys.stderr)
            return 1
        print(f"Screenshot: {SCREENSHOT}")
        return 0
    finally:
        if cloud is not None:
            cloud.stop(purge=True)
        server.stop(purge=True)


if __name__ == "__main__":
    sys.exit(main())
