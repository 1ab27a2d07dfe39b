"""The Earth Engine ImageManifest for COG-backed assets: model, defaults read from the files, JSON in and out.

The JSON written here is the file `earthengine upload external_image --manifest` takes;
the REST call wraps the same object in `{"imageManifest": …}`. Fields Cogport does not
edit (footprint, memo, skipMetadataRead, tileset crs/dataType, …) survive import/export.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from osgeo import gdal

from ..errors import CogportError
from ..i18n import tr
from ..storage.gdal_config import network_scope
from ..storage.uri import parse_location

PYRAMIDING_POLICIES = ("MEAN", "SAMPLE", "MODE", "MIN", "MAX", "MEDIAN")
ASSET_NAME = re.compile(r"^projects/([^/\s]+)/assets/(\S.*)$")
# A Cloud project id, optionally domain-scoped (example.com:my-project), as earthengine-api's
# _cloud_api_utils matches it when it turns a legacy asset id into an asset name.
_CLOUD_PROJECT = r"(?:\w+(?:[\w\-]+\.[\w\-]+)*?\.\w+:)?[a-z][a-z0-9\-]{4,28}[a-z0-9]"
_CLOUD_ASSET_NAME = re.compile(rf"projects/{_CLOUD_PROJECT}/assets/.*")
_CLOUD_ASSET_ROOT = re.compile(rf"projects/{_CLOUD_PROJECT}/assets/?")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
PropertyValue = Union[str, int, float]


@dataclass(frozen=True)
class Tileset:
    """One tileset; for a COG-backed asset it has exactly one source, whose first URI is the COG."""

    id: str
    sources: Tuple[Tuple[str, ...], ...]
    extra: Dict[str, Any] = field(default_factory=dict, compare=False)  # crs, dataType, … kept as imported
    source_extra: Tuple[Dict[str, Any], ...] = field(default=(), compare=False)  # affineTransform, dimensions

    @property
    def uri(self) -> str:
        return self.sources[0][0] if self.sources and self.sources[0] else ""


@dataclass(frozen=True)
class Band:
    id: str
    tileset_id: str
    tileset_band_index: int
    missing_data: Optional[Tuple[float, ...]] = None  # None: omitted; (): EE ignores the files' nodata
    pyramiding_policy: str = ""  # "": Earth Engine's default (MEAN)


@dataclass(frozen=True)
class MaskBand:
    tileset_id: str
    band_ids: Tuple[str, ...] = ()  # empty: the mask applies to every band


@dataclass
class ImageManifest:
    name: str
    tilesets: List[Tileset]
    bands: List[Band] = field(default_factory=list)
    mask_bands: List[MaskBand] = field(default_factory=list)
    properties: Dict[str, Any] = field(default_factory=dict)
    start_time: str = ""
    end_time: str = ""
    uri_prefix: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)

    @property
    def project(self) -> str:
        match = ASSET_NAME.match(self.name)
        return match.group(1) if match else ""

    def tileset_for(self, tileset_id: str) -> Optional[Tileset]:
        """The tileset a band or mask band names, as Earth Engine reads it, or None.

        An omitted `tilesetId` is the empty string, itself a valid tileset id; with a
        single tileset, a band that names none belongs to that tileset.
        """
        named = next((tileset for tileset in self.tilesets if tileset.id == tileset_id), None)
        if named is None and not tileset_id and len(self.tilesets) == 1:
            return self.tilesets[0]
        return named

    def _resolved_tileset_id(self, tileset_id: str) -> str:
        """The id sent for a band's tileset: spelled out, so that the manifest means one thing to every reader."""
        tileset = self.tileset_for(tileset_id)
        return tileset.id if tileset is not None else tileset_id

    def source_uris(self) -> List[str]:
        """Every tileset's COG URI with `uriPrefix` applied, as Earth Engine will read it."""
        return [self.uri_prefix + tileset.uri for tileset in self.tilesets]

    def to_dict(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {"name": self.name}
        if self.uri_prefix:
            data["uriPrefix"] = self.uri_prefix
        data["tilesets"] = [_tileset_dict(tileset) for tileset in self.tilesets]
        if self.bands:
            data["bands"] = [_band_dict(band, self._resolved_tileset_id(band.tileset_id)) for band in self.bands]
        if self.mask_bands:
            data["maskBands"] = [
                {
                    **_tileset_reference(self._resolved_tileset_id(mask.tileset_id)),
                    **({"bandIds": list(mask.band_ids)} if mask.band_ids else {}),
                }
                for mask in self.mask_bands
            ]
        if self.properties:
            data["properties"] = dict(self.properties)
        if self.start_time:
            data["startTime"] = self.start_time
        if self.end_time:
            data["endTime"] = self.end_time
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data

    def to_json(self) -> str:
        """UTF-8 text for `earthengine upload external_image --manifest`; stable, so diffs stay small."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> ImageManifest:
        if not isinstance(data, dict):
            raise _manifest_error(tr("The manifest is not a JSON object."))
        data = dict(data)
        # Older manifests name the asset with `id` (legacy asset ids); EE's own client renames it too.
        name = str(data.pop("name", "") or asset_name_from_legacy_id(str(data.pop("id", ""))))
        if "id" in data:
            data.pop("id")
        try:
            tilesets = [_tileset_from(item) for item in data.pop("tilesets", [])]
            bands = [_band_from(item) for item in data.pop("bands", [])]
            masks = [
                MaskBand(str(item.get("tilesetId", "")), tuple(str(b) for b in item.get("bandIds", [])))
                for item in data.pop("maskBands", [])
            ]
        except (AttributeError, TypeError, ValueError) as exc:
            raise _manifest_error(tr("The manifest's tilesets, bands or maskBands are malformed."), repr(exc)) from None
        properties = data.pop("properties", {}) or {}
        return cls(
            name=name,
            tilesets=tilesets,
            bands=bands,
            mask_bands=masks,
            properties=dict(properties) if isinstance(properties, dict) else properties,
            start_time=_time_from(data.pop("startTime", "")),
            end_time=_time_from(data.pop("endTime", "")),
            uri_prefix=str(data.pop("uriPrefix", "") or ""),
            extra=data,
        )

    @classmethod
    def from_json(cls, text: str) -> ImageManifest:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise _manifest_error(tr("The manifest file is not valid JSON."), str(exc)) from None
        return cls.from_dict(data)


def _manifest_error(what: str, detail: str = "") -> CogportError:
    return CogportError(
        what, tr("that the file is an Earth Engine ImageManifest JSON (the --manifest file)."), detail=detail
    )


def asset_name_from_legacy_id(asset_id: str) -> str:
    """The asset name for a legacy asset id, mapped as earthengine-api's `convert_asset_id_to_asset_name` does.

    `users/…` and `projects/<p>/…` ids live in the legacy asset tree, other bare ids
    (e.g. `COPERNICUS/S2`) in the public catalogue; names already in the Cloud form stay.
    """
    if not asset_id or _CLOUD_ASSET_NAME.fullmatch(asset_id):
        return asset_id
    if _CLOUD_ASSET_ROOT.fullmatch(asset_id):
        return f"{asset_id}/"
    if asset_id.split("/")[0] in ("users", "projects"):
        return f"projects/earthengine-legacy/assets/{asset_id}"
    return f"projects/earthengine-public/assets/{asset_id}"


def _time_from(value: Any) -> str:
    """RFC 3339 text; the guide's `{"seconds": N}` form is converted, as the REST API wants a string."""
    if isinstance(value, dict) and "seconds" in value:
        moment = datetime.datetime.fromtimestamp(int(value["seconds"]), tz=datetime.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value or "")


def _tileset_reference(tileset_id: str) -> Dict[str, str]:
    """`tilesetId`, left out when empty: the empty id is the default, and earthengine-api sends it so."""
    return {"tilesetId": tileset_id} if tileset_id else {}


def _tileset_dict(tileset: Tileset) -> Dict[str, Any]:
    data: Dict[str, Any] = {"id": tileset.id} if tileset.id else {}  # the empty id is the default, as for bands
    data["sources"] = [{"uris": list(uris)} for uris in tileset.sources]
    for source, extra in zip(data["sources"], tileset.source_extra):
        source.update(extra)
    for key, value in tileset.extra.items():
        data.setdefault(key, value)
    return data


def _tileset_from(item: Dict[str, Any]) -> Tileset:
    item = dict(item)
    raw_sources = item.pop("sources", [])
    sources, source_extra = [], []
    for source in raw_sources:
        source = dict(source)
        uris = source.pop("uris", None)
        if uris is None and "primaryPath" in source:  # pre-2020 manifests, renamed as earthengine-api does
            uris = [source.pop("primaryPath")] + list(source.pop("additionalPaths", []))
        if "maxError" in source:
            source["maxErrorMeters"] = source.pop("maxError")
        sources.append(tuple(str(uri) for uri in (uris or [])))
        source_extra.append(source)
    extra = {key: value for key, value in item.items() if key != "id"}
    return Tileset(str(item.get("id", "")), tuple(sources), extra, tuple(source_extra))


def _band_dict(band: Band, tileset_id: str) -> Dict[str, Any]:
    data: Dict[str, Any] = {
        "id": band.id,
        **_tileset_reference(tileset_id),
        "tilesetBandIndex": band.tileset_band_index,
    }
    if band.missing_data is not None:
        data["missingData"] = {"values": [_json_number(value) for value in band.missing_data]}
    if band.pyramiding_policy:
        data["pyramidingPolicy"] = band.pyramiding_policy
    return data


def _band_from(item: Dict[str, Any]) -> Band:
    missing = item.get("missingData")
    values = None if missing is None else tuple(float(v) for v in (missing.get("values") or []))
    return Band(
        id=str(item.get("id", "")),
        tileset_id=str(item.get("tilesetId", "")),
        tileset_band_index=int(item.get("tilesetBandIndex", 0)),
        missing_data=values,
        pyramiding_policy=str(item.get("pyramidingPolicy", "") or ""),
    )


def bands_from_json(text: str) -> List[Band]:
    """A JSON list of manifest band objects, e.g. as given to `cogport:register_earthengine`'s BANDS."""
    try:
        items = json.loads(text)
        if not isinstance(items, list):
            raise TypeError(type(items).__name__)  # the detail for the log: what was given instead of a list
        return [_band_from(item) for item in items]
    except (ValueError, TypeError, AttributeError) as exc:
        raise CogportError(
            tr("The bands are not a JSON list of band objects."),
            tr(
                'the form [{"id": "red", "tilesetId": "0", "tilesetBandIndex": 0, "missingData": {"values": [0]}, '
                '"pyramidingPolicy": "MEAN"}, …].'
            ),
            detail=str(exc),
        ) from None


def _json_number(value: float) -> Union[int, float]:
    """-9999 rather than -9999.0: what people write by hand, and what the EE docs show."""
    return int(value) if float(value).is_integer() else value


# ----- defaults from the files


@dataclass(frozen=True)
class SourceBands:
    """What GDAL reports about one COG: enough to name its bands and set missing data."""

    uri: str
    descriptions: Tuple[str, ...]
    nodata: Tuple[Optional[float], ...]

    @property
    def count(self) -> int:
        return len(self.descriptions)


def strip_generation(uri: str) -> Tuple[str, str]:
    """`gs://b/k#123` -> (`gs://b/k`, `123`)."""
    base, _, generation = uri.partition("#")
    return base, generation


def read_source_bands(uri: str) -> SourceBands:
    """Opens the COG through GDAL (/vsigs/ for gs://) reading headers only."""
    base, _ = strip_generation(uri)
    path = parse_location(base).vsi_path if base.startswith("gs://") else base
    # No sibling probing (.aux.xml, .msk): each probe is a request, and EE ignores sidecars anyway.
    previous = gdal.GetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", None)
    gdal.SetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
    try:
        with network_scope(path):
            dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
    except RuntimeError as exc:
        raise CogportError(
            tr("Could not open {uri} to read its bands.").format(uri=uri),
            tr("that the object exists, is a GeoTIFF, and that the bucket's storage connection has read access."),
            detail=str(exc),
        ) from None
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", previous)
    if dataset is None:
        raise CogportError(
            tr("Could not open {uri} to read its bands.").format(uri=uri),
            tr("that the object exists and is a GeoTIFF."),
        )
    try:
        bands = [dataset.GetRasterBand(index + 1) for index in range(dataset.RasterCount)]
        return SourceBands(
            uri=uri,
            descriptions=tuple(band.GetDescription() or "" for band in bands),
            nodata=tuple(band.GetNoDataValue() for band in bands),
        )
    finally:
        dataset = None


def default_bands(sources: Sequence[SourceBands], tileset_ids: Sequence[str]) -> List[Band]:
    """Band ids from the band descriptions (else b1, b2, … across tilesets); missing data from nodata."""
    bands: List[Band] = []
    used: set = set()
    number = 0
    for source, tileset_id in zip(sources, tileset_ids):
        for index in range(source.count):
            number += 1
            name = _band_name(source.descriptions[index]) or f"b{number}"
            unique, suffix = name, 2
            while unique in used:
                unique, suffix = f"{name}_{suffix}", suffix + 1
            used.add(unique)
            nodata = source.nodata[index]
            missing = (nodata,) if nodata is not None and not math.isnan(nodata) else None
            bands.append(Band(unique, tileset_id, index, missing))
    return bands


def _band_name(description: str) -> str:
    """EE band names: letters, digits, '_' and '-' are safe; other characters become '_'."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", description.strip()).strip("_")


def build_manifest(
    name: str,
    uris: Sequence[str],
    *,
    sources: Optional[Sequence[SourceBands]] = None,
    properties: Optional[Dict[str, PropertyValue]] = None,
    start_time: str = "",
    end_time: str = "",
    uri_prefix: str = "",
) -> ImageManifest:
    """One tileset per URI (ids "0", "1", …), bands defaulted from `sources` when given."""
    tilesets = [Tileset(str(index), ((uri,),)) for index, uri in enumerate(uris)]
    bands = default_bands(sources, [t.id for t in tilesets]) if sources is not None else []
    return ImageManifest(
        name=name,
        tilesets=tilesets,
        bands=bands,
        properties=dict(properties or {}),
        start_time=normalise_time(start_time),
        end_time=normalise_time(end_time),
        uri_prefix=uri_prefix,
    )


def normalise_time(text: str) -> str:
    """Accepts RFC 3339, or a bare date / date-time (taken as UTC), and returns RFC 3339."""
    text = text.strip()
    if not text or RFC3339.match(text):
        return text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{text}T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?", text):
        date, clock = re.split(r"[T ]", text)
        return f"{date}T{clock if clock.count(':') == 2 else clock + ':00'}Z"
    return text  # left as typed; the pre-flight check reports it


def asset_name(project: str, path: str) -> str:
    """`projects/<project>/assets/<path>`; a full name, or a path without a project, passes through unchanged."""
    path = path.strip().strip("/")
    if path.startswith("projects/") or not project.strip():
        return path
    return f"projects/{project.strip()}/assets/{path}"


def with_generations(manifest: ImageManifest, generations: Dict[str, str]) -> ImageManifest:
    """A copy whose COG URIs (keyed by full URI, prefix applied) carry `#<generation>`."""
    tilesets = []
    for tileset in manifest.tilesets:
        full = manifest.uri_prefix + tileset.uri
        base, _ = strip_generation(full)
        generation = generations.get(base)
        if generation and tileset.sources:
            own_base, _ = strip_generation(tileset.uri)
            first = (f"{own_base}#{generation}",) + tuple(tileset.sources[0][1:])
            tileset = replace(tileset, sources=(first,) + tuple(tileset.sources[1:]))
        tilesets.append(tileset)
    return replace(manifest, tilesets=tilesets)
