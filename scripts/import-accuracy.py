#!/usr/bin/env python3
"""Accuracy of `sopmap import` against hand transcriptions.

    scripts/import-accuracy.py EXPECTED_DIR PDF_ROOT [SOPMAP]

EXPECTED_DIR holds one YAML file per hand-checked PDF:

    pdf: statistics/096. SOP ... .pdf      # path under PDF_ROOT
    actors: [Name, Name, ...]              # Pelaksana columns, in order
    steps:                                 # one per symbol, in row order
      - {row: 3, kind: decision, actor: Name, time: 2 Bulan,
         next: [2, 4], labels: {2: T, 4: Y}}   # targets by row number

Each PDF is imported with SOPMAP (default target/release/sopmap) and the
draft compared field by field: actors (name at its position), steps found
(a step at that row), kind, actor, time (text, case and spacing ignored),
arrows (each expected from-row -> to-row pair present) and branch labels.
Prints one line per PDF and the totals as a Markdown table.
"""
import os
import subprocess
import sys

import yaml


def norm(s):
    return " ".join(str(s).lower().split()) if s is not None else None


def rows_of(draft):
    """Each draft step with its row number (written `row`, else counted)."""
    out, last = [], 0
    for s in draft.get("steps") or []:
        if s.get("same_row"):
            row = last
        else:
            row = s.get("row", last + 1)
            last = row
        out.append((row, s))
    return out


def main():
    exp_dir, root = sys.argv[1], sys.argv[2]
    sopmap = sys.argv[3] if len(sys.argv) > 3 else "target/release/sopmap"
    fields = ["actors", "steps", "kind", "actor", "time", "arrows", "labels"]
    total = {f: [0, 0] for f in fields}
    for name in sorted(os.listdir(exp_dir)):
        if not name.endswith(".yaml"):
            continue
        exp = yaml.safe_load(open(os.path.join(exp_dir, name)))
        pdf = os.path.join(root, exp["pdf"])
        run = subprocess.run([sopmap, "import", pdf], capture_output=True, text=True)
        score = {f: [0, 0] for f in fields}
        if run.returncode != 0:
            draft = {}
        else:
            draft = yaml.safe_load(run.stdout) or {}
        actors = {a["id"]: a["name"] for a in draft.get("actors") or []}
        names = [a["name"] for a in draft.get("actors") or []]
        for i, a in enumerate(exp["actors"]):
            score["actors"][1] += 1
            score["actors"][0] += int(i < len(names) and norm(names[i]) == norm(a))
        got = rows_of(draft)
        ids = {s["id"]: r for r, s in got}
        by_row = {}
        for r, s in got:
            by_row.setdefault(r, []).append(s)
        used = set()
        for e in exp["steps"]:
            cands = [s for s in by_row.get(e["row"], []) if id(s) not in used]
            match = next((s for s in cands if norm(actors.get(s.get("actor"))) == norm(e["actor"])), None)
            match = match or (cands[0] if cands else None)
            for f in ["steps", "kind", "actor", "time"]:
                score[f][1] += 1
            if match is None:
                score["arrows"][1] += len(e.get("next", []))
                score["labels"][1] += len(e.get("labels", {}) or {})
                continue
            used.add(id(match))
            score["steps"][0] += 1
            score["kind"][0] += int(match.get("kind") == e["kind"])
            score["actor"][0] += int(norm(actors.get(match.get("actor"))) == norm(e["actor"]))
            score["time"][0] += int(norm(match.get("time") or match.get("time_note")) == norm(e.get("time")))
            targets = {}
            if match.get("next"):
                targets[ids.get(match["next"])] = None
            for b in match.get("branches") or []:
                targets[ids.get(b.get("next"))] = b.get("label")
            for t in e.get("next", []):
                score["arrows"][1] += 1
                score["arrows"][0] += int(t in targets)
            for t, label in (e.get("labels") or {}).items():
                score["labels"][1] += 1
                score["labels"][0] += int(norm(targets.get(t)) == norm(label))
        cells = " ".join(f"{f} {score[f][0]}/{score[f][1]}" for f in fields)
        print(f"{exp['pdf']}: {cells}")
        for f in fields:
            total[f][0] += score[f][0]
            total[f][1] += score[f][1]
    print()
    print("| field | correct | expected | accuracy |")
    print("|---|---|---|---|")
    for f in fields:
        c, n = total[f]
        pct = f"{100.0 * c / n:.1f}%" if n else "-"
        print(f"| {f} | {c} | {n} | {pct} |")


if __name__ == "__main__":
    main()
