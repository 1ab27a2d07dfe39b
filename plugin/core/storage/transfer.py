"""What every upload engine shares: the byte meter, streamed cancellable bodies, retries and checksums."""

from __future__ import annotations

import base64
import concurrent.futures as futures
import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple, TypeVar

import requests

from ..errors import CancelledError, CogportError, StorageError
from ..i18n import tr, translatable
from ..progress import Progress
from ..services import http
from ..services.http import RetryPolicy

LOG = logging.getLogger("cogport.upload")
MiB = 1024 * 1024
READ_SLICE = 1 * MiB  # bytes hashed per read: small enough that a cancel is seen at once
SEND_SLICE = 256 * 1024  # bytes handed to the socket per read
UPLOAD_RETRY = RetryPolicy(max_attempts=5, first_delay=0.5, factor=2.0, max_delay=20.0, default_retry_after=1.0)


class IntegrityError(StorageError):
    """The store holds something other than what was sent."""


@dataclass(frozen=True)
class TransferStatus:
    """What a progress display shows: bytes sent, rate and time left."""

    name: str
    sent: int
    total: int
    elapsed: float

    @property
    def rate(self) -> float:
        """Bytes per second since the start."""
        return self.sent / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def remaining(self) -> Optional[float]:
        """Seconds left at the current rate, or None before the rate is known."""
        if self.rate <= 0:
            return None
        return max(self.total - self.sent, 0) / self.rate

    def text(self) -> str:
        return tr("Uploading {name}: {figures}").format(name=self.name, figures=self.figures())

    def figures(self) -> str:
        """Bytes sent, rate and time left, without the name."""
        sent = tr("{sent} of {total}, {rate}/s").format(
            sent=format_bytes(self.sent), total=format_bytes(self.total), rate=format_bytes(self.rate)
        )
        left = self.remaining
        return sent if left is None else sent + tr(", {duration} left").format(duration=format_duration(left))


_BYTE_UNITS = (
    translatable("{size} B"),
    translatable("{size} KB"),
    translatable("{size} MB"),
    translatable("{size} GB"),
)


def format_bytes(count: float) -> str:
    unit = 0
    while abs(count) >= 1024 and unit < len(_BYTE_UNITS) - 1:
        count /= 1024
        unit += 1
    return tr(_BYTE_UNITS[unit]).format(size=f"{count:.0f}" if unit == 0 else f"{count:.1f}")


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return tr("{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return tr("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return tr("{hours} h {minutes} min").format(hours=hours, minutes=f"{minutes:02d}")


class TransferMeter:
    """Counts bytes sent by any number of threads; reports fraction often and a status line twice a second."""

    def __init__(
        self,
        name: str,
        total: int,
        progress: Progress,
        on_status: Optional[Callable[[TransferStatus], None]] = None,
        interval: float = 0.5,
    ) -> None:
        self.name = name
        self.total = total
        self.progress = progress
        self.on_status = on_status
        self.interval = interval
        self.stop = threading.Event()  # set on cancel or on the first failure: every thread stops sending
        self.retries = 0
        self._sent = 0
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._last_status = 0.0

    @property
    def sent(self) -> int:
        return self._sent

    def add(self, count: int) -> None:
        with self._lock:
            self._sent += count
            now = time.monotonic()
            due = now - self._last_status >= self.interval or self._sent >= self.total
            if due:
                self._last_status = now
        self.progress.report(self._sent / self.total if self.total else 1.0)
        if due:
            self.publish()

    def status(self) -> TransferStatus:
        return TransferStatus(self.name, self._sent, self.total, time.monotonic() - self._started)

    def publish(self) -> None:
        status = self.status()
        self.progress.message(status.text())
        if self.on_status is not None:
            self.on_status(status)

    def check(self) -> None:
        """Raises CancelledError once the person cancelled or another thread failed."""
        if self.progress.cancelled:
            self.stop.set()
        if self.stop.is_set():
            raise CancelledError()

    def wait(self, seconds: float) -> None:
        """Sleeps in short slices so a cancel during a retry back-off is seen within 0.1 s."""
        deadline = time.monotonic() + seconds
        while True:
            self.check()
            left = deadline - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.1))


def quiet_meter() -> TransferMeter:
    """A meter for the short requests around a transfer (existence and integrity checks)."""
    return TransferMeter("", 0, Progress())


class FileSliceBody:
    """A request body streaming bytes [offset, offset+length) of a file, counting them and honouring cancel.

    Reading from the file as the socket asks keeps memory flat whatever the part size;
    raising from `read` makes the HTTP library drop the connection, so a cancel takes
    effect within one slice. The MD5 of what was sent is computed on the way, so a part
    is read once. `read` returns up to SEND_SLICE bytes whatever size is asked: http.client
    asks for 8 KB at a time, and per-call overhead would otherwise dominate.
    """

    def __init__(self, fd: int, offset: int, length: int, meter: Optional[TransferMeter]) -> None:
        self.fd = fd
        self.offset = offset
        self.length = length
        self.meter = meter
        self.position = 0
        self.md5 = hashlib.md5(usedforsecurity=False)

    def __len__(self) -> int:
        return self.length

    def read(self, size: int = -1) -> bytes:
        # Once every byte is on the wire the server stores the object whatever the client does next:
        # a cancel then must let the request finish, not report a cancel for an object that lands.
        if self.meter is not None and self.position < self.length:
            self.meter.check()
        size = min(SEND_SLICE, self.length - self.position)
        data = os.pread(self.fd, size, self.offset + self.position) if size > 0 else b""
        self.position += len(data)
        self.md5.update(data)
        if self.meter is not None and data:
            self.meter.add(len(data))
        return data

    def rewind(self) -> None:
        """Back to the start before another attempt, taking back the bytes the failed one counted."""
        if self.meter is not None and self.position:
            self.meter.add(-self.position)
        self.position = 0
        self.md5 = hashlib.md5(usedforsecurity=False)

    @property
    def md5_hex(self) -> str:
        return self.md5.hexdigest()


@dataclass(frozen=True)
class SliceDigest:
    md5: bytes
    sha256: str

    @property
    def md5_hex(self) -> str:
        return self.md5.hex()

    @property
    def md5_base64(self) -> str:
        return base64.b64encode(self.md5).decode()


def digest_slice(fd: int, offset: int, length: int, meter: Optional[TransferMeter], sha256: bool = True) -> SliceDigest:
    """MD5 (and SHA-256 for SigV4) of a file slice, read in slices so cancel stays prompt."""
    md5 = hashlib.md5(usedforsecurity=False)
    sha = hashlib.sha256() if sha256 else None
    done = 0
    while done < length:
        if meter is not None:
            meter.check()
        data = os.pread(fd, min(READ_SLICE, length - done), offset + done)
        if not data:
            raise CogportError(
                tr("The file being uploaded became shorter while it was read."),
                tr("that no other program is writing the file, then upload again."),
            )
        md5.update(data)
        if sha is not None:
            sha.update(data)
        done += len(data)
    return SliceDigest(md5.digest(), sha.hexdigest() if sha is not None else "")


def multipart_etag(part_md5s: Iterable[bytes]) -> str:
    """The ETag S3 gives a multipart object: MD5 of the concatenated part MD5s, a dash and the part count."""
    digests = list(part_md5s)
    return f"{hashlib.md5(b''.join(digests), usedforsecurity=False).hexdigest()}-{len(digests)}"


def clean_etag(value: Optional[str]) -> str:
    return (value or "").strip().strip('"').lower()


def check_etag(received: Optional[str], expected: str, what: str) -> None:
    """Raises unless the store's ETag of `what` (a URI, or a part of one, as messages name it) is `expected`."""
    if clean_etag(received) != expected.lower():
        raise IntegrityError(
            tr("The store's checksum of {what} does not match the bytes sent.").format(what=what),
            tr("the network path (a proxy rewriting uploads) and the store's health, then upload again."),
            detail=f"expected ETag {expected}, store answered {received!r}",
        )


def check_size(received: Optional[str], expected: int, uri: str) -> None:
    try:
        size = int(received or "-1")
    except ValueError:
        size = -1
    if size != expected:
        raise IntegrityError(
            tr("The uploaded object {uri} has {size} bytes on the store instead of {expected}.").format(
                uri=uri, size=size, expected=expected
            ),
            tr("the store's health and quota, then upload again."),
        )


Send = Callable[[], requests.Response]


def send_with_retries(
    send: Send,
    what: str,
    meter: TransferMeter,
    explain: Callable[[requests.Response], Exception],
    network_failure: Callable[[Exception], Exception],
    policy: RetryPolicy = UPLOAD_RETRY,
    body: Optional[FileSliceBody] = None,
) -> requests.Response:
    """One upload request under the shared retry rules; the body is rewound before each attempt.

    Any non-2xx answer that is not worth retrying (403, 404, 400…) becomes the error `explain` makes.
    """

    def send_from_start() -> requests.Response:
        if body is not None:
            body.rewind()
        return send()

    def count_retry() -> None:
        meter.retries += 1

    try:
        response = http.send_with_retries(
            send_from_start, policy, what, pause=meter.wait, check=meter.check, on_retry=count_retry
        )
    except http.TRANSIENT_ERRORS as exc:
        raise network_failure(exc) from exc
    if response.status_code >= 300:
        raise explain(response)
    return response


def pick_part_size(size: int, wanted: int, max_parts: int, minimum: int) -> int:
    """The part size to use: `wanted`, grown if the file would need more than `max_parts` parts."""
    part = max(wanted, minimum)
    if size > part * max_parts:
        part = -(-size // max_parts)
    return part


def part_ranges(size: int, part_size: int) -> Tuple[Tuple[int, int], ...]:
    """(offset, length) of each part; an empty file is one empty part."""
    if size == 0:
        return ((0, 0),)
    return tuple((offset, min(part_size, size - offset)) for offset in range(0, size, part_size))


T = TypeVar("T")


def run_parallel(tasks: Sequence[Callable[[], T]], concurrency: int, meter: TransferMeter, name: str) -> List[T]:
    """Runs the tasks `concurrency` at a time; results in task order.

    The first failure (or a cancel) sets `meter.stop`, which makes every task in flight
    stop within one read slice; that failure is raised once all threads are done, so the
    caller can clean up knowing nothing is still sending.
    """
    results: Dict[int, T] = {}
    pool = futures.ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix=name)
    first_error: Optional[BaseException] = None
    try:
        pending = {pool.submit(task): index for index, task in enumerate(tasks)}
        while pending and first_error is None:
            finished, _rest = futures.wait(list(pending), timeout=0.2, return_when=futures.FIRST_EXCEPTION)
            for future in finished:
                index = pending.pop(future)
                error = future.exception()
                if error is None:
                    results[index] = future.result()
                elif first_error is None or isinstance(first_error, CancelledError):
                    first_error = error  # a real failure beats the CancelledErrors it causes elsewhere
            if first_error is None:
                try:
                    meter.check()
                except CancelledError as exc:
                    first_error = exc
    finally:
        if first_error is not None:
            meter.stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
    if first_error is not None:
        raise first_error
    return [results[index] for index in range(len(tasks))]
