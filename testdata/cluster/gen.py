#!/usr/bin/python3
"""Build the cluster fixtures from the unvotes CSVs, independently of the Go code.

Run by hand (never at test time), from the repository root, with Debian's
python3-numpy, python3-pandas and python3-scipy:

    /usr/bin/python3 testdata/cluster/gen.py DATA_DIR [OUT_DIR]

DATA_DIR holds unvotes/un_votes.csv.gz, unvotes/un_roll_calls.csv.gz and
idealpoints/IdealpointestimatesAll_Apr2020.csv (the project's shared data);
OUT_DIR defaults to this script's folder. It writes:

  session74_distance.csv  cow,iso3,name,votes and one column per state (by
                          ISO3): Voeten's distance 1 - agree over all
                          session-74 roll calls, for the states that voted at
                          least once, rows by COW code. agree(a, b) is the
                          mean, over roll calls where both cast yes, abstain
                          or no (1, 2, 3), of 1 - |a - b| / 2; no joint vote
                          gives distance 1.
  linkage_<method>.csv    scipy.cluster.hierarchy.linkage on that matrix for
                          the 7 methods: a,b,height,size per step (repr: full
                          precision).
  leaves_<method>.csv     scipy's leaves_list.
  fcluster_<method>.csv   fcluster maxclust for k = 2, 3, 4, 5, 6, 8, 10, 20
                          and distance at 6 heights, one row per state.
  mds.csv                 classical scaling by numpy's eigh: the two largest
                          eigenvalues and the sum of the positive ones in a
                          comment, then iso3,x,y.
  pca.csv                 principal component scores (numpy SVD) of the vote
                          matrix (yes 1, abstain 2, no 3) of the states that
                          voted on every session-74 roll call, columns
                          centred; the shares of variance in a comment.
  silhouette.csv          silhouette widths (Rousseeuw 1987) of the average
                          linkage cut into 4 (fcluster maxclust 4 labels).
  versions.txt            the versions used.

States get their COW codes from Bailey, Strezhnev & Voeten's table (ccode,
Countryname), whose names are unvotes' own, with the exceptions below; unvotes
calls Serbia "Yugoslavia" (COW 345), whose ISO3 today is SRB.
"""
import os
import platform
import sys

import numpy as np
import pandas as pd
import scipy
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

METHODS = ["single", "complete", "average", "weighted", "centroid", "median", "ward"]
KS = [2, 3, 4, 5, 6, 8, 10, 20]
HEIGHTS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.5]
# unvotes names missing from (or spelt otherwise in) BSV's table.
EXTRA = {"Côte d’Ivoire": (437, "CIV"), "Eswatini": (572, "SWZ"), "North Macedonia": (343, "MKD"),
         "Federal Republic of Germany": (260, ""), "Zanzibar": (511, "")}
ISO3 = {345: "SRB", 255: "DEU", 260: ""}


def main(data, out):
    rc = pd.read_csv(os.path.join(data, "unvotes/un_roll_calls.csv.gz"), keep_default_na=False)
    # keep_default_na=False: Namibia's ISO code is the two letters NA.
    v = pd.read_csv(os.path.join(data, "unvotes/un_votes.csv.gz"), keep_default_na=False)
    ip = pd.read_csv(os.path.join(data, "idealpoints/IdealpointestimatesAll_Apr2020.csv"), encoding="latin-1")
    cow = {}
    for ccode, iso3, name in ip[["ccode", "iso3c", "Countryname"]].drop_duplicates().itertuples(index=False):
        if name not in cow or ccode == 255:  # "Germany" is 255, not the FRG's 260
            cow[name] = (int(ccode), ISO3.get(int(ccode), iso3))
    cow.update(EXTRA)

    ids = set(rc.loc[rc["session"] == 74, "rcid"])
    s = v[v["rcid"].isin(ids)].copy()
    s["code"] = s["vote"].map({"yes": 1, "abstain": 2, "no": 3})
    names = sorted(s["country"].unique(), key=lambda n: cow[n][0])
    X = s.pivot_table(index="country", columns="rcid", values="code", aggfunc="first").reindex(names).fillna(0).to_numpy()
    n = len(names)
    D = np.ones((n, n))
    for i in range(n):
        for j in range(n):
            both = (X[i] > 0) & (X[j] > 0)
            if both.any():
                D[i, j] = 1 - np.mean(1 - np.abs(X[i, both] - X[j, both]) / 2)
    np.fill_diagonal(D, 0)
    iso = [cow[nm][1] for nm in names]
    with open(os.path.join(out, "session74_distance.csv"), "w") as f:
        f.write("cow,iso3,name,votes," + ",".join(iso) + "\n")
        for i, nm in enumerate(names):
            f.write(f"{cow[nm][0]},{iso[i]},{nm},{int((X[i] > 0).sum())}," + ",".join(repr(float(x)) for x in D[i]) + "\n")

    y = squareform(D, checks=False)
    for method in METHODS:
        Z = hierarchy.linkage(y, method=method)
        with open(os.path.join(out, f"linkage_{method}.csv"), "w") as f:
            f.write("a,b,height,size\n")
            for a, b, h, sz in Z:
                f.write(f"{int(a)},{int(b)},{repr(float(h))},{int(sz)}\n")
        with open(os.path.join(out, f"leaves_{method}.csv"), "w") as f:
            f.write("leaf\n" + "\n".join(str(int(x)) for x in hierarchy.leaves_list(Z)) + "\n")
        cols = [hierarchy.fcluster(Z, k, criterion="maxclust") for k in KS]
        cols += [hierarchy.fcluster(Z, h, criterion="distance") for h in HEIGHTS]
        with open(os.path.join(out, f"fcluster_{method}.csv"), "w") as f:
            f.write(",".join([f"maxclust{k}" for k in KS] + [f"distance{h}" for h in HEIGHTS]) + "\n")
            for row in zip(*cols):
                f.write(",".join(str(int(x)) for x in row) + "\n")
        if method == "average":
            labels = hierarchy.fcluster(Z, 4, criterion="maxclust")

    # Classical (Torgerson) scaling: double-centre -D²/2, take the top two.
    J = np.eye(n) - 1 / n
    B = -0.5 * J @ (D ** 2) @ J
    w, V = np.linalg.eigh(B)
    order = np.argsort(w)[::-1]
    w, V = w[order], V[:, order]
    coords = V[:, :2] * np.sqrt(w[:2])
    with open(os.path.join(out, "mds.csv"), "w") as f:
        f.write(f"# eigenvalues {repr(float(w[0]))} {repr(float(w[1]))} positive_sum {repr(float(w[w > 0].sum()))}\n")
        f.write("iso3,x,y\n")
        for i in range(n):
            f.write(f"{iso[i]},{repr(float(coords[i, 0]))},{repr(float(coords[i, 1]))}\n")

    # Silhouette: a(i) mean distance within i's cluster (others), b(i) the
    # least mean distance to another cluster, s = (b - a) / max(a, b); 0 for
    # a singleton.
    with open(os.path.join(out, "silhouette.csv"), "w") as f:
        f.write("label,width\n")
        for i in range(n):
            same = (labels == labels[i])
            if same.sum() == 1:
                s_i = 0.0
            else:
                a = D[i, same].sum() / (same.sum() - 1)
                b = min(D[i, labels == c].mean() for c in set(labels) if c != labels[i])
                s_i = (b - a) / max(a, b)
            f.write(f"{labels[i]},{repr(float(s_i))}\n")

    # PCA of the vote matrix of the states that cast a vote on every
    # session-74 roll call (nothing imputed), columns centred, by SVD.
    full = (X > 0).all(axis=1)
    Xc = X[full] - X[full].mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    scores = U[:, :2] * S[:2]
    var = S ** 2
    with open(os.path.join(out, "pca.csv"), "w") as f:
        f.write(f"# explained {repr(float(var[0] / var.sum()))} {repr(float(var[1] / var.sum()))} rollcalls {X.shape[1]}\n")
        f.write("iso3,x,y\n")
        for k, i in enumerate(np.flatnonzero(full)):
            f.write(f"{iso[i]},{repr(float(scores[k, 0]))},{repr(float(scores[k, 1]))}\n")

    with open(os.path.join(out, "versions.txt"), "w") as f:
        f.write(f"python {platform.python_version()}\nnumpy {np.__version__}\npandas {pd.__version__}\nscipy {scipy.__version__}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__)))
