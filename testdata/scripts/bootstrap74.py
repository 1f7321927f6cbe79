#!/usr/bin/python3
"""Bootstrap intervals of Voeten's Agree for three pairs of session 74,
independently of the Go code: the references of alignment's
TestBootstrapReferences.

Run by hand (never at test time), from the repository root, with Debian's
python3-numpy:

    /usr/bin/python3 testdata/scripts/bootstrap74.py

It reads the embedded record, undata/un_votes.csv.gz and
undata/un_roll_calls.csv.gz (its errata touch session 65 only). A pair's
Agree is the mean, over the roll calls on which both states cast yes,
abstain or no (1, 2, 3), of 1 - |a - b| / 2. Unanimous roll calls (every
vote cast the same) are judged on the whole Assembly and dropped; the
script prints how many there are. Each of 100,000 resamples draws the
session's roll calls with replacement, so that the pair's n varies too; the
interval is numpy.percentile's 2.5th and 97.5th (linear interpolation).
Prints: pair, Agree, n, lo, hi, each to 4 places.
"""
import csv
import gzip
from collections import defaultdict

import numpy as np

SESSION = 74
# ISO2, as un_votes.csv writes them: it files Serbia (COW 345) as
# "Yugoslavia", YU, throughout.
PAIRS = [("YU", "RU"), ("US", "IL"), ("US", "CA")]
RESAMPLES = 100_000
CODE = {"yes": 1, "abstain": 2, "no": 3}


def main():
    with gzip.open("undata/un_roll_calls.csv.gz", "rt", newline="") as f:
        rcids = sorted(int(r["rcid"]) for r in csv.DictReader(f) if int(r["session"]) == SESSION)
    want = set(rcids)
    votes = defaultdict(dict)  # rcid -> iso2 -> code
    with gzip.open("undata/un_votes.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            rc = int(r["rcid"])
            if rc in want and r["vote"] in CODE:
                votes[rc][r["country_code"]] = CODE[r["vote"]]
    unanimous = [rc for rc in rcids if len(set(votes[rc].values())) <= 1]
    rcids = [rc for rc in rcids if rc not in set(unanimous)]
    print(f"session {SESSION}: {len(rcids)} roll calls, {len(unanimous)} unanimous dropped")
    rng = np.random.default_rng(1)
    draws = rng.integers(0, len(rcids), size=(RESAMPLES, len(rcids)))
    for a, b in PAIRS:
        joint = np.array([a in votes[rc] and b in votes[rc] for rc in rcids])
        agree = np.array([1 - abs(votes[rc][a] - votes[rc][b]) / 2 if j else 0.0 for rc, j in zip(rcids, joint)])
        n = joint.sum()
        score = agree.sum() / n
        ns = joint[draws].sum(axis=1)
        scores = agree[draws].sum(axis=1) / ns
        lo, hi = np.percentile(scores, [2.5, 97.5])
        print(f"{a}-{b}: Agree {score:.4f}, n {n}, 95% interval [{lo:.4f}, {hi:.4f}]")


if __name__ == "__main__":
    main()
