#!/usr/bin/env python3
"""Serbia's agreement with Russia by session, on the comparable roll calls:
the long view of examples/crimea, counted from the repository's copies of
the sources (record.py) with python3 alone, independently of the Go code.

  python3 examples/crimea/testdata/longview.py

Comparable roll calls (votes.AdoptedResolutions): not flagged as a vote on
an amendment or a paragraph, with a resolution symbol, more yes than no
among all the votes. Contested: not every vote cast the same
(votes.RollCall.Unanimous). Agree (Voeten): 1 for the same vote, 0.5 when
one abstains, 0 for yes against no, over the roll calls on which both cast
a vote. Serbia is "YU" (COW 345, the Yugoslav seat before 2006).

Prints, for sessions 47 on: session, n (roll calls both voted on), the
agreement (NA under 10 roll calls, as the example's minN), and the roll
calls of the session that the filter leaves out. Then the count of roll
calls since session 47, kept and left out, and the best single split of
the series of sessions with n >= 10 by least squares weighted by n, each
side at least 3 sessions (alignment.ChangePoints' cost, one change).
Last, the bootstrap interval of the last session's agreement: 100,000
resamples of its roll calls with replacement (random.Random(2014)), the
2.5th and 97.5th percentiles with linear interpolation (as numpy's).
"""
import collections
import random

from record import adopted, record, unanimous

SRB, RUS = "YU", "RU"
FIRST, MIN_N = 47, 10


def scores(rcs):
    """The Agree of each comparable roll call both voted on, by session."""
    by = collections.defaultdict(list)
    for rc in rcs:
        if not adopted(rc) or unanimous(rc):
            continue
        a, b = rc["votes"].get(SRB), rc["votes"].get(RUS)
        if a is None or b is None:
            continue
        by[rc["session"]].append(1.0 if a == b else (0.5 if "abstain" in (a, b) else 0.0))
    return by


def series(rcs):
    return {s: (len(xs), sum(xs) / len(xs)) for s, xs in sorted(scores(rcs).items())}


def percentile(xs, q):
    xs = sorted(xs)
    h = (len(xs) - 1) * q
    lo = int(h)
    return xs[lo] + (h - lo) * (xs[min(lo + 1, len(xs) - 1)] - xs[lo])


def bootstrap(xs, resamples=100_000, seed=2014):
    rng, n = random.Random(seed), len(xs)
    means = [sum(rng.choices(xs, k=n)) / n for _ in range(resamples)]
    return percentile(means, 0.025), percentile(means, 0.975)


def best_split(ser, minseg=3):
    keys = [s for s in ser if ser[s][0] >= MIN_N]
    best = None
    for k in range(minseg, len(keys) - minseg + 1):
        cost, means = 0.0, []
        for part in (keys[:k], keys[k:]):
            w = sum(ser[s][0] for s in part)
            m = sum(ser[s][0] * ser[s][1] for s in part) / w
            cost += sum(ser[s][0] * (ser[s][1] - m) ** 2 for s in part)
            means.append(m)
        if best is None or cost < best[0]:
            best = (cost, keys[k], means)
    return best


if __name__ == "__main__":
    rcs = [rc for rc in record() if rc["session"] >= FIRST]
    out = collections.Counter(rc["session"] for rc in rcs if not adopted(rc))
    ser = series(rcs)
    print("session,n,agree,left_out")
    for s in range(FIRST, max(rc["session"] for rc in rcs) + 1):
        n, x = ser.get(s, (0, 0.0))
        print("%d,%d,%s,%d" % (s, n, "%.4f" % x if n >= MIN_N else "NA", out[s]))
    print("since session %d: %d roll calls, %d left out" % (FIRST, len(rcs), sum(out.values())))
    cost, at, (before, after) = best_split(ser)
    print("best single split at session %d: %.4f before, %.4f after" % (at, before, after))
    last = max(ser)
    lo, hi = bootstrap(scores(rcs)[last])
    print("session %d: agree %.4f on %d roll calls, 95%% interval %.4f-%.4f" % (last, ser[last][1], ser[last][0], lo, hi))
