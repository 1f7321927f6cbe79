#!/usr/bin/env python3
"""The two families of roll calls of examples/crimea, counted from the
repository's copies of the sources (record.py) with python3 alone: the
figures of the example's tests and of votes' TestLastChangeCrimea.

  python3 examples/crimea/testdata/families.py

The Crimea resolutions: the roll calls whose symbol, title, subjects or
description match "crimea" (any case), with A/RES/68/262 by its symbol
(the example's default -match). The ES-11 resolutions: the roll calls of
the emergency special session ES-11. Unanimous roll calls are left out, as
alignment.Outliers leaves them out.

For each family it prints each roll call (symbol, date, tally
yes-no-abstain of all votes, Russia's vote, each Balkan state's vote,
"absent" where none is listed); then, for each Balkan state, the roll calls
on which it voted as Russia did (with), those on which both cast a vote
(n), its last change of vote (votes.LastChange: the first roll call of its
last run of one cast vote, after another vote cast) and the exact test of
alignment.OutlierReport.Permutation: on each roll call on which the member
and Russia cast a vote, the chance that a Balkan vote drawn at random from
those cast is Russia's; with is then a sum of independent Bernoulli
variables (a Poisson binomial), expected its mean, p = min(1, 2 min(P(X >=
with), P(X <= with))).
"""
import re

from record import record, unanimous

REF = "RU"
BALKANS = ["AL", "BA", "BG", "HR", "GR", "ME", "MK", "RO", "YU", "SI"]
CRIMEA = re.compile(r"(?i)crimea|^A/RES/68/262$")


def last_change(vs):
    last, start = None, -1
    for k in range(len(vs) - 1, -1, -1):
        v = vs[k]
        if v not in ("yes", "no", "abstain"):
            continue
        if last is None:
            last, start = v, k
        elif v == last:
            start = k
        else:
            return start
    return -1


def poisson_binomial(ps):
    dist = [1.0]
    for p in ps:
        nxt = [0.0] * (len(dist) + 1)
        for k, q in enumerate(dist):
            nxt[k] += q * (1 - p)
            nxt[k + 1] += q * p
        dist = nxt
    return dist


def family(name, rcs):
    rcs = [rc for rc in rcs if not unanimous(rc)]
    print("## %s: %d roll calls" % (name, len(rcs)))
    print("symbol,date,tally,RU," + ",".join(BALKANS))
    for rc in rcs:
        v = list(rc["votes"].values())
        tally = "%d-%d-%d" % (v.count("yes"), v.count("no"), v.count("abstain"))
        print(",".join([rc["symbol"], rc["date"].isoformat(), tally, rc["votes"].get(REF, "absent")] +
                       [rc["votes"].get(s, "absent") for s in BALKANS]))
    print("state,with,n,expected,p_value,last_change")
    for s in BALKANS:
        ps, w = [], 0
        for rc in rcs:
            r, m = rc["votes"].get(REF), rc["votes"].get(s)
            if r is None or m is None:
                continue
            cast = [rc["votes"][x] for x in BALKANS if x in rc["votes"]]
            ps.append(cast.count(r) / len(cast))
            w += m == r
        dist = poisson_binomial(ps)
        upper, lower = sum(dist[w:]), sum(dist[:w + 1])
        p = min(1.0, 2 * min(upper, lower))
        k = last_change([rc["votes"].get(s, "absent") for rc in rcs])
        print("%s,%d,%d,%.4f,%.2g,%s" % (s, w, len(ps), sum(ps), p, rcs[k]["symbol"] if k >= 0 else "none"))
    print()


if __name__ == "__main__":
    rcs = record()
    family("Crimea resolutions", [rc for rc in rcs if not rc["special"] and any(CRIMEA.search(t) for t in rc["text"] if t)])
    family("ES-11 resolutions", [rc for rc in rcs if rc["special"] == "ES-11"])
