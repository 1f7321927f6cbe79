#!/usr/bin/python3
"""Agreement between pairs of states, computed from the embedded record
independently of the Go code: the expected figures of alignment's tests of
session 74 and of 2019 (TestPairSession74, TestAgreementMatrix...,
the series tests, TestRankUSA2019, TestUnanimityNarrowing).

Run by hand (never at test time), from the repository root, with python3
alone:

    python3 testdata/scripts/agreement.py

It reads undata/un_votes.csv.gz and undata/un_roll_calls.csv.gz (the
errata Load applies touch session 65 only). Votes are coded yes 1, abstain
2, no 3; a pair's joint roll calls are those on which both cast one of
them; unanimous roll calls (every vote cast the same, judged on the whole
Assembly) are dropped. Over the n joint roll calls:

    Identical    share of equal votes
    Agree        1 - sum|a-b| / 2n                     (Voeten 2000)
    S_abs        1 - sum|a-b| / n                      (Signorino & Ritter 1999)
    Kappa        1 - n sum(a-b)^2 / (n(sum a^2 + sum b^2) - 2 sum a sum b)
                                          (Cohen's kappa, quadratic weights; Häge 2011)
    Pi           1 - 2n sum(a-b)^2 / (2n(sum a^2 + sum b^2) - (sum a + sum b)^2)
                                          (Scott's pi, quadratic weights; Häge 2011)
    Coincidence  share of equal votes over the roll calls both voted yes or no

un_votes.csv files Serbia (COW 345) as "Yugoslavia", YU, throughout.
"""
import csv
import gzip
from collections import defaultdict

CODE = {"yes": 1, "abstain": 2, "no": 3}


def load():
    rolls = {}
    with gzip.open("undata/un_roll_calls.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            rolls[int(r["rcid"])] = (int(r["session"]), r["date"])
    votes = defaultdict(dict)  # rcid -> iso2 -> code
    with gzip.open("undata/un_votes.csv.gz", "rt", newline="") as f:
        for r in csv.DictReader(f):
            if r["vote"] in CODE:
                votes[int(r["rcid"])][r["country_code"]] = CODE[r["vote"]]
    contested = {rc for rc, v in votes.items() if len(set(v.values())) > 1}
    return rolls, votes, contested


def indices(pairs):
    n = len(pairs)
    a = [p[0] for p in pairs]
    b = [p[1] for p in pairs]
    absd = sum(abs(x - y) for x, y in pairs)
    sq = sum((x - y) ** 2 for x, y in pairs)
    aa, bb, sa, sb = sum(x * x for x in a), sum(y * y for y in b), sum(a), sum(b)
    yn = [(x, y) for x, y in pairs if x != 2 and y != 2]
    return {
        "n": n,
        "Identical": sum(x == y for x, y in pairs) / n,
        "Agree": 1 - absd / (2 * n),
        "S_abs": 1 - absd / n,
        "Kappa": 1 - n * sq / (n * (aa + bb) - 2 * sa * sb),
        "Pi": 1 - 2 * n * sq / (2 * n * (aa + bb) - (sa + sb) ** 2),
        "Coincidence": sum(x == y for x, y in yn) / len(yn),
    }


def show(label, rcids, votes, a, b):
    pairs = [(votes[rc][a], votes[rc][b]) for rc in sorted(rcids) if a in votes[rc] and b in votes[rc]]
    ix = indices(pairs)
    print(f"{label} {a}-{b}: n {ix.pop('n')}, " + ", ".join(f"{k} {v:.4f}" for k, v in ix.items()))


def main():
    rolls, votes, contested = load()
    s74 = {rc for rc in contested if rolls[rc][0] == 74}
    print(f"session 74: {len(s74)} contested roll calls")
    for a, b in [("US", "IL"), ("YU", "RU"), ("US", "RU"), ("US", "CA")]:
        show("session 74", s74, votes, a, b)
    y2019 = {rc for rc in contested if rolls[rc][1].startswith("2019-")}
    show("2019", y2019, votes, "US", "IL")
    # Unanimity judged on the two states alone, the mistake
    # TestUnanimityNarrowing guards against: only the roll calls on which
    # the pair's own votes differ are left.
    narrow = {rc for rc in votes if rolls[rc][0] == 74 and len({votes[rc][s] for s in ("US", "CA") if s in votes[rc]}) > 1}
    show("session 74, unanimity judged on US and CA alone", narrow, votes, "US", "CA")


if __name__ == "__main__":
    main()
