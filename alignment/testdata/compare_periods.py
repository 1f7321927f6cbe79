#!/usr/bin/env python3
"""Independent computation of the figures TestComparePeriodsIndependent
checks: China's agreement with the United States (Voeten's Agree: 1 same
vote, 0.5 one abstains, 0 yes against no) in 2000-2004 and 2015-2019, the
change, and a 95% percentile bootstrap interval for the change.

It reads the embedded record (undata/un_votes.csv.gz and
un_roll_calls.csv.gz, the unvotes release) with the standard library
alone. A roll call is left out if every vote cast on it (yes, abstain,
no), by any state, was the same. Each period's roll calls are resampled
with replacement (as many as it holds), independently of the other
period, with Python's own generator; the pair is scored on the roll calls
of the draw that both cast a vote on; the change on resample r is
after_r - before_r; the interval takes the 2.5% and 97.5% quantiles by
linear interpolation between order statistics (numpy.percentile's
default, R's type 7). Its random numbers are not Go's: the Go test
compares the ends within a tolerance the Monte Carlo error allows.

Run from the repository root:  python3 alignment/testdata/compare_periods.py
Output (seed 1, 20000 resamples; about 8 s):
  before 0.2540 n=435 of 446 roll calls
  after 0.2889 n=495 of 504 roll calls
  change +0.0349 [-0.0133, +0.0837]
"""
import csv
import gzip
import random
import sys

CODE = {"yes": 1, "abstain": 2, "no": 3}


def load():
    dates = {}
    with gzip.open("undata/un_roll_calls.csv.gz", "rt", newline="") as f:
        for row in csv.DictReader(f):
            dates[int(row["rcid"])] = row["date"]
    seen = {}
    pair = {}
    with gzip.open("undata/un_votes.csv.gz", "rt", newline="") as f:
        for row in csv.DictReader(f):
            rc, v = int(row["rcid"]), CODE.get(row["vote"])
            if v is None:
                continue
            seen.setdefault(rc, set()).add(v)
            if row["country_code"] in ("CN", "US"):
                pair.setdefault(rc, {})[row["country_code"]] = v
    return dates, seen, pair


def period(dates, seen, pair, y0, y1):
    """The period's roll calls (not unanimous) as (china, usa) votes, 0 for none."""
    out = []
    for rc in sorted(dates):
        d = dates[rc]
        if not d or not (y0 <= int(d[:4]) <= y1) or len(seen.get(rc, ())) < 2:
            continue
        p = pair.get(rc, {})
        out.append((p.get("CN", 0), p.get("US", 0)))
    return out


def agree(cols):
    n = s = 0
    for a, b in cols:
        if a and b:
            n += 1
            s += 1 - abs(a - b) / 2
    return (s / n if n else float("nan")), n


def quantile(xs, q):
    xs = sorted(x for x in xs if x == x)
    h = q * (len(xs) - 1)
    i = int(h)
    j = min(i + 1, len(xs) - 1)
    return xs[i] + (h - i) * (xs[j] - xs[i])


def main():
    dates, seen, pair = load()
    before = period(dates, seen, pair, 2000, 2004)
    after = period(dates, seen, pair, 2015, 2019)
    b, nb = agree(before)
    a, na = agree(after)
    rng = random.Random(1)
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    diffs = []
    for _ in range(reps):
        rb = agree([before[rng.randrange(len(before))] for _ in before])[0]
        ra = agree([after[rng.randrange(len(after))] for _ in after])[0]
        diffs.append(ra - rb)
    print(f"before {b:.4f} n={nb} of {len(before)} roll calls")
    print(f"after {a:.4f} n={na} of {len(after)} roll calls")
    print(f"change {a - b:+.4f} [{quantile(diffs, 0.025):+.4f}, {quantile(diffs, 0.975):+.4f}]")


if __name__ == "__main__":
    main()
