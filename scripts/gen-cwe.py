#!/usr/bin/env python3
"""Regenerate data/cwe/catalog.tsv, the CWE catalogue that src/cwe.rs embeds.

Usage (from the repository root):

    python3 scripts/gen-cwe.py [SOURCE_DIR]      # SOURCE_DIR defaults to ../shared/spec/cwe

Python 3 standard library only. Sources, both under SOURCE_DIR:

* index.json + cwec_v<version>.json: one file per catalogue version with every weakness
  ({id, name, status[, usage]}); these define exactly which ids exist in which version.
* catalog-history-to-4.20.json: per weakness id the history of its name (a `null` name marks a
  removal) and its latest status and usage, with the release dates of all versions. Used for the
  versions newer than the newest cwec_v<version>.json file, and cross-checked against the others.

To add a new catalogue version, either drop its cwec_v<version>.json next to the others and add it
to index.json, or refresh catalog-history-*.json, then rerun this script and `cargo test --lib cwe`.

Output format (tab separated, UTF-8, `#` lines are comments):

    V <version> <release date>                              one per version, oldest first
    W <id> <first> <last> <status> <usage> <name>           one per run of versions with the same
                                                            name, status and usage

`<id>` is the number without `CWE-`; `<first>`/`<last>` are versions; an empty status or usage
means "not recorded for these versions" (usage exists from 4.12 on). Names are whitespace-trimmed.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "cwe", "catalog.tsv")

NOTICE = """\
# MITRE CWE Catalog - https://cwe.mitre.org/ - Terms of Use: https://cwe.mitre.org/about/termsofuse.html
# The MITRE Corporation grants a non-exclusive, royalty-free license to use, reproduce, and distribute the Common
# Weakness Enumeration (CWE) list for research, development, and commercial purposes, subject to the following
# conditions:
# 1. Any copy or substantial portion of the CWE list must include this notice.
# 2. The name and logo of MITRE or CWE shall not be used to endorse or promote products derived from this list
#    without prior written permission from MITRE.
# 3. THIS MATERIAL IS PROVIDED "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
#    IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL
#    MITRE BE LIABLE FOR ANY DAMAGES ARISING FROM USE OF THIS LIST.
# Copyright 2005-2026, The MITRE Corporation.
"""


def vkey(version):
    return tuple(int(part) for part in version.split("."))


def clean(name):
    if name is None:
        return None
    name = name.strip()
    for bad in "\t\r\n":
        if bad in name:
            sys.exit(f"name with a tab or line break: {name!r}")
    return name


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "spec", "cwe")
    with open(os.path.join(src, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    history_files = sorted(n for n in os.listdir(src) if n.startswith("catalog-history") and n.endswith(".json"))
    history = None
    if history_files:
        with open(os.path.join(src, history_files[-1]), encoding="utf-8") as f:
            history = json.load(f)

    # version -> release date; the per-version files win over the history file.
    dates = dict(history["version_dates"]) if history else {}
    dates.update({entry["version"]: entry["date"] for entry in index})
    versions = sorted(dates, key=vkey)

    # state[version][id] = (name, status, usage)
    state = {}
    for entry in index:
        version = entry["version"]
        with open(os.path.join(src, f"cwec_v{version}.json"), encoding="utf-8") as f:
            data = json.load(f)
        if data["version"] != version:
            sys.exit(f"cwec_v{version}.json says version {data['version']}")
        state[version] = {
            int(w["id"].removeprefix("CWE-")): (clean(w["name"]), w.get("status") or "", w.get("usage") or "")
            for w in data["weaknesses"]
        }
    newest_file = max(state, key=vkey)

    if history:
        from_files = set(state)
        for version in versions:
            state.setdefault(version, {})
        problems = 0
        for key, w in history["weaknesses"].items():
            wid = int(key)
            hist = sorted(((v, clean(n)) for v, n in w["history"]), key=lambda p: vkey(p[0]))
            latest = (w.get("status") or "", w.get("usage") or "")
            for version in versions:
                name = None
                for since, n in hist:
                    if vkey(since) <= vkey(version):
                        name = n
                if version in from_files:
                    # cross-check presence and name with the per-version file
                    have = state[version].get(wid)
                    if (have[0] if have else None) != name:
                        problems += 1
                        print(f"note: CWE-{wid} in {version}: per-version {have and have[0]!r}, history {name!r}")
                elif name is not None:
                    prev = state[newest_file].get(wid)
                    if version == versions[-1] or prev is None or prev[1:] == latest:
                        status, usage = latest
                    else:
                        # the history records only the latest status and usage: unknown in between
                        status, usage = "", ""
                    state[version][wid] = (name, status, usage)
        if problems:
            print(f"{problems} disagreements between the history file and the per-version files")

    ids = sorted(set().union(*(set(s) for s in state.values())))
    lines = []
    for wid in ids:
        run = None  # [first, last, value]
        for version in versions:
            value = state[version].get(wid)
            if run and value == run[2] and run[1] == prev_version:
                run[1] = version
            else:
                if run:
                    lines.append((wid, run))
                run = [version, version, value] if value else None
            prev_version = version
        if run:
            lines.append((wid, run))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# CWE catalogue (weaknesses only) for csaflint. Generated by scripts/gen-cwe.py - do not edit.\n")
        f.write(f"# {len(versions)} versions, {len(ids)} weakness ids, {len(lines)} runs.\n")
        f.write(NOTICE)
        for version in versions:
            f.write(f"V\t{version}\t{dates[version]}\n")
        for wid, (first, last, (name, status, usage)) in lines:
            f.write(f"W\t{wid}\t{first}\t{last}\t{status}\t{usage}\t{name}\n")
    print(f"wrote {os.path.relpath(OUT)}: {len(versions)} versions ({versions[0]} .. {versions[-1]}), "
          f"{len(ids)} ids, {len(lines)} runs, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
