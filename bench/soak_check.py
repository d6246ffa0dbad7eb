#!/usr/bin/env python3
"""Compares a collector's /api/v1/status with a simulated fleet's expected.json: per store receipts, loyalty, failed,
incomplete; the chain's outcomes, tags and malformed lines. Usage: soak_check.py status.json expected.json.
Exit 0 when equal; prints the differences otherwise."""
import json
import sys


def figures(doc):
    out = {}
    for code, s in doc["stores"].items():
        out["store " + code] = [s.get(k, 0) for k in ("receipts", "loyalty", "failed", "incomplete")]
    for section in ("outcomes", "tags"):
        for k, v in doc.get(section, {}).items():
            if v:
                out[section + " " + k] = v
    out["malformed_lines"] = doc.get("malformed_lines", 0)
    return out


def main():
    with open(sys.argv[1]) as f:
        got = figures(json.load(f))
    with open(sys.argv[2]) as f:
        want = figures(json.load(f))
    diffs = [(k, got.get(k), want.get(k)) for k in sorted(set(got) | set(want)) if got.get(k) != want.get(k)]
    stores = sum(1 for k in want if k.startswith("store "))
    receipts = sum(v[0] + v[3] for k, v in want.items() if k.startswith("store "))
    if diffs:
        print(f"figures DIFFER from expected.json in {len(diffs)} places, e.g.:")
        for k, g, w in diffs[:10]:
            print(f"  {k}: collector {g}, expected {w}")
        sys.exit(1)
    print(f"figures equal expected.json: {stores} stores, {receipts} receipts+incomplete, "
          f"{sum(1 for k in want if k.startswith('outcomes '))} outcomes, malformed lines {want['malformed_lines']}")


if __name__ == "__main__":
    main()
