#!/usr/bin/env python3
"""Pooled --person search figures of any morgue binary on an indexed Reuters archive.

`morgue eval reuters --archive` measures the current code; this script measures a
given binary (an older release, say) on an index it built itself, with the same
definitions, so that before/after figures come from one method:

    python3 shared/data/reuters_archive.py shared/data/reuters21578/reuters21578_000-010.jsonl.gz --out /tmp/reuters-dev
    OLD/morgue --index /tmp/ri-old index /tmp/reuters-dev --quiet
    python3 eval/person_search.py --morgue OLD/morgue --index /tmp/ri-old \\
        --gold shared/data/reuters21578/reuters21578_000-010.jsonl.gz

For each PEOPLE tag on 5 or more articles of the archive: a search by the full name
(the people-list entry of two or more words that ends with the tag's words, most
articles first) and by the tag's last word; recall and precision against the tagged
articles, pooled. Stdlib only.
"""
import argparse
import gzip
import json
import subprocess
from collections import defaultdict

MIN_TAGGED = 5


def run(morgue, index, args):
    out = subprocess.run([morgue, "--index", index] + args, capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else None


def found(morgue, index, person):
    result = run(morgue, index, ["search", "--json", "--limit", "100000", "--person", person])
    if not result:
        return set()
    return {hit["path"].rsplit("/", 1)[-1].removesuffix(".txt") for hit in result["hits"]}


def words(name):
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in name).split() if w]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--morgue", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--gold", required=True, help="reuters_to_jsonl.py output (.jsonl or .jsonl.gz)")
    args = ap.parse_args()
    tagged = defaultdict(set)
    opener = gzip.open if args.gold.endswith(".gz") else open
    with opener(args.gold, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            # The articles reuters_archive.py writes: with a body and a date.
            if not (article.get("body") or "").strip() or not article.get("date"):
                continue
            for tag in article["people"]:
                tagged[tag].add(str(article["id"]))
    listed = run(args.morgue, args.index, ["people", "--json", "--limit", "100000"]) or {"people": []}
    names = [p["name"] for p in listed["people"]]
    totals = {"full_name": [0, 0, 0], "surname": [0, 0, 0]}
    for tag, gold in sorted(tagged.items()):
        if len(gold) < MIN_TAGGED:
            continue
        tag_words = tag.split("-")
        full = next(
            (n for n in names if len(n.split()) >= 2 and words(n)[-len(tag_words):] == tag_words),
            " ".join(w.title() for w in tag_words),
        )
        for quantity, query in (("full_name", full), ("surname", tag_words[-1])):
            hits = found(args.morgue, args.index, query)
            total = totals[quantity]
            total[0] += len(gold)
            total[1] += len(hits)
            total[2] += len(hits & gold)
    for quantity, (gold, predicted, correct) in totals.items():
        print(
            f"{quantity}: precision {correct / max(predicted, 1):.3f} recall {correct / max(gold, 1):.3f}"
            f" (gold {gold}, predicted {predicted}, correct {correct})"
        )


if __name__ == "__main__":
    main()
