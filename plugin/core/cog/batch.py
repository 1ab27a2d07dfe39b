"""Converting many rasters at once: a folder or a list of files, in parallel within cores and memory."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Callable, Dict, List, Optional, Sequence, Union

from osgeo import gdal

from ..errors import CancelledError, CogportError, ConversionError
from ..i18n import tr
from ..progress import Progress, silent
from .convert import ConversionOptions, ConversionResult, convert_to_cog

LOG = logging.getLogger("cogport.cog")

DEFAULT_NAME_PATTERN = "{stem}.tif"
# Budget per parallel conversion: GDAL's block cache is shared, this covers codec and warp buffers.
MEMORY_PER_CONVERSION = 512 * 1024 * 1024
_SIDECAR_SUFFIXES = (".ovr", ".aux.xml", ".msk", ".tfw", ".tifw", ".wld", ".prj", ".xml", ".rrd", ".aux")


@dataclass
class BatchJob:
    source: str
    destination: str


@dataclass
class BatchItem:
    """One file's outcome: a result, or the error that stopped it (the others still ran)."""

    source: str
    destination: str
    result: Optional[ConversionResult] = None
    error: Optional[CogportError] = None

    @property
    def ok(self) -> bool:
        return self.result is not None


@dataclass
class BatchResult:
    items: List[BatchItem] = field(default_factory=list)

    @property
    def succeeded(self) -> List[BatchItem]:
        return [item for item in self.items if item.ok]

    @property
    def failed(self) -> List[BatchItem]:
        return [item for item in self.items if not item.ok]

    @property
    def outputs(self) -> List[str]:
        return [path for item in self.succeeded for path in item.result.outputs]  # type: ignore[union-attr]


def is_raster(path: str) -> bool:
    """Whether GDAL recognises `path` as a raster (by its header, not its name)."""
    return gdal.IdentifyDriverEx(path, gdal.OF_RASTER) is not None


def list_rasters(folder: str) -> List[str]:
    """The rasters GDAL recognises directly inside `folder` (not sidecars, not subfolders), sorted."""
    root = Path(folder)
    if not root.is_dir():
        raise ConversionError(tr("The folder {folder} does not exist.").format(folder=folder), tr("the input folder."))
    found = []
    for entry in sorted(root.iterdir()):
        lower = entry.name.lower()
        if not entry.is_file() or lower.startswith(".") or lower.endswith(_SIDECAR_SUFFIXES):
            continue
        if is_raster(str(entry)):
            found.append(str(entry))
    return found


def output_name(source: str, pattern: str, profile: str) -> str:
    """The output file name for `source`: `{stem}`, `{name}` and `{profile}` are filled in."""
    name = PurePosixPath(source.replace("\\", "/").rstrip("/")).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    try:
        return pattern.format(stem=stem, name=name, profile=profile)
    except (KeyError, IndexError, ValueError) as exc:
        raise ConversionError(
            tr("The output name pattern '{pattern}' is not valid.").format(pattern=pattern),
            # Not formatted: the braces are the pattern's own fields, shown as they are typed.
            tr("the pattern: it may use {stem}, {name} and {profile}, e.g. {stem}_cog.tif."),
            detail=repr(exc),
        ) from None


def plan_batch(
    sources: Union[str, Sequence[str]],
    destination_folder: str,
    pattern: str = DEFAULT_NAME_PATTERN,
    profile: str = "generic",
) -> List[BatchJob]:
    """Pairs each source (a folder is expanded to its rasters) with its output path."""
    if isinstance(sources, str):
        sources = list_rasters(sources) if os.path.isdir(sources) else [sources]
    folder = Path(destination_folder).expanduser().absolute()
    return [BatchJob(source, str(folder / output_name(source, pattern, profile))) for source in sources]


def batch_workers(job_count: int, cpu_count: Optional[int] = None, available_memory: Optional[int] = None) -> int:
    """How many files to convert at once: no more than the cores, nor than memory allows."""
    cpus = cpu_count or os.cpu_count() or 1
    memory = available_memory if available_memory is not None else _available_memory()
    by_memory = max(1, memory // MEMORY_PER_CONVERSION) if memory else cpus
    return max(1, min(job_count, cpus, by_memory))


def convert_batch(
    sources: Union[str, Sequence[str]],
    destination_folder: str,
    profile: str = "generic",
    options: Optional[ConversionOptions] = None,
    pattern: str = DEFAULT_NAME_PATTERN,
    progress: Optional[Progress] = None,
    max_workers: Optional[int] = None,
    on_item: Optional[Callable[[BatchItem], None]] = None,
) -> BatchResult:
    """Converts every source; a file that fails is reported in its item and the others go on.

    `progress` gets the overall fraction and, through `report_item`, each file's own (by its
    position among the sources, in whole percents). Cancelling stops the running conversions
    (their partial files are removed), skips the rest, and raises CancelledError; files
    finished before the cancel are kept.
    """
    progress = progress or silent()
    options = options or ConversionOptions()
    jobs = plan_batch(sources, destination_folder, pattern, profile)
    items = [BatchItem(job.source, job.destination) for job in jobs]
    _flag_collisions(items)
    pending = [index for index, item in enumerate(items) if item.error is None]
    workers = max_workers or batch_workers(len(pending))
    # Split the cores between parallel files instead of each asking for all of them.
    per_file = replace(options, threads=options.threads or max(1, (os.cpu_count() or 1) // workers))
    fractions: Dict[int, float] = {index: 0.0 for index in pending}
    percents: Dict[int, int] = {index: -1 for index in pending}
    lock = threading.Lock()

    def report(index: int, fraction: float) -> None:
        with lock:
            fractions[index] = fraction
            overall = sum(fractions.values()) / max(1, len(fractions))
            percent = int(fraction * 100)
            changed, percents[index] = percent != percents[index], percent
        progress.report(overall)
        if changed:  # GDAL calls back thousands of times a file; a bar needs whole percents
            progress.report_item(index, percent / 100)

    def run(index: int, item: BatchItem) -> None:
        if progress.cancelled:
            return
        own = Progress(on_fraction=lambda f: report(index, f), is_cancelled=lambda: progress.cancelled)
        try:
            item.result = convert_to_cog(item.source, item.destination, profile, per_file, own)
        except CancelledError:
            return
        except CogportError as exc:
            item.error = exc
        except Exception as exc:
            LOG.exception("Converting %s failed", item.source)
            item.error = ConversionError(
                tr("Converting {name} failed unexpectedly.").format(name=Path(item.source).name),
                tr("the Cogport log for details."),
                detail=repr(exc),
            )
        report(index, 1.0)
        if on_item is not None:
            on_item(item)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cogport-convert") as pool:
        for future in [pool.submit(run, index, items[index]) for index in pending]:
            future.result()
    if progress.cancelled:
        raise CancelledError()
    return BatchResult(items)


def _flag_collisions(items: List[BatchItem]) -> None:
    seen: Dict[str, str] = {}
    for item in items:
        key = os.path.normcase(item.destination)
        if key in seen:
            item.error = ConversionError(
                tr("{source} and {other} would both be written to {output}.").format(
                    source=Path(item.source).name, other=Path(seen[key]).name, output=Path(item.destination).name
                ),
                tr("the output name pattern: include {name} or rename one source."),  # {name}: the pattern's field
            )
        else:
            seen[key] = item.source


def _available_memory() -> int:
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 0
