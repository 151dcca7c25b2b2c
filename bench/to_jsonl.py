#!/usr/bin/env python3
"""Turns a corpus written by ../shared/bench/gen_corpus.py into JSON Lines for
`morgue extract` and `morgue index`: one object per .md, .txt and .json article
(HTML pages are left out: reading them is the HTML reader's work, not a JSON
field's), with the fields `morgue index` reads in .jsonl files plus `id` (the
file's name) and `path` (its path under the corpus, which dates .txt articles).

Usage:
  bench/to_jsonl.py CORPUS OUT_DIR [--parts N]

writes OUT_DIR/all.jsonl (every article, in path order) and OUT_DIR/parts/
part-NNN.jsonl (the same lines in N files, default 100, so that `morgue index`
reads them on every core: it extracts one file on one thread).
"""
import argparse
import json
import os


def front_matter(text):
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip()] = value
    return meta, text[end + 5:]


def article(path, rel):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    name = os.path.splitext(os.path.basename(rel))[0]
    if rel.endswith(".json"):
        record = json.loads(text)
    elif rel.endswith(".md"):
        meta, body = front_matter(text)
        lines = body.lstrip("\n").split("\n")
        if lines and lines[0].startswith("# "):
            meta.setdefault("title", lines[0][2:].strip())
            lines = lines[1:]
        record = dict(meta, body="\n".join(lines).strip())
    else:
        title, _, body = text.lstrip().partition("\n")
        record = {"title": title.strip(), "body": body.strip()}
    record["id"] = name
    record["path"] = rel
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--parts", type=int, default=100)
    args = parser.parse_args()
    files = []
    for root, dirs, names in os.walk(args.corpus):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".md", ".txt", ".json")):
                full = os.path.join(root, name)
                files.append((full, os.path.relpath(full, args.corpus)))
    os.makedirs(os.path.join(args.out, "parts"), exist_ok=True)
    lines = [json.dumps(article(full, rel), ensure_ascii=False) for full, rel in files]
    with open(os.path.join(args.out, "all.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
    per_part = -(-len(lines) // args.parts)
    for part in range(args.parts):
        chunk = lines[part * per_part:(part + 1) * per_part]
        if chunk:
            name = os.path.join(args.out, "parts", f"part-{part:03d}.jsonl")
            with open(name, "w", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in chunk)
    print(f"{len(lines)} articles from {args.corpus} in {args.out}")


if __name__ == "__main__":
    main()
