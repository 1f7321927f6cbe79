"""The embedded record as undata.Load joins it, read from the repository's
copies of the sources with python3 alone, independently of the Go code:

  undata/un_roll_calls.csv.gz, undata/un_votes.csv.gz   unvotes 0.3.0, sessions 1-74
  testdata/unxml/*.jsonl.gz                              the UN's resolution data, 2019-2026

The unvotes roll calls come first; a roll call of the UN's data is added if
unvotes lacks its symbol and it has lists of votes (one per symbol). A state
is keyed by its ISO 3166 alpha-2 code as unvotes gives it (country_code;
Serbia, COW 345, is "YU" there); the UN's data name states in capitals, and
NAMES maps those this directory's scripts look at. A roll call of an
emergency special session counts to the regular session in progress on its
day, as votes.RollCall.Session does. Shared by families.py and longview.py;
paths are taken from this file's place.
"""
import csv
import datetime
import gzip
import json
import os
import re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")

# The Balkan group of votes.LookupGroup("Balkans"), and Russia.
NAMES = {
    "RUSSIAN FEDERATION": "RU", "ALBANIA": "AL", "BOSNIA AND HERZEGOVINA": "BA",
    "BULGARIA": "BG", "CROATIA": "HR", "GREECE": "GR", "MONTENEGRO": "ME",
    "NORTH MACEDONIA": "MK", "ROMANIA": "RO", "SERBIA": "YU", "SLOVENIA": "SI",
}
UNXML = ["74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"]


def _date(s):
    """The UN's dates: "2 March 2022" or "2022-03-02"."""
    s = s.strip()
    for f in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.datetime.strptime(s, f).date()
        except ValueError:
            pass
    raise ValueError("date %r" % s)


def record():
    """Returns the roll calls in order of session, date and then source
    order, each a dict: session, special ("" or "ES-11"), date, symbol,
    part (a separate vote on an amendment or paragraph), text (the fields a
    text filter reads), source, votes {state: "yes" | "no" | "abstain"}."""
    rcs = {}
    with gzip.open(os.path.join(ROOT, "undata", "un_roll_calls.csv.gz"), "rt", newline="") as f:
        for r in csv.DictReader(f):
            sym = "" if r["unres"] in ("", "NA") else re.sub(r"^R/", "A/RES/", r["unres"])
            rcs["u" + r["rcid"]] = dict(
                session=int(r["session"]), special="", date=datetime.date.fromisoformat(r["date"]),
                symbol=sym, part=r["amend"] == "1" or r["para"] == "1",
                text=[sym, r["short"], r["descr"]], source="unvotes", votes={}, order=int(r["rcid"]))
    with gzip.open(os.path.join(ROOT, "undata", "un_votes.csv.gz"), "rt", newline="") as f:
        for r in csv.DictReader(f):
            rcs["u" + r["rcid"]]["votes"][r["country_code"]] = r["vote"]
    have = {rc["symbol"] for rc in rcs.values()}
    order = 10 ** 6
    for name in UNXML:
        with gzip.open(os.path.join(ROOT, "testdata", "unxml", name + ".jsonl.gz"), "rt") as f:
            for line in f:
                o = json.loads(line)
                sym = o["symbol"]
                lists = {k: o.get(k) or [] for k in ("MS_in_favour", "MS_against", "MS_abstaining")}
                if sym in have or not any(lists.values()):
                    continue
                have.add(sym)
                d = _date(o["adoption_date"])
                special = name if name.startswith("ES") else ""
                session = int(sym.split("/")[2]) if not special else (d.year - 1945 if d.month >= 9 else d.year - 1946)
                votes = {}
                for k, v in (("MS_in_favour", "yes"), ("MS_against", "no"), ("MS_abstaining", "abstain")):
                    for n in lists[k]:
                        n = n.strip().upper()
                        votes[NAMES.get(n, n)] = v
                order += 1
                rcs["x" + sym] = dict(session=session, special=special, date=d, symbol=sym, part=False,
                                      text=[sym, o.get("title") or ""] + [t[0] if isinstance(t, list) else t for t in o.get("subjects") or []],
                                      source="UN", votes=votes, order=order)
    return sorted(rcs.values(), key=lambda rc: (rc["session"], rc["date"], rc["order"]))


def adopted(rc):
    """votes.AdoptedResolutions: not a part, with a symbol, more yes than no."""
    cast = list(rc["votes"].values())
    return not rc["part"] and rc["symbol"] != "" and cast.count("yes") > cast.count("no")


def unanimous(rc):
    """votes.RollCall.Unanimous: every vote cast the same."""
    return len(set(rc["votes"].values())) < 2
