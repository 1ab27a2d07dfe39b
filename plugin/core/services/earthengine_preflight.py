"""Pre-flight checks before `importExternal`, and the check-then-send flow every entry point shares.

Each failing check is a `Finding` (the type `validate_cog` reports) with a fix; any error
blocks sending. Checks, from shared/reference/cloud-apis.md 1.4-1.6: asset name, one gs://
source per tileset, band references and indices, flat properties, RFC 3339 times, manifest
size; per bucket the location (US, US-CENTRAL1, or a US dual-region with us-central1) and
storage class; per object its class and generation; per file the `earthengine` COG profile,
read remotely from the headers only.
"""

from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ..cog.validate import ERROR, INFO, WARNING, Finding, ValidationReport, validate_cog
from ..errors import CancelledError, CogportError, NotFoundError, ServiceError
from ..i18n import tr
from ..progress import Progress
from .earthengine import EarthEngineClient, RegistrationResult
from .earthengine_manifest import (
    ASSET_NAME,
    PYRAMIDING_POLICIES,
    RFC3339,
    ImageManifest,
    SourceBands,
    build_manifest,
    read_source_bands,
    strip_generation,
    with_generations,
)
from .gcs import BucketInfo, GcsMetadataClient, earthengine_location_ok

LOG = logging.getLogger("cogport.earthengine")
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
_ACCEPTED_CLASSES = {"STANDARD"}
_LEGACY_STANDARD_CLASSES = {"MULTI_REGIONAL", "REGIONAL"}  # priced like STANDARD, no retrieval fees


@dataclass
class PreflightOptions:
    pin_generation: bool = False
    check_files: bool = True  # COG layout and band counts, read through GDAL /vsigs/
    extra_dual_regions: frozenset = frozenset()  # predefined dual-regions with us-central1 besides NAM4


@dataclass
class PreflightReport:
    manifest: ImageManifest  # as it will be sent: generations pinned when asked
    findings: List[Finding] = field(default_factory=list)
    file_reports: Dict[str, ValidationReport] = field(default_factory=dict)

    @property
    def errors(self) -> List[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors

    def codes(self, severity: Optional[str] = None) -> List[str]:
        return [f.code for f in self.findings if severity is None or f.severity == severity]

    def summary(self) -> str:
        if not self.findings:
            return f"All pre-flight checks passed for {self.manifest.name}."
        lines = [
            f"Pre-flight for {self.manifest.name}: {len(self.errors)} error(s), "
            f"{len(self.findings) - len(self.errors)} other finding(s)."
        ]
        for finding in self.findings:
            lines.append(
                f"[{finding.severity}] {finding.code}: {finding.message}"
                + (f" Fix: {finding.fix}" if finding.fix else "")
            )
        return "\n".join(lines)


class PreflightError(CogportError):
    """Errors in the pre-flight checks; nothing was sent."""

    def __init__(self, report: PreflightReport) -> None:
        self.report = report
        first = report.errors[0]
        more = tr(" (and {count} more error(s))").format(count=len(report.errors) - 1) if len(report.errors) > 1 else ""
        super().__init__(
            tr("Not registered: {asset} failed a pre-flight check: {message}{more}").format(
                asset=report.manifest.name, message=first.message, more=more
            ),
            first.fix or tr("the findings listed in the log."),
            detail=report.summary(),
        )


def _finding(code: str, severity: str, message: str, fix: str) -> Finding:
    return Finding(code=code, severity=severity, message=message, fix=fix)


def check_manifest(manifest: ImageManifest, band_counts: Optional[Dict[str, int]] = None) -> List[Finding]:
    """The checks that need no network: names, sources, bands, masks, properties, times, size."""
    out: List[Finding] = []
    if not ASSET_NAME.match(manifest.name):
        out.append(
            _finding(
                "ASSET_NAME_INVALID",
                ERROR,
                tr("The asset id '{asset}' is not of the form projects/<project>/assets/<path>.").format(
                    asset=manifest.name
                ),
                tr("Use your Cloud project id and a path, e.g. projects/my-ee-project/assets/folder/image."),
            )
        )
    if not manifest.tilesets:
        out.append(
            _finding("NO_TILESETS", ERROR, tr("The manifest has no tileset."), tr("Add one gs:// COG per tileset."))
        )
    seen_ids: set = set()
    for tileset in manifest.tilesets:
        if tileset.id in seen_ids:
            out.append(
                _finding(
                    "TILESET_ID_DUPLICATE",
                    ERROR,
                    tr("Two tilesets share the id '{tileset}'.").format(tileset=tileset.id),
                    tr("Give every tileset its own id (0, 1, 2, …)."),
                )
            )
        seen_ids.add(tileset.id)
        if len(tileset.sources) != 1 or len(tileset.sources[0]) != 1:
            count = sum(len(uris) for uris in tileset.sources)
            out.append(
                _finding(
                    "TILESET_SOURCES",
                    ERROR,
                    tr(
                        "Tileset '{tileset}' has {count} source file(s); a COG-backed asset takes exactly one COG per "
                        "tileset."
                    ).format(tileset=tileset.id, count=count),
                    tr(
                        "Put each COG in its own tileset, or merge tiles into one COG (Earth Engine does not mosaic "
                        "COG tiles of one band)."
                    ),
                )
            )
        for uris in tileset.sources:
            for uri in uris:
                full = manifest.uri_prefix + uri
                if not full.startswith("gs://"):
                    out.append(
                        _finding(
                            "URI_NOT_GCS",
                            ERROR,
                            tr(
                                "'{uri}' in tileset '{tileset}' is not a gs:// URI; Earth Engine registers COGs from "
                                "Google Cloud Storage only."
                            ).format(uri=full, tileset=tileset.id),
                            tr(
                                "Upload the file to a GCS bucket in the US multi-region or US-CENTRAL1 and use its "
                                "gs://bucket/object URI."
                            ),
                        )
                    )
    tileset_ids = {t.id for t in manifest.tilesets}
    band_ids: set = set()
    for band in manifest.bands:
        if band.id in band_ids or not band.id:
            out.append(
                _finding(
                    "BAND_ID_INVALID",
                    ERROR,
                    tr("Band id '{band}' is empty or used twice.").format(band=band.id),
                    tr("Give every band a unique id."),
                )
            )
        band_ids.add(band.id)
        home = manifest.tileset_for(band.tileset_id)
        if home is None:
            out.append(
                _finding(
                    "BAND_TILESET_UNKNOWN",
                    ERROR,
                    tr("Band '{band}' refers to tileset '{tileset}', which does not exist.").format(
                        band=band.id, tileset=band.tileset_id
                    ),
                    (
                        tr(
                            "Use one of the tileset ids: {ids} (a band may name none only when there is a single "
                            "tileset)."
                        )
                        if not band.tileset_id
                        else tr("Use one of the tileset ids: {ids}.")
                    ).format(ids=", ".join(sorted(tileset_ids)) or tr("none")),
                )
            )
            continue
        known = (band_counts or {}).get(home.id)
        if band.tileset_band_index < 0 or (known is not None and band.tileset_band_index >= known):
            out.append(
                _finding(
                    "BAND_INDEX_OUT_OF_RANGE",
                    ERROR,
                    (
                        tr("Band '{band}' uses tilesetBandIndex {index}, but tileset '{tileset}' has {count} band(s).")
                        if known is not None
                        else tr(
                            "Band '{band}' uses tilesetBandIndex {index}, but tileset '{tileset}' has fewer band(s)."
                        )
                    ).format(band=band.id, index=band.tileset_band_index, tileset=home.id, count=known),
                    tr("Indices are zero-based: use 0 to {last}.").format(last=known - 1 if known else 0),
                )
            )
        if band.pyramiding_policy and band.pyramiding_policy not in PYRAMIDING_POLICIES:
            out.append(
                _finding(
                    "PYRAMIDING_POLICY_UNKNOWN",
                    ERROR,
                    tr("Band '{band}' has pyramidingPolicy '{policy}'.").format(
                        band=band.id, policy=band.pyramiding_policy
                    ),
                    tr("Use one of {policies} (MEAN for continuous data, MODE or SAMPLE for classes).").format(
                        policies=", ".join(PYRAMIDING_POLICIES)
                    ),
                )
            )
    if len(manifest.mask_bands) > 1:
        out.append(
            _finding(
                "MASK_BANDS",
                ERROR,
                tr("The manifest has more than one mask band."),
                tr("Earth Engine allows at most one mask band: keep one."),
            )
        )
    for mask in manifest.mask_bands:
        if manifest.tileset_for(mask.tileset_id) is None:
            out.append(
                _finding(
                    "MASK_BANDS",
                    ERROR,
                    tr("The mask band refers to tileset '{tileset}', which does not exist.").format(
                        tileset=mask.tileset_id
                    ),
                    tr("Use an existing tileset id; its last band is the mask."),
                )
            )
        unknown = [b for b in mask.band_ids if b not in band_ids]
        if unknown and manifest.bands:
            out.append(
                _finding(
                    "MASK_BANDS",
                    ERROR,
                    tr("The mask band names unknown band(s): {bands}.").format(bands=", ".join(unknown)),
                    tr("Name bands listed in the bands table, or leave the list empty for all bands."),
                )
            )
    out.extend(_property_findings(manifest.properties))
    out.extend(_time_findings(manifest.start_time, manifest.end_time))
    size = len(manifest.to_json().encode("utf-8"))
    if size >= MAX_MANIFEST_BYTES:
        out.append(
            _finding(
                "MANIFEST_TOO_LARGE",
                ERROR,
                tr("The manifest is {size_mb} MB; Earth Engine accepts at most 10 MB.").format(
                    size_mb=f"{size / 1048576:.1f}"
                ),
                tr("Shorten or drop large properties, or split the asset."),
            )
        )
    return out


def _property_findings(properties: object) -> List[Finding]:
    if not isinstance(properties, dict):
        return [
            _finding(
                "PROPERTIES_NOT_FLAT",
                ERROR,
                tr("The properties are not a JSON object."),
                tr('Give properties as {"name": value, …}.'),
            )
        ]
    out = []
    nested = [
        key for key, value in properties.items() if isinstance(value, bool) or not isinstance(value, (str, int, float))
    ]
    if nested:
        out.append(
            _finding(
                "PROPERTIES_NOT_FLAT",
                ERROR,
                tr("Properties must be flat, with string or number values; not so: {keys}.").format(
                    keys=", ".join(map(str, nested))
                ),
                tr("Turn lists and objects into strings or separate properties; write booleans as 0/1."),
            )
        )
    deprecated = [key for key in properties if key in ("system:time_start", "system:time_end")]
    if deprecated:
        out.append(
            _finding(
                "PROPERTIES_DEPRECATED",
                WARNING,
                tr("{keys} as properties are deprecated.").format(keys=", ".join(deprecated)),
                tr("Use the Start time and End time fields (startTime/endTime) instead."),
            )
        )
    return out


def _time_findings(start: str, end: str) -> List[Finding]:
    out = []
    for label, value in (("startTime", start), ("endTime", end)):
        if value and not RFC3339.match(value):
            out.append(
                _finding(
                    "TIME_INVALID",
                    ERROR,
                    tr("{field} '{value}' is not an RFC 3339 timestamp.").format(field=label, value=value),
                    tr("Write it like 2024-05-01T00:00:00Z (a bare date 2024-05-01 is accepted too)."),
                )
            )
    if start and end and RFC3339.match(start) and RFC3339.match(end) and _epoch(end) <= _epoch(start):
        out.append(
            _finding(
                "TIME_ORDER",
                ERROR,
                tr("endTime {end} is not after startTime {start}.").format(end=end, start=start),
                tr("endTime is exclusive: set it after startTime, or leave it empty."),
            )
        )
    return out


def _epoch(value: str) -> float:
    text = value.replace("Z", "+00:00")
    if "." in text:  # Python parses at most microseconds
        head, tail = text.split(".", 1)
        digits = "".join(ch for ch in tail if ch.isdigit())
        text = f"{head}.{digits[:6].ljust(6, '0')}{tail[len(digits) :]}"
    return datetime.datetime.fromisoformat(text).timestamp()


def check_bucket(bucket: BucketInfo, extra_dual_regions: frozenset = frozenset()) -> List[Finding]:
    out = []
    if not earthengine_location_ok(bucket, extra_dual_regions):
        where = bucket.location + (f" ({', '.join(bucket.data_locations)})" if bucket.data_locations else "")
        out.append(
            _finding(
                "BUCKET_LOCATION",
                ERROR,
                tr(
                    "Bucket gs://{bucket} is in {location} ({location_type}); Earth Engine reads COGs only from the "
                    "US multi-region, US-CENTRAL1, or a US dual-region that includes us-central1 (e.g. NAM4)."
                ).format(
                    bucket=bucket.name,
                    location=where or tr("an unknown location"),
                    location_type=bucket.location_type or tr("type unknown"),
                ),
                tr(
                    "Copy the files to a bucket in US or US-CENTRAL1 (e.g. `gcloud storage buckets create gs://NAME "
                    "--location=us-central1`) and register those URIs."
                ),
            )
        )
    out.extend(
        _class_findings(
            bucket.storage_class,
            "BUCKET_STORAGE_CLASS",
            tr("Bucket gs://{bucket} has the legacy default storage class {storage_class}."),
            tr("Bucket gs://{bucket} has default storage class {storage_class}"),
            bucket=bucket.name,
        )
    )
    return out


def _class_findings(storage_class: str, code: str, legacy: str, other: str, **subject: str) -> List[Finding]:
    """`legacy` says the bucket or object has a legacy Standard class, `other` that it has another class (a clause);
    both are still to fill with {storage_class} and the `subject` placeholders."""
    if not storage_class or storage_class in _ACCEPTED_CLASSES:
        return []
    if storage_class in _LEGACY_STANDARD_CLASSES:
        return [
            _finding(
                code,
                WARNING,
                legacy.format(storage_class=storage_class, **subject),
                tr("Change it to STANDARD in the Cloud console; Earth Engine documents Standard storage."),
            )
        ]
    return [
        _finding(
            code,
            ERROR,
            tr(
                "{subject_has_class}; Earth Engine needs Standard storage (other classes add retrieval fees to every "
                "read and minimum storage durations)."
            ).format(subject_has_class=other.format(storage_class=storage_class, **subject)),
            tr(
                "Rewrite the object(s) as STANDARD, e.g. `gcloud storage objects update gs://BUCKET/OBJECT "
                "--storage-class=STANDARD` (and set the bucket's default class to STANDARD)."
            ),
        )
    ]


def preflight(
    manifest: ImageManifest,
    gcs: Optional[GcsMetadataClient],
    options: PreflightOptions = PreflightOptions(),
    progress: Optional[Progress] = None,
    *,
    validate: Callable[[str, str], ValidationReport] = validate_cog,
    read_bands: Callable[[str], SourceBands] = read_source_bands,
) -> PreflightReport:
    """Runs every check; never sends anything to Earth Engine."""
    progress = progress or Progress()
    findings: List[Finding] = []
    generations: Dict[str, str] = {}
    band_counts: Dict[str, int] = {}
    file_reports: Dict[str, ValidationReport] = {}
    gs_sources: List[Tuple[str, str]] = [  # (tileset id, full URI) of every gs:// COG
        (tileset.id, manifest.uri_prefix + tileset.uri)
        for tileset in manifest.tilesets
        if (manifest.uri_prefix + tileset.uri).startswith("gs://")
    ]
    steps = max(1, 1 + 2 * len(gs_sources))
    done = 0

    if gcs is None:
        findings.append(
            _finding(
                "STORAGE_NOT_CHECKED",
                WARNING,
                tr("Bucket location, storage class and generations were not checked: no Earth Engine credentials."),
                tr("Choose an Earth Engine connection (or set COGPORT_EE_TOKEN) and check again."),
            )
        )
    else:
        buckets: Dict[str, Optional[BucketInfo]] = {}
        for _tileset_id, uri in gs_sources:
            progress.raise_if_cancelled()
            base, pinned = strip_generation(uri)
            bucket_name, _, key = base[len("gs://") :].partition("/")
            if bucket_name not in buckets:
                buckets[bucket_name] = _bucket_findings(gcs, bucket_name, options, findings)
            if buckets[bucket_name] is not None:
                generation = _object_findings(gcs, bucket_name, key, pinned, findings)
                if generation and options.pin_generation and not pinned:
                    generations[base] = generation
            done += 1
            progress.report(done / steps)

    if options.check_files:
        for tileset_id, uri in gs_sources:
            progress.raise_if_cancelled()
            base, _ = strip_generation(uri)
            if any(f.code in ("OBJECT_NOT_FOUND", "BUCKET_NOT_FOUND") and base in f.message for f in findings):
                done += 2
                continue
            try:
                report = validate(base, "earthengine")
                file_reports[base] = report
                findings.extend(
                    replace(f, message=tr("{uri}: {message}").format(uri=base, message=f.message))
                    for f in report.findings
                )
                done += 1
                progress.report(done / steps)
                band_counts[tileset_id] = read_bands(base).count
            except CancelledError:
                raise
            except CogportError as error:
                findings.append(
                    _finding(
                        "FILE_UNREADABLE",
                        ERROR,
                        tr("{uri}: {message}").format(uri=base, message=error.what),
                        error.check or tr("the object and the bucket's storage connection."),
                    )
                )
            done += 1
            progress.report(done / steps)

    final = with_generations(manifest, generations) if generations else manifest
    for base, generation in generations.items():
        findings.append(
            _finding(
                "GENERATION_PINNED",
                INFO,
                tr("{uri} is pinned to generation {generation}.").format(uri=base, generation=generation),
                tr(
                    "Keep this generation in the bucket (enable object versioning) if you overwrite "
                    "the object later; Earth Engine reads exactly this version."
                ),
            )
        )
    findings = check_manifest(final, band_counts) + findings
    progress.report(1.0)
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings.sort(key=lambda f: order.get(f.severity, 3))
    return PreflightReport(final, findings, file_reports)


def _bucket_findings(
    gcs: GcsMetadataClient, bucket: str, options: PreflightOptions, findings: List[Finding]
) -> Optional[BucketInfo]:
    try:
        info = gcs.bucket(bucket)
    except NotFoundError:
        findings.append(
            _finding(
                "BUCKET_NOT_FOUND",
                ERROR,
                tr("Bucket gs://{bucket} does not exist.").format(bucket=bucket),
                tr("the bucket name (GCS bucket names are global and case-sensitive)."),
            )
        )
        return None
    except ServiceError as error:
        findings.append(
            _finding(
                "METADATA_UNREADABLE",
                WARNING,
                tr("The location and storage class of gs://{bucket} could not be read: {message}").format(
                    bucket=bucket, message=error.what
                ),
                tr(
                    "Give the account storage.buckets.get on the bucket (role Storage Legacy Bucket Reader; Earth "
                    "Engine's readers need it too), or check the bucket's location and class in the Cloud console "
                    "yourself."
                ),
            )
        )
        return None
    findings.extend(check_bucket(info, options.extra_dual_regions))
    return info


def _object_findings(gcs: GcsMetadataClient, bucket: str, key: str, pinned: str, findings: List[Finding]) -> str:
    uri = f"gs://{bucket}/{key}"
    try:
        info = gcs.object(bucket, key, generation=pinned)
    except NotFoundError:
        if pinned:
            findings.append(
                _finding(
                    "GENERATION_NOT_FOUND",
                    ERROR,
                    tr("{uri} has no generation {generation} (overwritten without versioning?).").format(
                        uri=uri, generation=pinned
                    ),
                    tr("Remove the #generation to use the current object, or restore that version."),
                )
            )
        else:
            findings.append(
                _finding(
                    "OBJECT_NOT_FOUND",
                    ERROR,
                    tr("{uri} does not exist.").format(uri=uri),
                    tr("the object path; upload the COG first."),
                )
            )
        return ""
    except ServiceError as error:
        findings.append(
            _finding(
                "METADATA_UNREADABLE",
                WARNING,
                tr("The metadata of {uri} could not be read: {message}").format(uri=uri, message=error.what),
                tr("Give the account storage.objects.get on the bucket."),
            )
        )
        return ""
    findings.extend(
        _class_findings(
            info.storage_class,
            "OBJECT_STORAGE_CLASS",
            tr("{uri} has the legacy storage class {storage_class}."),
            tr("{uri} has storage class {storage_class}"),
            uri=uri,
        )
    )
    return info.generation


# ----- the flow shared by the dialog, the Processing algorithm and batch registration


@dataclass
class RegistrationOutcome:
    report: PreflightReport
    result: Optional[RegistrationResult] = None  # None for a dry run
    manifest_path: str = ""


def write_manifest(manifest: ImageManifest, path: str) -> str:
    """Writes the CLI manifest through a temporary name, so a partial file never appears."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = os.path.join(directory, f".{os.path.basename(path)}.partial")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(manifest.to_json())
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise CogportError(
            tr("Could not write the manifest to {path}.").format(path=path),
            tr("that the folder exists and is writable."),
            detail=repr(exc),
        ) from None
    return path


def check_and_register(
    manifest: ImageManifest,
    *,
    client: Optional[EarthEngineClient],
    overwrite: bool = False,
    options: PreflightOptions = PreflightOptions(),
    dry_run: bool = False,
    manifest_output: str = "",
    progress: Optional[Progress] = None,
) -> RegistrationOutcome:
    """Pre-flight, then (unless `dry_run`) importExternal; errors block both sending and writing."""
    progress = progress or Progress()
    report = preflight(manifest, client.gcs if client else None, options, progress.span(0.0, 0.8))
    for finding in report.findings:
        LOG.info("%s [%s] %s", report.manifest.name, finding.severity, finding.message)
    if not report.ok:
        raise PreflightError(report)
    path = write_manifest(report.manifest, manifest_output) if manifest_output else ""
    if dry_run:
        progress.report(1.0)
        return RegistrationOutcome(report, None, path)
    if client is None:
        raise CogportError(
            tr("Cannot register without Earth Engine credentials."),
            tr("the Earth Engine connection, or set COGPORT_EE_TOKEN."),
        )
    progress.raise_if_cancelled()
    result = client.import_external(report.manifest, overwrite, progress.span(0.8, 1.0))
    progress.report(1.0)
    return RegistrationOutcome(report, result, path)


@dataclass
class BatchItem:
    asset: str
    outcome: Optional[RegistrationOutcome] = None
    error: Optional[CogportError] = None


def register_batch(
    manifests: Sequence[ImageManifest],
    *,
    client: Optional[EarthEngineClient],
    overwrite: bool = False,
    options: PreflightOptions = PreflightOptions(),
    dry_run: bool = False,
    progress: Optional[Progress] = None,
) -> List[BatchItem]:
    """One asset per manifest; a failing asset is reported and the others still go."""
    progress = progress or Progress()
    items = []
    for index, manifest in enumerate(manifests):
        progress.raise_if_cancelled()
        span = progress.span(index / len(manifests), (index + 1) / len(manifests))
        try:
            outcome = check_and_register(
                manifest, client=client, overwrite=overwrite, options=options, dry_run=dry_run, progress=span
            )
            items.append(BatchItem(manifest.name, outcome=outcome))
        except CancelledError:
            raise
        except CogportError as error:
            LOG.warning("%s: %s", manifest.name, error.user_message)
            items.append(BatchItem(manifest.name, error=error))
    return items


def manifests_per_file(folder_asset: str, uris: Sequence[str], **fields: Any) -> List[ImageManifest]:
    """One asset per COG, named folder_asset/<file stem> (made unique), bands defaulted from the file."""
    manifests: List[ImageManifest] = []
    used: set = set()
    for uri in uris:
        stem = _asset_safe(strip_generation(uri)[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
        unique, suffix = stem, 2
        while unique in used:  # same file name in two buckets or folders
            unique, suffix = f"{stem}_{suffix}", suffix + 1
        used.add(unique)
        name = f"{folder_asset.rstrip('/')}/{unique}"
        manifests.append(build_manifest(name, [uri], sources=[read_source_bands(uri)], **fields))
    return manifests


def _asset_safe(text: str) -> str:
    """Asset ids allow letters, digits, '_' and '-'."""
    return "".join(ch if ch.isalnum() or ch in "_-" else "_" for ch in text)
