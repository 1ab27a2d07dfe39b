"""A person exploring a remote COG in a real QgsMapCanvas: the script of moves and the runner (bench and CI).

The script is what someone looking over a big scene does: zoom in from the full extent, runs of pans in
one direction, turns, a zoom in by two and back out, a jump across the image, and back to the full
extent, with a think time between views. Each move is classified by what a prefetch could know of it
in advance: the next step of a pan run, a zoom in at the view's centre or out around it, or a move
nobody can predict (a turn, a jump).

The runner sets the canvas up as the QGIS application does (render caching, parallel rendering,
preview jobs, 250 ms map updates, layers through the layer tree bridge) and measures each view from
the extent change until the canvas's refresh has finished (`mapCanvasRefreshed`), with the link's
traffic before and after the render and after the think time.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Callable, Dict, List, Optional, Tuple

from .latency_proxy import Traffic
from .panning import RasterGeometry

FIRST, PAN_ON, TURN, ZOOM_IN, ZOOM_OUT, JUMP = "first view", "pan on", "turn", "zoom in", "zoom out", "jump"
PREDICTABLE = (PAN_ON, ZOOM_IN, ZOOM_OUT)
PAN_STEP = 0.5  # of the view's width or height: a drag across half the canvas
FULL_EXTENT_MARGIN = 1.05  # QGIS shows a layer's full extent with this margin around it
THINK_SECONDS = 1.5
DIRECTIONS = {"east": (1, 0), "west": (-1, 0), "south": (0, 1), "north": (0, -1)}

# From the full extent: three zooms in to full resolution, runs of pans with turns, a zoom out and back
# in, a jump, and the full extent again.
STEPS: Tuple[str, ...] = (
    "zoom in",
    "zoom in",
    "pan west",
    "zoom in",
    "pan east",
    "pan east",
    "pan east",
    "pan east",
    "pan south",
    "pan south",
    "pan south",
    "zoom out",
    "zoom in",
    "pan west",
    "pan west",
    "pan west",
    "jump 0.25 0.25",
    "pan north",
    "pan north",
    "zoom out",
    "zoom out",
    "zoom in",
    "full extent",
)


@dataclass(frozen=True)
class Move:
    kind: str
    label: str
    cx: float  # view centre, as fractions of the raster's width and height from its top left corner
    cy: float
    scale: float  # raster pixels per screen pixel


def person_session(raster_size: Tuple[int, int], canvas_size: Tuple[int, int]) -> List[Move]:
    """The moves of STEPS over a raster of `raster_size` pixels seen in a canvas of `canvas_size`."""
    full = FULL_EXTENT_MARGIN * max(raster_size[0] / canvas_size[0], raster_size[1] / canvas_size[1])
    moves = [Move(FIRST, "full extent", 0.5, 0.5, full)]
    last_pan = ""
    for step in STEPS:
        here = moves[-1]
        word, _, rest = step.partition(" ")
        if word == "pan":
            dx, dy = DIRECTIONS[rest]
            width = canvas_size[0] * here.scale / raster_size[0]
            height = canvas_size[1] * here.scale / raster_size[1]
            kind = PAN_ON if rest == last_pan else TURN
            moves.append(
                Move(kind, step, here.cx + dx * PAN_STEP * width, here.cy + dy * PAN_STEP * height, here.scale)
            )
            last_pan = rest
            continue
        last_pan = ""
        if step == "zoom in":
            moves.append(Move(ZOOM_IN, step, here.cx, here.cy, here.scale / 2))
        elif step == "zoom out":
            moves.append(Move(ZOOM_OUT, step, here.cx, here.cy, here.scale * 2))
        elif step == "full extent":
            moves.append(Move(JUMP, step, 0.5, 0.5, full))
        else:
            cx, cy = (float(v) for v in rest.split()[-2:])
            moves.append(Move(JUMP, "jump", cx, cy, here.scale))
    return moves


def move_extent(
    geometry: RasterGeometry, move: Move, canvas_size: Tuple[int, int]
) -> Tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of the view `move` shows in a canvas of `canvas_size`."""
    x = geometry.origin[0] + move.cx * geometry.size[0] * geometry.pixel
    y = geometry.origin[1] - move.cy * geometry.size[1] * geometry.pixel
    half_width = canvas_size[0] * move.scale * geometry.pixel / 2
    half_height = canvas_size[1] * move.scale * geometry.pixel / 2
    return (x - half_width, y - half_height, x + half_width, y + half_height)


@dataclass
class MoveCost:
    kind: str
    label: str
    seconds: float  # extent change until the canvas's refresh finished
    requests: int  # during the render
    bytes: int
    idle_requests: int  # during the think time after it (prefetching, QGIS preview jobs)
    idle_bytes: int
    main_thread_gap: float  # the longest the main thread's event loop did not run, render and think time
    extent: Tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # what the canvas showed, and at what size
    size: Tuple[int, int] = (0, 0)
    error: str = ""

    def to_dict(self) -> Dict[str, object]:
        return asdict(self)


class RefreshClock:
    """When the canvas's last refresh finished, and the link's traffic at that moment.

    Connected to `mapCanvasRefreshed` before anything else (the prefetch starts from the same signal),
    so a render's traffic is told apart from what follows it.
    """

    def __init__(self, canvas) -> None:
        self.traffic: Callable[[], Traffic] = Traffic
        self.at = 0.0
        self.count = 0
        self.snapshot = Traffic()
        self.shown: Tuple[Tuple[float, float, float, float], Tuple[int, int]] = ((0.0, 0.0, 0.0, 0.0), (0, 0))
        self._canvas = canvas
        canvas.mapCanvasRefreshed.connect(self._refreshed)

    def _refreshed(self) -> None:
        self.at = time.monotonic()
        self.snapshot = self.traffic()
        self.count += 1
        settings = self._canvas.mapSettings()
        extent, size = settings.visibleExtent(), settings.outputSize()
        self.shown = (
            (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()),
            (size.width(), size.height()),
        )


def user_canvas(size: Tuple[int, int]):
    """A QgsMapCanvas of `size` set up as the QGIS application sets up its own, bound to the project.

    Returns (canvas, layer tree bridge, refresh clock); keep the bridge referenced."""
    from qgis.core import QgsProject
    from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsMapCanvas
    from qgis.PyQt.QtWidgets import QFrame

    canvas = QgsMapCanvas()
    canvas.setFrameShape(QFrame.Shape.NoFrame)
    canvas.setCachingEnabled(True)
    canvas.setParallelRenderingEnabled(True)
    canvas.setPreviewJobsEnabled(True)
    canvas.setMapUpdateInterval(250)
    canvas.resize(*size)
    clock = RefreshClock(canvas)
    canvas.show()
    bridge = QgsLayerTreeMapCanvasBridge(QgsProject.instance().layerTreeRoot(), canvas)
    shown = canvas.mapSettings().outputSize
    assert spin_until(lambda: (shown().width(), shown().height()) == tuple(size), 10), "the canvas never got its size"
    return canvas, bridge, clock


class MainThreadWatch:
    """Ticks every 10 ms on the main thread and remembers the longest gap between two ticks."""

    def __init__(self) -> None:
        from qgis.PyQt.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last = time.monotonic()
        self.longest = 0.0
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last - 0.010)
        self._last = now

    def restart(self) -> None:
        self._last = time.monotonic()
        self.longest = 0.0

    def stop(self) -> None:
        self._timer.stop()


def spin(seconds: float) -> None:
    """Runs the Qt event loop for `seconds`, as the application does while the person looks."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(int(seconds * 1000), 0), loop.quit)
    loop.exec()


def spin_until(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        spin(0.02)
    return True


def show_view(canvas, clock: RefreshClock, change: Callable[[], None], timeout: float = 120.0) -> Tuple[float, str]:
    """Makes the change (an extent, a layer added) and waits until the canvas has finished its refresh.

    Returns (seconds, render errors)."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    errors: List[str] = []
    loop = QEventLoop()

    def on_error(message: str, layer) -> None:
        errors.append(message)

    canvas.mapCanvasRefreshed.connect(loop.quit)
    canvas.renderErrorOccurred.connect(on_error)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    count = clock.count
    started = time.monotonic()
    change()
    guard.start(int(timeout * 1000))
    if clock.count == count:
        loop.exec()
    canvas.mapCanvasRefreshed.disconnect(loop.quit)
    canvas.renderErrorOccurred.disconnect(on_error)
    if clock.count == count:
        errors.append(f"no refresh within {timeout:.0f} s")
    guard.stop()
    return clock.at - started, "; ".join(errors)


def set_extent(canvas, extent: Tuple[float, float, float, float]) -> Callable[[], None]:
    """The change a person makes by panning or zooming: a new extent, then the canvas refreshes."""
    from qgis.core import QgsRectangle

    def change() -> None:
        canvas.setExtent(QgsRectangle(*extent))
        canvas.refresh()

    return change


def run_session(
    canvas,
    clock: RefreshClock,
    geometry: RasterGeometry,
    moves: List[Move],
    traffic: Callable[[], Traffic],
    think: Callable[[Move], None],
    canvas_size: Tuple[int, int],
    add_layer: Callable[[], None],
    watch: Optional[MainThreadWatch] = None,
) -> List[MoveCost]:
    """Shows every move in turn, thinking after each.

    The first view is the one a person sees on adding the layer (`add_layer` opens it and adds it to the
    project; the canvas zooms to it on its own); the others are extents set on the canvas.
    """
    costs = []
    watch = watch or MainThreadWatch()
    clock.traffic = traffic
    for move in moves:
        before = traffic()
        watch.restart()
        change = add_layer if move.kind == FIRST else set_extent(canvas, move_extent(geometry, move, canvas_size))
        seconds, error = show_view(canvas, clock, change)
        render_gap = watch.longest
        rendered = clock.snapshot
        watch.restart()
        think(move)
        gap = max(render_gap, watch.longest)
        after = traffic()
        render, idle = rendered.minus(before), after.minus(rendered)
        costs.append(
            MoveCost(
                move.kind,
                move.label,
                seconds,
                render.requests,
                render.bytes,
                idle.requests,
                idle.bytes,
                gap,
                *clock.shown,
                error,
            )
        )
    return costs
