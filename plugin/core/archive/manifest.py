"""The job manifest: one JSON line per change of an item's state, so a re-run knows what is already done.

The first line describes the job (destination, profile, registration); a manifest is only ever reused
by the same job. Lines are appended and flushed as states change; a line torn by a crash is ignored.
No line ever holds a secret: items are named by their source and their published URI only.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import IO, Any, Dict, Iterable, Mapping, Optional

from ..errors import CogportError
from ..i18n import tr

FORMAT = 1


def default_manifest_path(folder: str, job: Mapping[str, Any]) -> str:
    """A stable file per job under `folder`, so running the same job again resumes without naming one."""
    digest = hashlib.sha256(json.dumps(job, sort_keys=True).encode()).hexdigest()[:16]
    return os.path.join(folder, f"job-{digest}.jsonl")


class ItemState(str, Enum):
    SUBMITTED = "submitted"  # sent to a worker: the job owns its destination key from now on
    UPLOADED = "uploaded"  # the object is complete and verified
    REGISTERED = "registered"  # … and registered with the service
    SKIPPED = "skipped"  # an object was already there and the job's rule says skip
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass
class ItemRecord:
    source: str
    state: ItemState
    uri: str = ""
    key: str = ""
    size: int = 0
    etag: str = ""
    step: str = ""  # where a failure happened: convert, validate, upload, register…
    error: str = ""  # the one-sentence message a person reads
    worker: str = ""
    seconds: float = 0.0
    registered: str = ""  # the asset or tile id
    at: str = ""

    def to_line(self) -> str:
        data = {key: value for key, value in asdict(self).items() if value not in ("", 0, 0.0)}
        data["state"] = self.state.value
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ItemRecord:
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["state"] = ItemState(values["state"])
        return cls(**values)


class JobManifest:
    """An open manifest: the latest record of each item, and an append-only log on disk."""

    def __init__(self, path: str, job: Mapping[str, Any]) -> None:
        self.path = os.path.abspath(path)
        self.job = dict(job)
        self.latest: Dict[str, ItemRecord] = {}
        self.owned: Dict[str, str] = {}  # source -> key the job has written (or may have) before
        self._handle: Optional[IO[str]] = None

    @classmethod
    def open(cls, path: str, job: Mapping[str, Any]) -> JobManifest:
        manifest = cls(path, job)
        manifest._load()
        manifest._handle = manifest._open_for_append()
        return manifest

    def _load(self) -> None:
        if not os.path.exists(self.path):
            return
        with open(self.path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        for number, line in enumerate(lines):
            try:
                data = json.loads(line)
            except ValueError:
                if number == len(lines) - 1:
                    break  # the last line, torn by a crash while it was written
                raise CogportError(
                    tr("Line {line} of the job manifest {path} is not JSON.").format(line=number + 1, path=self.path),
                    tr("that the file is a Cogport job manifest; move it away to start the job afresh."),
                ) from None
            if number == 0:
                self._check_job(data)
            else:
                record = ItemRecord.from_data(data)
                self.latest[record.source] = record
                if record.state is ItemState.SUBMITTED:
                    self.owned[record.source] = record.key

    def _check_job(self, header: Mapping[str, Any]) -> None:
        recorded = header.get("job", {})
        if header.get("cogport_manifest") != FORMAT or recorded != self.job:
            differences = sorted(key for key in set(recorded) | set(self.job) if recorded.get(key) != self.job.get(key))
            raise CogportError(
                tr("The job manifest {path} belongs to another job (it differs in: {differences}).").format(
                    path=self.path, differences=", ".join(differences) or tr("its format")
                ),
                tr("the MANIFEST: give each job its own manifest file, or remove this one to start afresh."),
            )

    def _open_for_append(self) -> IO[str]:
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            handle = open(self.path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - kept open for the job
        except OSError as exc:
            raise CogportError(
                tr("Could not write the job manifest {path}.").format(path=self.path),
                tr("that its folder exists and is writable."),
                detail=repr(exc),
            ) from None
        _lock(handle, self.path)
        if handle.tell() == 0:
            handle.write(json.dumps({"cogport_manifest": FORMAT, "job": self.job}, sort_keys=True) + "\n")
            _sync(handle)
        return handle

    def record(self, records: Iterable[ItemRecord]) -> None:
        """Appends the records and makes them durable before returning (one sync for the lot)."""
        if self._handle is None:
            raise CogportError(tr("The job manifest is closed."))
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for record in records:
            record.at = record.at or stamp
            self._handle.write(record.to_line() + "\n")
            self.latest[record.source] = record
            if record.state is ItemState.SUBMITTED:
                self.owned[record.source] = record.key
        _sync(self._handle)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()  # also releases the lock
            self._handle = None


def _sync(handle: IO[str]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _lock(handle: IO[str], path: str) -> None:
    """One job per manifest at a time: two runs sharing one would both publish the same items."""
    try:
        import fcntl
    except ImportError:  # Windows: QGIS users there run one job per manifest by hand
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise CogportError(
            tr("Another Cogport job is running with the manifest {path}.").format(path=path),
            tr("that the other job has finished (or cancel it) before starting this one again."),
        ) from None
