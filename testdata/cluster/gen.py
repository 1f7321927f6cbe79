#!/usr/bin/python3
"""Build the cluster fixtures from the unvotes CSVs, independently of the Go code.

Run by hand (never at test time), from the repository root:

    /usr/bin/python3 testdata/cluster/gen.py /work/shared/data

It writes, next to itself:

  session74_dist.csv   cow,iso3,name and one column per state: Voeten's
                       distance 1 - agree over all session-74 roll calls, states
                       that voted at least once, rows by COW code.
  linkage_<method>.csv scipy.cluster.hierarchy.linkage(method) on that matrix:
                       a,b,height,size per step (Python repr: full precision).
  leaves_<method>.csv  scipy's leaves_list, one index a line.
  fcluster_<method>.csv k,labels...: fcluster(Z, k, 'maxclust') for a few k.
  versions.txt         the versions of python, numpy and scipy used.

agree(a, b) is the mean, over the roll calls on which both cast yes, abstain or
no (coded 1, 2, 3), of 1 - |a - b| / 2; no joint vote gives distance 1.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
KS = [2, 3, 4, 5, 6, 8]


def main(data):
    here = os.path.dirname(os.path.abspath(__file__))
    # keep_default_na=False: Namibia's ISO code is the two letters NA.
    rc = pd.read_csv(os.path.join(data, "unvotes/un_roll_calls.csv.gz"), keep_default_na=False)
    v = pd.read_csv(os.path.join(data, "unvotes/un_votes.csv.gz"), keep_default_na=False)
    rcids = set(rc.loc[rc["session"].astype(int) == 74, "rcid"].astype(int))
    v = v[v["rcid"].astype(int).isin(rcids)]

    # COW codes: ISO2 -> ISO3 (Debian iso-codes) -> COW (Bailey, Strezhnev and
    # Voeten's session-74 table).
    iso = json.load(open(os.path.join(data, "countries/iso_3166-1.json")))["3166-1"]
    iso3 = {c["alpha_2"]: c["alpha_3"] for c in iso}
    ip = pd.read_csv(os.path.join(data, "idealpoints/IdealpointestimatesAll_Apr2020.csv"),
                     encoding="latin-1", keep_default_na=False)
    ip = ip[ip["session"].astype(int) == 74]
    cow = {r.iso3c: int(r.ccode) for r in ip.itertuples()}

    states = {}
    for name, code in v[["country", "country_code"]].drop_duplicates().itertuples(index=False):
        a3 = iso3[code]
        states[a3] = (cow[a3], a3, name)
    rows = sorted(states.values())
    index = {a3: i for i, (_, a3, _) in enumerate(rows)}
    cols = sorted(rcids)
    colidx = {r: j for j, r in enumerate(cols)}
    n, m = len(rows), len(cols)
    code = {"yes": 1, "abstain": 2, "no": 3}
    X = np.zeros((n, m))  # 0 = no vote
    for r, a2, vote in v[["rcid", "country_code", "vote"]].itertuples(index=False):
        X[index[iso3[a2]], colidx[int(r)]] = code[vote]

    # Exact integer sums of |a-b| and joint counts, then one division.
    ind = [(X == c).astype(np.int64) for c in (1, 2, 3)]
    voted = ind[0] + ind[1] + ind[2]
    joint = voted @ voted.T
    absdiff = np.zeros((n, n), dtype=np.int64)
    for a in range(3):
        for b in range(3):
            if a != b:
                absdiff += abs(a - b) * (ind[a] @ ind[b].T)
    # sum of 1 - |a-b|/2 = joint - absdiff/2; agree = (2 joint - absdiff) / (2 joint)
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = (2 * joint - absdiff) / (2.0 * joint)
    dist = 1 - agree
    dist[joint == 0] = 1.0
    np.fill_diagonal(dist, 0.0)
    assert np.allclose(dist, dist.T) and (dist >= 0).all()

    with open(os.path.join(here, "session74_dist.csv"), "w") as f:
        f.write("cow,iso3,name," + ",".join(a3 for _, a3, _ in rows) + "\n")
        for i, (c, a3, name) in enumerate(rows):
            f.write(f'{c},{a3},"{name}",' + ",".join(repr(float(x)) for x in dist[i]) + "\n")

    y = squareform(dist, checks=True)
    for method in METHODS:
        Z = hierarchy.linkage(y, method=method)
        with open(os.path.join(here, f"linkage_{method}.csv"), "w") as f:
            f.write("a,b,height,size\n")
            for a, b, h, s in Z:
                f.write(f"{int(a)},{int(b)},{repr(float(h))},{int(s)}\n")
        with open(os.path.join(here, f"leaves_{method}.csv"), "w") as f:
            f.write("\n".join(str(int(x)) for x in hierarchy.leaves_list(Z)) + "\n")
        if method in ("centroid", "median"):
            continue  # maxclust needs monotone heights
        with open(os.path.join(here, f"fcluster_{method}.csv"), "w") as f:
            for k in KS:
                t = hierarchy.fcluster(Z, k, criterion="maxclust")
                f.write(f"{k}," + ",".join(str(int(x)) for x in t) + "\n")
    with open(os.path.join(here, "versions.txt"), "w") as f:
        f.write(f"python {sys.version.split()[0]}\nnumpy {np.__version__}\nscipy {scipy.__version__}\n"
                f"pandas {pd.__version__}\nstates {n}\nroll calls {m}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
