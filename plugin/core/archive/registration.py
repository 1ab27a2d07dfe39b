"""Registration of published items, done by the driver (the machine that started the job), not the workers.

Why the driver: a service's rate limit belongs to the account, however many workers publish. One process
sending every registration sees every 429 and paces them all through one gate (the BYOC client's
RequestGate, learned from Retry-After), where a Dask semaphore would only cap concurrency and leave each
worker to learn the limit alone. The service secrets (BYOC OAuth client, Earth Engine token or key) also
never leave this machine: workers only ever get the storage credentials. A registration is a few HTTP
requests, nothing next to converting and uploading a scene, so it needs no cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..errors import CancelledError, ServiceError
from ..i18n import tr
from ..progress import Progress
from ..services.byoc import CREATED, NOT_SENT, PRESENT, ByocClient, TileSpec, register_tiles
from ..services.byoc_tiles import sensing_time_from_path
from ..services.earthengine import EarthEngineClient
from ..services.earthengine_preflight import check_and_register, manifests_per_file
from ..storage.uri import ObjectLocation


class Registrar(Protocol):
    kind: str  # "byoc" or "earthengine", recorded in the manifest's job line
    target: str  # the collection or asset folder
    concurrency: int  # registrations in flight at once, for the whole job

    def register(self, location: ObjectLocation, progress: Progress) -> str:
        """Registers one published COG and returns the tile or asset id; raises a CogportError."""
        ...


@dataclass
class ByocRegistrar:
    """Each COG becomes one tile of a collection, its path the object key (its bands read by index)."""

    client: ByocClient
    collection_id: str
    sensing_time_pattern: str = ""
    concurrency: int = 8
    kind: str = "byoc"

    @property
    def target(self) -> str:
        return self.collection_id

    def register(self, location: ObjectLocation, progress: Progress) -> str:
        when = sensing_time_from_path(location.key, self.sensing_time_pattern) if self.sensing_time_pattern else ""
        # One tile a call; the client, and so its gate, is shared by every registration of the job. A tile
        # already in the collection answers 409 and counts as present, so a re-run never duplicates one.
        summary = register_tiles(
            self.client, self.collection_id, [TileSpec(location.key, when)], progress, workers=1, skip_existing=False
        )
        outcome = summary.outcomes[0]
        if outcome.result in (CREATED, PRESENT):
            return outcome.tile_id or tr("{key} (already in the collection)").format(key=location.key)
        if outcome.result == NOT_SENT:
            raise CancelledError()
        raise ServiceError(
            tr("BYOC did not register {key}: {reason}").format(key=location.key, reason=outcome.reason),
            tr("the collection and the tile."),
        )


@dataclass
class EarthEngineRegistrar:
    """Each COG becomes one COG-backed asset, <folder>/<file stem>, after the usual pre-flight checks."""

    client: EarthEngineClient
    folder: str
    overwrite: bool = False
    concurrency: int = 2
    kind: str = "earthengine"

    @property
    def target(self) -> str:
        return self.folder

    def register(self, location: ObjectLocation, progress: Progress) -> str:
        manifest = manifests_per_file(self.folder, [location.uri])[0]
        outcome = check_and_register(manifest, client=self.client, overwrite=self.overwrite, progress=progress)
        return outcome.report.manifest.name
