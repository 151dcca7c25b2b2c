"""Checks for the Spark job (run by contrib/spark/test.sh).

    check.py compare --morgue BIN SINGLE_INDEX MERGED_INDEX
        30 fixed searches, lists and timelines on both indexes; they must agree.
    check.py parquet DATASET --articles N
        the Parquet dataset has N rows, one per article (distinct ids).
    check.py records INPUT...
        the `morgue extract` input the job makes from INPUT, written to stdout
        without Spark: for timing extract -> index --extracted -> merge alone.
"""

import argparse
import json
import os
import subprocess
import sys

# What a user asks an archive, on the generated corpus and on corpus/ alike:
# words, forms, phrases, OR and NOT, fields, every filter, the entity lists and
# timelines. Each entry is (what is compared, morgue arguments).
CHECKS = [
    ("total", ["search", "Macron"]),
    ("total", ["search", "ceasefire", "talks"]),
    ("total", ["search", '"prime minister"']),
    ("total", ["search", "ornithopter"]),
    ("total", ["search", "zeppelin"]),
    ("total", ["search", "sanction"]),
    ("total", ["search", "=sanctions"]),
    ("total", ["search", "gaza OR ukraine"]),
    ("total", ["search", "talks -ukraine"]),
    ("total", ["search", "title:election"]),
    ("total", ["search", "--person", "Macron"]),
    ("total", ["search", "--person", "Blinken"]),
    ("total", ["search", "--country", "FR"]),
    ("total", ["search", "--country", "iraq"]),
    ("total", ["search", "--about", "US"]),
    ("total", ["search", "--org", "NATO"]),
    ("total", ["search", "--from", "2023-01", "--to", "2023-06"]),
    ("total", ["search", "--mentions", "2023-10"]),
    ("total", ["search", "ceasefire", "--country", "UA", "--from", "2023", "--person", "Zelensky"]),
    ("total", ["search", "--on", "2024"]),
    ("people", ["people", "--limit", "100000"]),
    ("people", ["people", "--country", "IL", "--limit", "100000"]),
    ("people", ["people", "--from", "2024", "--limit", "100000"]),
    ("orgs", ["orgs", "--limit", "100000"]),
    ("countries", ["countries", "--limit", "1000"]),
    ("countries", ["countries", "--person", "Blinken", "--limit", "1000"]),
    ("series", ["timeline", "--by", "month"]),
    ("series", ["timeline", "--person", "Macron", "--by", "year"]),
    ("series", ["timeline", "ceasefire", "--by", "week"]),
    ("series", ["timeline", "--country", "UA", "--by", "month"]),
]


def run_json(morgue, index, args):
    """`morgue ARGS --json` on one index; nothing matched (exit 1) is an answer too."""
    cmd = [morgue, "--color", "never", "--index", index, *args, "--json"]
    if args[0] == "search":
        cmd += ["--limit", "0"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"check: {' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)


def answer(kind, output):
    """What must agree. Lists become name -> count maps: two names with the same
    count may come in either order without being a difference."""
    if kind == "total":
        return output["total"]
    if kind == "series":
        return [(p["period"], p["articles"]) for p in output["series"]]
    key = "code" if kind == "countries" else "name"
    return {row[key]: row["articles"] for row in output[kind]}


def stats_answer(morgue, index):
    stats = run_json(morgue, index, ["stats"])
    # The index's own path, size and segment layout differ by construction.
    return {k: v for k, v in stats.items() if k not in ("index", "size_bytes")}


def compare(args):
    failures = 0
    for kind, cmd in CHECKS:
        single = answer(kind, run_json(args.morgue, args.single, cmd))
        merged = answer(kind, run_json(args.morgue, args.merged, cmd))
        size = single if kind == "total" else len(single)
        if single == merged:
            print(f"  same  {kind:9} {size!s:>6}  morgue {' '.join(cmd)}")
        else:
            failures += 1
            print(f"  DIFF  {kind:9} {size!s:>6}  morgue {' '.join(cmd)}")
            describe_difference(single, merged)
    single, merged = stats_answer(args.morgue, args.single), stats_answer(args.morgue, args.merged)
    if single == merged:
        print(f"  same  stats            morgue stats (articles {single.get('articles')}, formats, date sources, top entities)")
    else:
        failures += 1
        print("  DIFF  stats")
        describe_difference(single, merged)
    print(f"{len(CHECKS) + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


def describe_difference(single, merged, shown=8):
    if isinstance(single, dict) and isinstance(merged, dict):
        keys = sorted(set(single) | set(merged), key=str)
        diffs = [(k, single.get(k), merged.get(k)) for k in keys if single.get(k) != merged.get(k)]
        print(f"        {len(diffs)} entries differ (single, merged):")
        for k, a, b in diffs[:shown]:
            print(f"        {k}: {json.dumps(a)[:120]} / {json.dumps(b)[:120]}")
    elif isinstance(single, list) and isinstance(merged, list):
        diffs = [(a, b) for a, b in zip(single, merged) if a != b]
        print(f"        lengths {len(single)} / {len(merged)}; first differences: {diffs[:shown]}")
    else:
        print(f"        single {single} / merged {merged}")


def parquet(args):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("morgue-check").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.read.parquet(args.dataset)
    rows = frame.count()
    ids = frame.select("id").distinct().count()
    columns = frame.columns
    spark.stop()
    missing = [c for c in ("id", "path", "title", "people", "orgs", "countries") if c not in columns]
    ok = rows == args.articles and ids == rows and not missing
    print(f"  {'same' if ok else 'DIFF'}  parquet   {rows} rows, {ids} distinct ids, {args.articles} articles in the single index; columns: {', '.join(columns)}")
    return 0 if ok else 1


def records(args):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from morgue_spark import ARTICLE_EXTENSIONS, records_of_file  # noqa: E402

    class Count:
        def add(self, _):
            pass

    counters = {k: Count() for k in ("files", "bytes")}
    out = sys.stdout
    for root in args.inputs:
        qualified = "file:" + os.path.abspath(root)
        roots = [(qualified, root.rstrip("/"))]
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.lower().endswith(ARTICLE_EXTENSIONS):
                    continue
                full = os.path.join(folder, name)
                with open(full, "rb") as f:
                    data = f.read()
                uri = "file:" + os.path.abspath(full)
                for record in records_of_file(uri, data, roots, counters):
                    out.write(record + "\n")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("compare")
    c.add_argument("--morgue", required=True)
    c.add_argument("single")
    c.add_argument("merged")
    q = sub.add_parser("parquet")
    q.add_argument("dataset")
    q.add_argument("--articles", type=int, required=True)
    r = sub.add_parser("records")
    r.add_argument("inputs", nargs="+")
    args = p.parse_args()
    return {"compare": compare, "parquet": parquet, "records": records}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
