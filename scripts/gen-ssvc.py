#!/usr/bin/env python3
"""Regenerate data/ssvc/decision_points.json, the SSVC decision point registry that test 6.1.48 embeds.

The data comes from CERT/CC's own Python package `certcc-ssvc` (PyPI), whose object registry is what
the SSVC repository publishes as `data/json/ssvc_object_registry.json` and `data/json/decision_points/`.
Usage (from the repository root; the package needs Python >= 3.12):

    d=$(mktemp -d) && python3.12 -m venv "$d/venv"
    "$d/venv/bin/pip" install certcc-ssvc==2026.10.0
    "$d/venv/bin/python" scripts/gen-ssvc.py > data/ssvc/decision_points.json

Output: one JSON object `{"decision_points": [...]}` with one line per decision point version, sorted by
namespace, key and version, each with `namespace`, `key`, `version`, `name` and the ordered `values`
(`key`, `name`). Definitions are left out. Unregistered (`x_`) namespaces are left out.
"""

import json

import ssvc.decision_points  # noqa: F401  (registers the decision points)
import ssvc.decision_tables  # noqa: F401  (registers the outcome decision points)
from ssvc.registry import get_registry


def semver_key(version):
    return tuple(int(part) for part in version.split("-")[0].split("+")[0].split("."))


def main():
    registry = json.loads(get_registry().model_dump_json())
    namespaces = registry["types"]["DecisionPoint"]["namespaces"]
    rows = []
    for ns in sorted(namespaces):
        if ns.startswith("x_"):
            continue
        for key in sorted(namespaces[ns]["keys"]):
            versions = namespaces[ns]["keys"][key]["versions"]
            for version in sorted(versions, key=semver_key):
                dp = versions[version]["obj"]
                rows.append(
                    {
                        "namespace": ns,
                        "key": key,
                        "version": version,
                        "name": dp["name"],
                        "values": [{"key": v["key"], "name": v["name"]} for v in dp["values"]],
                    }
                )
    print('{"decision_points": [')
    print(",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows))
    print("]}")


if __name__ == "__main__":
    main()
