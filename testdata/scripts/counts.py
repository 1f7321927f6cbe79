#!/usr/bin/python3
"""Row and code counts of the two published files the tests read, with
Python's csv module, independently of the Go code: the figures of votes'
TestUnvotesCounts and of the Voeten cross-checks, and the dates that
alignment's TestUndatedRollCall relies on.

Run by hand (never at test time), from the repository root, with python3
alone:

    python3 testdata/scripts/counts.py

It reads undata/un_votes.csv.gz and undata/un_roll_calls.csv.gz (the R
package unvotes 0.3.0 as published) and
testdata/voeten/UNVotesPublished.csv.gz (Voeten's Dataverse file of 2016).
"""
import csv
import gzip
from collections import Counter
from datetime import datetime


def rows(path):
    with gzip.open(path, "rt", newline="") as f:
        yield from csv.DictReader(f)


def main():
    n, rcids, states = 0, set(), set()
    for r in rows("undata/un_votes.csv.gz"):
        n += 1
        rcids.add(r["rcid"])
        states.add(r["country"])  # names: a few states share an ISO2 code
    rolls = list(rows("undata/un_roll_calls.csv.gz"))
    print(f"unvotes: {n:,} vote rows, {len(rcids):,} roll calls with votes, "
          f"{len(rolls):,} roll calls listed, {len(states)} countries")
    in2019 = Counter(r["date"][5:7] for r in rolls if r["date"].startswith("2019-"))
    print("unvotes: roll calls of 2019 by month:", dict(sorted(in2019.items())))
    # examples/idealpoints' TestAll: sessions 70-74, and the votes on
    # amendments or paragraphs among them.
    s70 = [r for r in rolls if 70 <= int(r["session"]) <= 74]
    parts = sum(1 for r in s70 if "1" in (r["amend"], r["para"]))
    print(f"unvotes: sessions 70-74: {len(s70)} roll calls, {parts} on amendments or paragraphs")

    n, codes, rcids, cows = 0, Counter(), set(), set()
    first59 = None
    undated = set()
    for r in rows("testdata/voeten/UNVotesPublished.csv.gz"):
        n += 1
        codes[r["vote"]] += 1
        rcids.add(r["rcid"])
        cows.add(r["ccode"])
        if r["date"] in ("", "NA"):
            undated.add((r["rcid"], r["session"]))
        elif r["session"] == "59":
            d = datetime.strptime(r["date"], "%m/%d/%Y").date()
            first59 = d if first59 is None else min(first59, d)
    print(f"voeten: {n:,} rows, codes " + ", ".join(f"{c} {codes[c]:,}" for c in sorted(codes))
          + f", {len(rcids):,} roll calls, {len(cows)} COW codes")
    print(f"voeten: undated roll calls (rcid, session): {sorted(undated)}; session 59's first dated roll call: {first59}")


if __name__ == "__main__":
    main()
