#!/usr/bin/env python3
"""Session 74 in both sources: unvotes 0.3.0 (the files embedded in undata)
and the UN's resolution data (testdata/unxml/74.jsonl.gz).

Matches each recorded vote of 74.json with the unvotes roll calls of the
same symbol and date, and compares the tallies (yes, no, abstain) of each
pair. Prints the roll calls of session 74 in each source, the pairs
matched, those whose tallies agree, and the votes cast on the pairs
(yes + no + abstain). Run from undata/:

    python3 testdata/overlap74.py
"""
import csv, gzip, io, json, collections

def norm(sym):
    sym = sym.strip().upper()
    if sym.startswith("R/"):
        sym = "A/RES/" + sym[2:]
    return sym.replace(" ", "")

rc = {}
with gzip.open("un_roll_calls.csv.gz", "rt", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        if row["session"] == "74":
            rc[row["rcid"]] = (norm(row["unres"]), row["date"])
tally = collections.defaultdict(collections.Counter)
with gzip.open("un_votes.csv.gz", "rt", encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        if row["rcid"] in rc:
            tally[row["rcid"]][row["vote"]] += 1

un = {}
with gzip.open("../testdata/unxml/74.jsonl.gz", "rt", encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        if r.get("adoption_type") != "By a recorded vote":
            continue
        date = r["adoption_date"][:10]
        un[(norm(r["symbol"]), date)] = (len(set(r["MS_in_favour"])), len(set(r["MS_against"])), len(set(r["MS_abstaining"])))

matched = agree = cast = 0
for rcid, key in rc.items():
    if key in un:
        matched += 1
        t = tally[rcid]
        mine = (t["yes"], t["no"], t["abstain"])
        if mine == un[key]:
            agree += 1
        cast += sum(mine)
print("unvotes roll calls of session 74:", len(rc))
print("UN recorded votes of 74.json:", len(un))
print("matched by symbol and date:", matched)
print("tallies agree:", agree)
print("votes cast on the matched roll calls (unvotes):", cast)
