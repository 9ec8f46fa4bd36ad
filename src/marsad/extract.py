"""Extract: the claims a document makes (who says how many were harmed, where, when, by whom).

``analyse`` returns the SPEC output object of one document: the document, its claims and the
summary of its main incident. Claim recognition is being built (issue: claims); until then a
document yields no claims and no summary.
"""

from __future__ import annotations

from typing import Any

from marsad.ingest import Document


def extract_claims(doc: Document) -> list[dict[str, Any]]:
    """The claims of a document, each with its exact evidence span in ``doc.text``."""
    if doc.empty_reason:
        return []
    return []


def summarize(claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The document's main incident as a conflict-data coder would record it; None without harm."""
    return None


def analyse(doc: Document) -> dict[str, Any]:
    """The SPEC output object for one document."""
    claims = extract_claims(doc)
    return {"document": doc.as_json(), "claims": claims, "summary": summarize(claims)}
