"""Rebuild content/data/places/*.csv from raw/ following content/data/places/SOURCES.md.

Usage (from bot/): python -m actions.ido.rebuild [--write]
Without --write it only compares its result with the shipped tables and prints the differences.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections import defaultdict
from statistics import mean

from . import places

SPURIOUS_KM = 15  # a GeoNames place this far from the BAG centroid is a stray extra row
FLAG_KM = 3.5  # above GeoNames-vs-BAG p99 (3.3 km): worth a qc flag
PROVINCES = {"01": "Drenthe", "02": "Fryslân", "03": "Gelderland", "04": "Groningen", "05": "Limburg",
             "06": "Noord-Brabant", "07": "Noord-Holland", "09": "Utrecht", "10": "Zeeland",
             "11": "Zuid-Holland", "15": "Overijssel", "16": "Flevoland"}
GEMEENTE_FIXES = {"0267": "Nijkerk", "0014": "Groningen", "0060": "Ameland", "0537": "Katwijk",
                  "1900": "Súdwest-Fryslân", "0518": "'s-Gravenhage", "0373": "Bergen (NH)",
                  "0893": "Bergen (L)", "1992": "Voorne aan Zee"}
PC4_COLUMNS = ["pc4", "lat", "lon", "woonplaats", "woonplaatsen", "gemeente_code", "gemeente",
               "provincie", "coord_source", "soort_4pp2014", "qc_flags"]


def raw_dir():
    return places.content_dir() / "data" / "places" / "raw"


def read_raw():
    geonames = defaultdict(list)
    with open(raw_dir() / "geonames_NL.txt", encoding="utf-8") as f:
        for cols in csv.reader(f, delimiter="\t"):
            geonames[cols[1]].append(cols)
    bag = json.loads((raw_dir() / "pc4geoloc_bag2021.json").read_text(encoding="utf-8"))
    with open(raw_dir() / "4pp_2014.csv", encoding="utf-8", newline="") as f:
        pp = {r["postcode"]: r for r in csv.DictReader(f)}
    return geonames, bag, pp


def gemeente_name(admin2: str, code: str) -> str:
    return GEMEENTE_FIXES.get(code) or re.sub(r"^Gemeente |\s+Municipality\w*$", "", admin2).strip()


def pc4_rows(geonames, bag, pp) -> list[dict]:
    rows = {}
    for pc4 in sorted(set(geonames) | set(bag) | set(pp)):
        row, flags = {"pc4": pc4, "soort_4pp2014": pp.get(pc4, {}).get("soort", "")}, []
        places_here = _nearest_first(geonames.get(pc4, []), bag.get(pc4) or _pp_point(pp.get(pc4)))
        if pc4 in bag:
            row.update(lat=bag[pc4][0], lon=bag[pc4][1], coord_source="bag2021")
            near = [g for g in places_here if _km(bag[pc4], g) <= SPURIOUS_KM]
            flags += [f"dropped_spurious_place:{g[2]}({_km(bag[pc4], g):.0f}km)"
                      for g in places_here if near and g not in near]
            if places_here and not near:
                flags.append(f"geonames_coord_wrong_{_km(bag[pc4], places_here[0]):.0f}km_kept_name")
            places_here = near or places_here
            if places_here and _km(bag[pc4], places_here[0]) > FLAG_KM:
                flags.append(f"bag_vs_geonames_{_km(bag[pc4], places_here[0]):.1f}km")
        elif places_here:
            row.update(lat=float(places_here[0][9]), lon=float(places_here[0][10]), coord_source="geonames")
        else:
            row.update(lat=float(pp[pc4]["latitude"]), lon=float(pp[pc4]["longitude"]), coord_source="4pp2014")
        if places_here:
            g = places_here[0]
            names = list(dict.fromkeys(p[2] for p in places_here))
            code = g[6] or "1992"  # GeoNames predates Voorne aan Zee (2023) and leaves it blank
            row.update(woonplaats=names[0], woonplaatsen="|".join(names), gemeente_code=code,
                       gemeente=gemeente_name(g[5], code), provincie=PROVINCES.get(g[4], ""))
        else:
            name = pp.get(pc4, {}).get("woonplaats", "")
            row.update(woonplaats=name, woonplaatsen=name)
            flags.append("names_from_4pp2014" if name else "no_names")
        row["qc_flags"] = ";".join(flags)
        rows[pc4] = row
    _fill_gemeente(rows, pp)
    return list(rows.values())


def _pp_point(row: dict | None) -> tuple[float, float] | None:
    return (float(row["latitude"]), float(row["longitude"])) if row else None


def _nearest_first(rows: list, point) -> list:
    return sorted(rows, key=lambda g: _km(point, g)) if point else rows


def _km(bag_point, geonames_cols) -> float:
    return places.haversine_km(bag_point[0], bag_point[1], float(geonames_cols[9]), float(geonames_cols[10]))


def _fill_gemeente(rows: dict, pp: dict) -> None:
    """4pp-only PC4s: the gemeente with the 2014 name, else that of the nearest BAG PC4."""
    known = [r for r in rows.values() if r.get("gemeente_code")]
    by_name = {places.compact(r["gemeente"]): r for r in known}
    with_bag = [r for r in known if r["coord_source"] == "bag2021"]
    for row in rows.values():
        if row.get("gemeente_code"):
            continue
        said = pp.get(row["pc4"], {}).get("gemeente", "")
        source = by_name.get(places.compact(said)) if said else None
        if source is None:
            source = min(with_bag, key=lambda k: places.haversine_km(row["lat"], row["lon"], k["lat"], k["lon"]))
            row["qc_flags"] += f";gemeente_from_nearest_pc4_{source['pc4']}(4pp2014_said_{said})"
        row.update(gemeente_code=source["gemeente_code"], gemeente=source["gemeente"],
                   provincie=source["provincie"])


def woonplaats_rows(pc4s: list[dict]) -> list[dict]:
    groups = defaultdict(list)
    for r in pc4s:
        for name in filter(None, r["woonplaatsen"].split("|")):
            groups[(name, r["gemeente_code"])].append(r)
    count = defaultdict(int)
    for name, _ in groups:
        count[name] += 1
    return [{"woonplaats": name, "gemeente_code": code, "gemeente": rs[0]["gemeente"],
             "provincie": rs[0]["provincie"], "lat": mean(r["lat"] for r in rs),
             "lon": mean(r["lon"] for r in rs), "n_pc4": len(rs), "pc4s": " ".join(r["pc4"] for r in rs),
             "homonym": int(count[name] > 1)} for (name, code), rs in sorted(groups.items())]


def gemeente_rows(pc4s: list[dict]) -> list[dict]:
    groups = defaultdict(list)
    for r in pc4s:
        groups[r["gemeente_code"]].append(r)
    return [{"gemeente_code": code, "gemeente": rs[0]["gemeente"], "provincie": rs[0]["provincie"],
             "lat": mean(r["lat"] for r in rs), "lon": mean(r["lon"] for r in rs), "n_pc4": len(rs)}
            for code, rs in groups.items()]


def alias_rows(pc4s: list[dict], pp: dict, shipped: list[dict]) -> list[dict]:
    """4pp spellings and 2014 names for the same PC4; the hand-checked rows are carried over."""
    official = {r["woonplaats"] for r in pc4s} | {n for r in pc4s for n in r["woonplaatsen"].split("|")}
    found = {}
    for r in pc4s:
        old = pp.get(r["pc4"])
        if not old or not r["woonplaats"] or r["qc_flags"].startswith("names_from_4pp2014"):
            continue
        for alt in filter(None, (a.strip() for a in old["alternatieve_schrijfwijzen"].split(","))):
            found.setdefault((alt, r["woonplaats"]), "4pp2014_alt_spelling")
        found.setdefault((old["woonplaats"], r["woonplaats"]), "4pp2014_name")
    rows = [{"alias": a, "canonical": c, "source": s} for (a, c), s in found.items()
            if a not in official and a != c]
    rows += [r for r in shipped if r["source"] == "manual_verify"]
    return sorted(rows, key=lambda r: (r["alias"], r["canonical"]))


def to_csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: f"{v:.6f}".rstrip("0") if isinstance(v, float) else v for k, v in row.items()})
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="overwrite the shipped tables")
    args = parser.parse_args(argv)
    geonames, bag, pp = read_raw()
    out_dir = raw_dir().parent
    shipped_aliases = places._read("nl_place_aliases.csv")
    pc4s = pc4_rows(geonames, bag, pp)
    tables = {
        "nl_pc4_centroids.csv": to_csv(pc4s, PC4_COLUMNS),
        "nl_woonplaatsen.csv": to_csv(woonplaats_rows(pc4s), list(woonplaats_rows(pc4s[:1])[0])),
        "nl_gemeenten.csv": to_csv(sorted(gemeente_rows(pc4s), key=lambda r: r["gemeente_code"]),
                                   ["gemeente_code", "gemeente", "provincie", "lat", "lon", "n_pc4"]),
        "nl_place_aliases.csv": to_csv(alias_rows(pc4s, pp, shipped_aliases), ["alias", "canonical", "source"]),
    }
    different = 0
    for name, text in tables.items():
        old = set((out_dir / name).read_text(encoding="utf-8").splitlines()[1:])
        new = set(text.splitlines()[1:])
        different += len(old ^ new)
        print(f"{name}: {len(new)} rows, {len(new - old)} not in the shipped file, {len(old - new)} shipped rows not rebuilt")
        if args.write:
            (out_dir / name).write_text(text, encoding="utf-8")
    return 0 if args.write or not different else 1


if __name__ == "__main__":
    sys.exit(main())
