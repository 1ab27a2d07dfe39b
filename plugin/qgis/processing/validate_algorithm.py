"""`cogport:validate_cog`: the COG layout validation as a Processing algorithm."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.cog.profiles import PROFILE_NAMES, PROFILES, accepted_summary
from ...core.cog.validate import ERROR, INFO, WARNING, validate_cog, write_report
from ..common.i18n import tr, translatable
from .base import CogportAlgorithm, choice_parameter
from .feedback import progress_from_feedback


class ValidateCogAlgorithm(CogportAlgorithm):
    NAME = "validate_cog"
    DISPLAY_NAME = translatable("Validate COG")
    GROUP_ID = "cog"
    HELP = translatable(
        "Checks whether a TIFF (local path, /vsis3/, /vsiswift/, /vsigs/ path, or s3:// or gs:// URI) is a "
        "valid Cloud Optimized GeoTIFF for the chosen target, reading only the file's header.\n\n"
        "Profiles and what each accepts:\n{profiles}\n\n"
        "Outputs VALID (no errors), the ERRORS and WARNINGS counts and, optionally, a JSON report "
        "{path, profile, valid, findings:[{code, severity, message, fix}], bytes_read}."
    )

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def shortHelpString(self) -> str:
        return self.tr(self.HELP).replace("{profiles}", profiles_help())

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterString(self.INPUT, self.tr("TIFF path or URI")))
        self.addParameter(choice_parameter(self.PROFILE, self.tr("Target profile"), PROFILE_NAMES, "generic"))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT,
                self.tr("Validation report (JSON)"),
                fileFilter=self.tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputBoolean("VALID", self.tr("Valid")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", self.tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber("WARNINGS", self.tr("Number of warnings")))

    def process(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        path = self.parameterAsString(parameters, self.INPUT, context).strip()
        if not path:
            raise QgsProcessingException(self.tr("No TIFF path or URI was given. Check the INPUT parameter."))
        profile = self.parameterAsChoice(parameters, self.PROFILE, context)
        destination = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        progress = progress_from_feedback(feedback)
        report = validate_cog(path, profile)
        progress.report(0.9)
        if destination:
            write_report(report, destination)
        for finding in report.findings:
            text = f"{finding.severity.upper()} {finding.code}: {finding.message}" + self.tr(" Fix: {fix}").format(
                fix=finding.fix
            )
            if finding.severity == ERROR:
                feedback.reportError(text, fatalError=False)
            elif finding.severity == WARNING:
                feedback.pushWarning(text)
            elif finding.severity == INFO:
                feedback.pushInfo(text)
        if report.valid:
            verdict = self.tr("{path} is a valid COG for the '{profile}' profile ({bytes} header bytes read).")
        else:
            verdict = self.tr("{path} is NOT a valid COG for the '{profile}' profile ({bytes} header bytes read).")
        feedback.pushInfo(verdict.format(path=path, profile=profile, bytes=report.bytes_read))

        progress.report(1.0)
        return {
            "VALID": report.valid,
            "ERRORS": len(report.errors),
            "WARNINGS": len(report.warnings),
            self.OUTPUT_REPORT: destination or None,
        }


def profiles_help() -> str:
    """One line per profile: its name, title and what its target accepts (both COG algorithms show it)."""
    return "\n".join(
        f"• {name} ({tr(PROFILES[name].title)}): {accepted_summary(PROFILES[name])}." for name in PROFILE_NAMES
    )
