#!/usr/bin/python3
"""Defections from the EU's majority, 1995-2003, counted from the embedded
record independently of the Go code: the figures of alignment's
TestDefectionsEU.

Run by hand (never at test time), from the repository root, with python3
alone:

    python3 testdata/scripts/eu_defections.py

It reads undata/un_votes.csv.gz and undata/un_roll_calls.csv.gz. The roll
calls are those dated 1995-2003 on which not every vote cast was the same
(yes, no or abstain); the EU is its fifteen members of those years (all
members from 1 January 1995 to 30 April 2004). On each roll call the EU's
majority is the vote most of its members cast, if one vote has more than
any other; a roll call without such a majority is left out. A member
defects when it casts another vote. Prints the roll calls counted and, for
each member, its defections of the roll calls it voted on.
"""
import csv
import gzip
from collections import Counter, defaultdict

CODE = {"yes", "no", "abstain"}
EU15 = ["AT", "BE", "DK", "FI", "FR", "DE", "GR", "IE", "IT", "LU", "NL", "PT", "ES", "SE", "GB"]


def main():
    rcids = set()
    with gzip.open("undata/un_roll_calls.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            if "1995-01-01" <= r["date"] <= "2003-12-31":
                rcids.add(int(r["rcid"]))
    votes = defaultdict(dict)
    with gzip.open("undata/un_votes.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            rc = int(r["rcid"])
            if rc in rcids and r["vote"] in CODE:
                votes[rc][r["country_code"]] = r["vote"]
    counted = 0
    defect, voted = Counter(), Counter()
    for rc in sorted(rcids):
        v = votes[rc]
        if len(set(v.values())) <= 1:
            continue
        eu = Counter(v[c] for c in EU15 if c in v)
        top = eu.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            continue
        counted += 1
        for c in EU15:
            if c in v:
                voted[c] += 1
                defect[c] += v[c] != top[0][0]
    print(f"{counted} roll calls with an EU majority")
    for c in sorted(EU15, key=lambda c: (-defect[c] / max(voted[c], 1), c)):
        print(f"{c}: {defect[c]} of {voted[c]}")


if __name__ == "__main__":
    main()
