"""Publishing files from QGIS: drops on the bucket browser and the Publish dock share this flow.

1. A check task validates every file for the profile and looks for existing objects.
2. On the main thread the analyst answers at most two questions: convert the files that are
   not valid COGs (or upload them as they are, or skip them), and overwrite, skip or rename
   objects that already exist.
3. One task per file runs core `publish_file` (convert → validate → upload); a failure stops
   that file only. Progress shows in the task manager and through the `PublishRun` signals.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple, Union

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsRasterLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QMessageBox

from ...core.cog.batch import is_raster
from ...core.cog.validate import validate_cog
from ...core.errors import CogportError
from ...core.progress import Progress
from ...core.publish import (
    ConvertPolicy,
    PublishOutcome,
    PublishSettings,
    Step,
    incomplete_error,
    publish_file,
    upload_targets,
    will_convert,
)
from ...core.storage.connection import Credentials, StorageConnection
from ...core.storage.upload import IfExists, check_destination, object_exists
from ...core.storage.uri import ObjectLocation
from ..common.i18n import tr, translatable
from ..common.layer_sources import layer_file_path
from ..common.tasks import CoreTask, run_task, user_message

CONVERT, AS_IS, SKIP = "convert", "as-is", "skip"
CANCELLED = translatable("Cancelled: nothing was left on the store.")


def _while_alive(callback: Callable) -> Callable:
    """Task results can arrive after Qt deleted the run with the dock that owned it (unload, quit): drop them."""

    @functools.wraps(callback)
    def guarded(run: PublishRun, *args) -> None:
        if not sip.isdeleted(run):
            callback(run, *args)

    return guarded


Ask = Callable[[str, str, Sequence[Tuple[str, str]]], str]  # (title, text, [(choice, label)]) -> choice


def ask_with_message_box(title: str, text: str, choices: Sequence[Tuple[str, str]]) -> str:
    """A question with one button per choice; closing the box picks the last choice."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text)
    buttons = {
        box.addButton(label, QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.ActionRole): choice
        for i, (choice, label) in enumerate(choices)
    }
    box.exec()
    return buttons.get(box.clickedButton(), choices[-1][0])


def local_path(item: Union[str, QgsMapLayer]) -> str:
    """The local file behind a path or a raster layer, or '' when there is none."""
    path = layer_file_path(item) if isinstance(item, QgsMapLayer) else str(item)
    return path if os.path.isfile(path) else ""


def source_label(item: Union[str, QgsMapLayer]) -> str:
    """How a path or a layer is named to the person: the layer's name, else the path."""
    return item.name() if isinstance(item, QgsMapLayer) else str(item)


@dataclass
class Intake:
    """What can be published of the files and layers given, and what was refused with the reason."""

    sources: List[str] = field(default_factory=list)
    not_local: List[str] = field(default_factory=list)
    not_rasters: List[str] = field(default_factory=list)

    def refusal(self) -> str:
        """One sentence per kind of refusal, for the message bar ('' when everything was taken)."""
        parts = []
        if self.not_local:
            parts.append(
                tr("Only local files can be published; not added: {names}.").format(names=", ".join(self.not_local))
            )
        if self.not_rasters:
            parts.append(
                tr("Not rasters GDAL can read, not added: {names}.").format(
                    names=", ".join(os.path.basename(path) for path in self.not_rasters)
                )
            )
        return " ".join(parts)


def take_sources(items: Sequence[Union[str, QgsMapLayer]]) -> Intake:
    """Sorts files and layers into local rasters and refusals, before anything is checked or asked."""
    intake = Intake()
    for item in items:
        path = local_path(item)
        if not path:
            intake.not_local.append(source_label(item))
        elif not is_raster(path):
            intake.not_rasters.append(path)
        else:
            intake.sources.append(path)
    return intake


class PublishRun(QObject):
    """One publish of several files; emits per-file steps and transfer status on the main thread."""

    stepChanged = pyqtSignal(int, str, str)  # file index, Step value, text
    statusChanged = pyqtSignal(int, str)  # file index, "12.0 MB of 40.0 MB, 31.2 MB/s, 1 s left"
    progressChanged = pyqtSignal(int, int)  # file index, percent of its chain (convert, validate, upload)
    overallChanged = pyqtSignal(int)  # percent of the whole run
    finished = pyqtSignal()

    def __init__(
        self,
        iface,
        sources: Sequence[str],
        settings: PublishSettings,
        connection: Optional[StorageConnection],
        credentials: Optional[Credentials],
        ask: Ask = ask_with_message_box,
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.iface = iface
        self.sources = list(sources)
        self.settings = settings
        self.connection = connection
        self.credentials = credentials
        self.ask = ask
        self.outcomes: List[PublishOutcome] = [PublishOutcome(s) for s in self.sources]
        self.percents: List[int] = [0] * len(self.sources)
        self.errors: Dict[int, str] = {}
        self.tasks: List[CoreTask] = []
        self._open = 0
        self._stopped = False

    # ----- step 1: check every file (off the main thread)
    def start(self) -> None:
        for index in range(len(self.sources)):
            self.stepChanged.emit(index, Step.VALIDATING.value, self.tr("checking"))
        task = CoreTask(
            self.tr("Checking {count} file(s) before upload").format(count=len(self.sources)),
            self._check,
            on_done=self._decide,
            on_error=self._check_failed,
        )
        self.tasks.append(task)
        run_task(task)

    def _check(self, progress: Progress) -> List[Tuple[Optional[bool], bool, str]]:
        """Per file: valid for the profile (None when conversion is forced), object exists, error text.

        The destination comes first: a missing bucket fails the run before anyone is asked about a file.
        """
        check_destination(self.settings.destination, self.connection, self.credentials)
        answers = []
        for number, source in enumerate(self.sources):
            progress.raise_if_cancelled()
            try:
                report = validate_cog(source, self.settings.profile)
                if report.incomplete:
                    raise incomplete_error(source, report)
                forced = will_convert(self.settings, valid=True)  # converted whatever it is: nothing to ask
                valid = None if forced else report.valid
                targets = upload_targets(source, self.settings, will_convert(self.settings, report.valid))
                exists = self.settings.if_exists is IfExists.FAIL and any(
                    object_exists(target, self.connection, self.credentials) for target in targets
                )
                answers.append((valid, exists, ""))
            except CogportError as exc:
                answers.append((None, False, exc.user_message))
            progress.report((number + 1) / len(self.sources))
        return answers

    @_while_alive
    def _check_failed(self, error: Exception) -> None:
        for index in range(len(self.sources)):
            self._fail(index, user_message(error))
        self.finished.emit()

    # ----- step 2: ask (main thread), then start one task per file
    @_while_alive
    def _decide(self, answers: List[Tuple[Optional[bool], bool, str]]) -> None:
        if self._stopped:  # cancelled once the files were checked: start nothing
            for index in range(len(self.sources)):
                self._fail(index, tr(CANCELLED))
            self.finished.emit()
            return
        invalid = [i for i, (valid, _e, error) in enumerate(answers) if valid is False and not error]
        invalid_choice = ""  # no question: the settings decide (NEVER without upload_invalid fails the file)
        if invalid and self.settings.convert is ConvertPolicy.IF_INVALID and not self.settings.upload_invalid:
            names = "\n".join(f"• {os.path.basename(self.sources[i])}" for i in invalid)
            invalid_choice = self.ask(
                self.tr("Not valid COGs"),
                self.tr(
                    "These files are not valid COGs for the '{profile}' profile:\n{names}\n\n"
                    "Convert them to COGs before uploading?"
                ).format(profile=self.settings.profile, names=names),
                [
                    (CONVERT, self.tr("Convert first")),
                    (AS_IS, self.tr("Upload as they are")),
                    (SKIP, self.tr("Skip them")),
                ],
            )
        existing = [i for i, (_v, exists, error) in enumerate(answers) if exists and not error]
        existing_choice = IfExists.FAIL.value
        if existing:
            names = "\n".join(f"• {os.path.basename(self.sources[i])}" for i in existing)
            existing_choice = self.ask(
                self.tr("Objects already exist"),
                self.tr("Objects with these names already exist in {destination}:\n{names}").format(
                    destination=self.settings.destination.uri, names=names
                ),
                [
                    (IfExists.OVERWRITE.value, self.tr("Overwrite")),
                    (IfExists.RENAME.value, self.tr("Keep both (rename)")),
                    (IfExists.SKIP.value, self.tr("Skip them")),
                ],
            )
        for index, (valid, exists, error) in enumerate(answers):
            if error:
                self._fail(index, error)
                continue
            settings = self.settings
            if valid is False and invalid_choice:
                if invalid_choice == SKIP:
                    self._skip(index, self.tr("not a valid COG; skipped"))
                    continue
                settings = replace(
                    settings,
                    upload_invalid=invalid_choice == AS_IS,
                    convert=ConvertPolicy.IF_INVALID if invalid_choice == CONVERT else ConvertPolicy.NEVER,
                )
            if exists:
                settings = replace(settings, if_exists=IfExists(existing_choice))
            self._start_file(index, settings)
        if self._open == 0:
            self.finished.emit()

    # ----- step 3: the chain of each file
    def _start_file(self, index: int, settings: PublishSettings) -> None:
        source = self.sources[index]
        relay = _Relay()  # not a child of the run: it outlives a deleted run while the task ends
        relay.step.connect(lambda value, text, i=index: self._on_step(i, value, text))
        relay.status.connect(lambda text, i=index: self._on_status(i, text))
        relay.percent.connect(lambda value, i=index: self._set_percent(i, int(value)))

        def work(progress: Progress) -> PublishOutcome:
            return publish_file(
                source,
                settings,
                self.connection,
                self.credentials,
                progress,
                on_step=lambda value, text: relay.step.emit(value.value, text),
                on_status=lambda status: relay.status.emit(status.figures()),
            )

        task = CoreTask(
            self.tr("Publishing {name} to {destination}").format(
                name=os.path.basename(source), destination=settings.destination.uri
            ),
            work,
            on_done=lambda outcome, i=index: self._done(i, outcome),
            on_error=lambda error, i=index: self._error(i, error),
            on_cancelled=lambda i=index: self._file_cancelled(i),
        )
        task.relay = relay  # kept alive with the task
        task.progressChanged.connect(relay.percent)
        self._open += 1
        self.tasks.append(task)
        run_task(task)

    def _set_percent(self, index: int, percent: int, shown: bool = True) -> None:
        """Records a file's progress; a failed or skipped file counts as done for the run but shows no bar."""
        if percent != self.percents[index]:
            self.percents[index] = percent
            if shown:
                self.progressChanged.emit(index, percent)
            self.overallChanged.emit(sum(self.percents) // max(1, len(self.percents)))

    @_while_alive
    def _on_step(self, index: int, value: str, text: str) -> None:
        self.outcomes[index].step = Step(value)
        self.stepChanged.emit(index, value, text)

    @_while_alive
    def _on_status(self, index: int, text: str) -> None:
        self.statusChanged.emit(index, text)

    @_while_alive
    def _done(self, index: int, outcome: PublishOutcome) -> None:
        self.outcomes[index] = outcome
        self._set_percent(index, 100)
        self._close_one()

    @_while_alive
    def _error(self, index: int, error: Exception) -> None:
        self._fail(index, user_message(error))
        self._close_one()

    @_while_alive
    def _file_cancelled(self, index: int) -> None:
        self._fail(index, tr(CANCELLED))
        self._close_one()

    def _close_one(self) -> None:
        self._open -= 1
        if self._open == 0:
            self.finished.emit()

    def _fail(self, index: int, message: str) -> None:
        self.outcomes[index].step = Step.FAILED
        self.errors[index] = message
        self.stepChanged.emit(index, Step.FAILED.value, message)
        self._set_percent(index, 100, shown=False)  # this file's part of the run is over

    def _skip(self, index: int, message: str) -> None:
        self.outcomes[index].step = Step.SKIPPED
        self.stepChanged.emit(index, Step.SKIPPED.value, message)
        self._set_percent(index, 100, shown=False)

    def cancel(self) -> None:
        self._stopped = True
        for task in self.tasks:
            task.cancel_if_running()

    # ----- results
    @property
    def uploaded(self) -> List[PublishOutcome]:
        return [o for o in self.outcomes if o.step is Step.DONE and o.uploads]

    def summary(self) -> str:
        lines = [
            self.tr("Uploaded {uploaded} of {count} file(s) to {destination}").format(
                uploaded=len(self.uploaded), count=len(self.sources), destination=self.settings.destination.uri
            )
        ]
        for index, outcome in enumerate(self.outcomes):
            name = os.path.basename(outcome.source)
            if outcome.step is Step.DONE and outcome.uploads:
                kept = (
                    self.tr(" (converted copy kept: {files})").format(files=", ".join(outcome.converted))
                    if self.settings.keep_converted and outcome.converted
                    else ""
                )
                bands = self.tr(" ({count} band files)").format(count=len(outcome.uploads)) if outcome.tile else ""
                lines.append(f"✔ {name} → {outcome.uri}{bands}{kept}")
            elif outcome.step is Step.SKIPPED:
                lines.append(self.tr("– {name}: skipped").format(name=name))

            else:
                lines.append(f"✘ {name}: {self.errors.get(index, outcome.step.value)}")
        return "\n".join(lines)


class _Relay(QObject):
    """Carries step and status reports from a worker thread to the main thread (queued signals)."""

    step = pyqtSignal(str, str)
    status = pyqtSignal(str)
    percent = pyqtSignal(float)  # the task's progress, which stops reaching the run once the run is gone


_RUNS: List[PublishRun] = []  # keeps runs started by drops alive until they finish


def resolve_connection(
    connection: Union[str, StorageConnection, None], credentials: Optional[Credentials] = None
) -> Tuple[Optional[StorageConnection], Optional[Credentials]]:
    """A connection by name or as given, with its credentials from the auth DB (main thread only)."""
    if connection is None or (credentials is not None and isinstance(connection, StorageConnection)):
        return connection, credentials
    from ..storage.connections import ConnectionStore

    store = ConnectionStore()
    if isinstance(connection, str):
        return store.resolve(connection)
    return connection, store.credentials(connection)


def upload_files(
    iface,
    connection: Union[str, StorageConnection],
    destination: ObjectLocation,
    paths_or_layers: Sequence[Union[str, QgsMapLayer]],
    profile: str = "generic",
    credentials: Optional[Credentials] = None,
    ask: Ask = ask_with_message_box,
) -> Optional[PublishRun]:
    """What the bucket browser calls on a drop: validate first (offering conversion), then upload into `destination`.

    `destination` is the folder dropped on (a prefix or the bucket); the result is reported in
    the message bar, with each file's URI in the Cogport log.
    """
    intake = take_sources(paths_or_layers)
    sources = intake.sources
    bar = iface.messageBar() if iface is not None else None
    if intake.refusal() and bar is not None:
        bar.pushMessage("Cogport", intake.refusal(), Qgis.MessageLevel.Warning, 8)
    if not sources:
        return None
    try:
        connection, credentials = resolve_connection(connection, credentials)
    except CogportError as exc:
        if bar is not None:
            bar.pushMessage("Cogport", exc.user_message, Qgis.MessageLevel.Critical, 0)
        return None
    run = PublishRun(iface, sources, PublishSettings(destination.as_prefix(), profile), connection, credentials, ask)
    _RUNS.append(run)

    def report() -> None:
        if run in _RUNS:
            _RUNS.remove(run)
        if bar is not None:
            level = Qgis.MessageLevel.Success if len(run.uploaded) == len(sources) else Qgis.MessageLevel.Warning
            bar.pushMessage("Cogport", run.summary().replace("\n", " · "), level, 10)

    run.finished.connect(report)
    run.start()
    return run


def layers_in_project() -> List[QgsRasterLayer]:
    """Raster layers backed by local files (for the Publish dock's "Add layers")."""
    return [layer for layer in QgsProject.instance().mapLayers().values() if local_path(layer)]
