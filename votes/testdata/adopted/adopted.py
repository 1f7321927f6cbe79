#!/usr/bin/env python3
"""Counts, session by session, the roll calls votes.AdoptedResolutions keeps.

Reads the repository's copies of the data, from the repository root:
  undata/un_roll_calls.csv.gz, undata/un_votes.csv.gz (unvotes 0.3.0)
  testdata/unxml/*.jsonl.gz (the UN's resolution data)

A roll call is kept if it is not flagged as a vote on an amendment or a
paragraph (amend or para is 1), has a resolution symbol, and more states
voted yes than no. The UN's files are counted as votes.Read reads them: one
roll call per symbol with a recorded vote and lists (A/RES/75/254 A-C has
none), keyed by the symbol's session, or ES-10/ES-11.

Run: python3 votes/testdata/adopted/adopted.py
"""
import collections
import csv
import gzip
import json
import os

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def unvotes():
    votes = collections.defaultdict(collections.Counter)
    with gzip.open(os.path.join(root, "undata", "un_votes.csv.gz"), "rt", newline="") as f:
        for r in csv.DictReader(f):
            votes[r["rcid"]][r["vote"]] += 1
    total, kept = collections.Counter(), collections.Counter()
    with gzip.open(os.path.join(root, "undata", "un_roll_calls.csv.gz"), "rt", newline="") as f:
        for r in csv.DictReader(f):
            s = int(r["session"])
            total[s] += 1
            part = r["amend"] == "1" or r["para"] == "1"
            symbol = r["unres"] not in ("", "NA")
            t = votes[r["rcid"]]
            if not part and symbol and t["yes"] > t["no"]:
                kept[s] += 1
    return total, kept


def unxml():
    total, kept = collections.Counter(), collections.Counter()
    for name in ["74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"]:
        seen = set()
        with gzip.open(os.path.join(root, "testdata", "unxml", name + ".jsonl.gz"), "rt") as f:
            for line in f:
                o = json.loads(line)
                lists = [o.get(k) or [] for k in ("MS_in_favour", "MS_against", "MS_abstaining")]
                if not any(lists) or o["symbol"] in seen:
                    continue
                seen.add(o["symbol"])
                key = name if name.startswith("ES") else o["symbol"].split("/")[2]
                total[key] += 1
                yes, no = len(set(lists[0])), len(set(lists[1]))
                if yes > no:
                    kept[key] += 1
    return total, kept


if __name__ == "__main__":
    total, kept = unvotes()
    print("unvotes: session roll_calls kept")
    for s in sorted(total):
        print(s, total[s], kept[s])
    print("all", sum(total.values()), sum(kept.values()))
    total, kept = unxml()
    print("UN resolution data: session roll_calls kept")
    for s in sorted(total):
        print(s, total[s], kept[s])
    print("all", sum(total.values()), sum(kept.values()))
