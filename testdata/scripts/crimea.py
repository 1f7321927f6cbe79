#!/usr/bin/python3
"""The votes of the Balkan states and Russia on the Assembly's resolutions
on Crimea and the territorial integrity of Ukraine, read from the embedded
unvotes record (to 2019) independently of the Go code: the figures of
alignment's TestOutliersCrimea. examples/crimea, on the whole record, has
its own script (examples/crimea/testdata/families.py).

Run by hand (never at test time), from the repository root, with python3
alone:

    python3 testdata/scripts/crimea.py

It reads undata/un_votes.csv.gz and undata/un_roll_calls.csv.gz and keeps
the roll calls whose short or description field matches "crimea" or
"territorial integrity of ukraine" (any case), as the tests' filter does.
For each it prints the symbol, the date, the tally yes-no-abstain of the
votes listed and the vote of each state (absent where none is listed).
un_votes.csv files Serbia (COW 345) as "Yugoslavia", YU.
"""
import csv
import gzip
import re
from collections import Counter, defaultdict

STATES = ["RU", "AL", "BA", "BG", "HR", "GR", "ME", "MK", "RO", "YU", "SI"]
TEXT = re.compile(r"(?i)crimea|territorial integrity of ukraine")


def main():
    rolls = {}
    with gzip.open("undata/un_roll_calls.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            if TEXT.search(r["short"]) or TEXT.search(r["descr"]):
                rolls[int(r["rcid"])] = r
    votes = defaultdict(dict)
    with gzip.open("undata/un_votes.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            if int(r["rcid"]) in rolls:
                votes[int(r["rcid"])][r["country_code"]] = r["vote"]
    print("rcid,resolution,date,tally," + ",".join(STATES))
    for rc in sorted(rolls):
        t = Counter(votes[rc].values())
        tally = f"{t['yes']}-{t['no']}-{t['abstain']}"
        row = [votes[rc].get(s, "absent") for s in STATES]
        print(f"{rc},{rolls[rc]['unres']},{rolls[rc]['date']},{tally}," + ",".join(row))


if __name__ == "__main__":
    main()
