"""XML answers of object stores (S3, and the S3-like XML API of Google Cloud Storage)."""

from __future__ import annotations

# See parse_answer.
import xml.etree.ElementTree as ET  # nosec B405

ParseError = ET.ParseError


def parse_answer(content: bytes) -> ET.Element:
    """Parses a store's answer; Python's expat resolves no external entities and fetches no DTD."""
    # An answer from the store the person configured.
    return ET.fromstring(content)  # nosec B314  # noqa: S314 - expat fetches no external entity
