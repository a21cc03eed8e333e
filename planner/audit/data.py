"""The audit as JSON for other tools (``planner audit --json``): documented in docs/audit.md."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from planner.audit.gaps import Summary
from planner.audit.run import Audit

SCHEMA = 1  # of the audit JSON


def audit_json(audit: Audit, summary: Summary) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "files": len(audit.files),
        "read": audit.read,
        "skipped": audit.skipped,
        "interrupted": audit.interrupted,
        "households": summary.households,
        "communities": [{
            "file": row.record["file"],
            "scheme": row.record["scheme"],
            "name": row.record["name"],
            "community": row.record["community"],
            "households": row.record["households"],
            "fails": row.fails,
            "warns": row.warns,
            "statuses": {c["id"]: c["status"] for c in row.record["report"]["checks"]},
            "gaps": [asdict(g) for g in row.gaps],
            "warnings": row.record["warnings"],
            "report": row.record["report"],
        } for row in summary.rows],
        "totals": [asdict(t) for t in summary.totals],
        "items": [{**asdict(i), "share": None if i.share is None else round(i.share, 4)}
                  for i in summary.items],
        "duplicate_names": audit.duplicate_names(),
        "errors": audit.errors,
    }
