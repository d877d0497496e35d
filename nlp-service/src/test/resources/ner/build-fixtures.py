#!/usr/bin/env python3
"""Builds news-fixtures.jsonl from news-fixtures.src.txt, where names are marked [name|PER|LOC|ORG].
The fixture sentences were written for this project (regional-news style); they are not from any benchmark."""
import json, re, sys, pathlib
here = pathlib.Path(__file__).parent
out = []
for line in (here / "news-fixtures.src.txt").read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    text, ents, pos = "", [], 0
    for m in re.finditer(r"\[([^\[\]|]+)\|(PER|LOC|ORG)\]", line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(1)
        ents.append({"start": start, "end": len(text), "type": m.group(2), "text": m.group(1)})
        pos = m.end()
    text += line[pos:]
    out.append(json.dumps({"text": text, "entities": ents}, ensure_ascii=False))
(here / "news-fixtures.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(out), "lines", file=sys.stderr)
