#!/usr/bin/env bash
# `morgue merge` at scale: the benchmark corpus of bench/run.sh indexed as
# SHARDS shards (its month folders dealt out in turn, as a Spark job would give
# each task its partitions), the shards merged, and the whole corpus indexed at
# once, each timed with /usr/bin/time; then the two archives are compared
# search by search (totals, hits, scores, order, lists, timelines).
#
# usage: bench/merge.sh [N] [WORK_DIR]
#   N         the corpus of bench/run.sh N, in /tmp/morgue-bench/N/corpus (run that first)
#   WORK_DIR  scratch space (default /tmp/morgue-merge-bench/N); never inside the repository
# env:
#   SHARDS=4         number of shards
#   MORGUE=path      use this binary instead of building target/release/morgue
# Writes WORK_DIR/results.json and prints a table.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
N="${1:-100000}"
WORK="${2:-/tmp/morgue-merge-bench/$N}"
SHARDS="${SHARDS:-4}"
BENCH="/tmp/morgue-bench/$N"
[ -f "$BENCH/corpus.done" ] || { echo "bench: no corpus in $BENCH (run bench/run.sh $N first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
case "$WORK" in "$TOP"|"$TOP"/*) echo "bench: WORK_DIR must be outside the repository" >&2; exit 2;; esac

if [ -z "${MORGUE:-}" ]; then
  echo "== build (release)" >&2
  (cd "$TOP" && cargo build --release --quiet)
  MORGUE="$TOP/target/release/morgue"
fi

rm -rf "$WORK"; mkdir -p "$WORK/raw"
RAW="$WORK/raw"
# Paths as given are stored in the index: both archives are built from the
# same relative paths, so that they hold the same articles to the byte.
cd "$BENCH"
months=()
while IFS= read -r dir; do months+=("$dir"); done < <(find corpus -mindepth 2 -maxdepth 2 -type d | sort)

for ((s = 0; s < SHARDS; s++)); do
  dirs=()
  for ((i = s; i < ${#months[@]}; i += SHARDS)); do dirs+=("${months[$i]}"); done
  echo "== shard $s: ${#dirs[@]} month folders" >&2
  /usr/bin/time -v -o "$RAW/shard-$s.timev" \
    "$MORGUE" --index "$WORK/shard-$s" index --quiet --json "${dirs[@]}" > "$RAW/shard-$s.json"
done
echo "== merge" >&2
shards=()
for ((s = 0; s < SHARDS; s++)); do shards+=("$WORK/shard-$s"); done
/usr/bin/time -v -o "$RAW/merge.timev" \
  "$MORGUE" --index "$WORK/merged" merge "${shards[@]}" --json --quiet > "$RAW/merge.json"
echo "== one index of the whole corpus" >&2
/usr/bin/time -v -o "$RAW/single.timev" \
  "$MORGUE" --index "$WORK/single" index --quiet --json corpus > "$RAW/single.json"

echo "== compare" >&2
python3 - "$MORGUE" "$WORK" "$SHARDS" <<'EOF'
import json, re, subprocess, sys

morgue, work, shards = sys.argv[1], sys.argv[2], int(sys.argv[3])

def timev(name):
    text = open(f"{work}/raw/{name}.timev").read()
    def field(label):
        return re.search(re.escape(label) + r":\s*(.+)", text).group(1).strip()
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "peak_rss_mib": round(int(field("Maximum resident set size (kbytes)")) / 1024)}

def size(index):
    out = subprocess.run(["du", "-sb", index], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0])

def run(index, args):
    out = subprocess.run([morgue, "--index", index] + args + ["--json"], capture_output=True, text=True)
    return json.loads(out.stdout) if out.stdout else None

QUERIES = [
    ["search", "Macron"], ["search", "ceasefire talks"], ["search", '"prime minister"'],
    ["search", "ornithopter"], ["search", "sanction"], ["search", "election OR vote"],
    ["search", "--person", "Macron"], ["search", "--country", "FR"],
    ["search", "--from", "2023-01", "--to", "2023-06"],
    ["search", "ceasefire", "--country", "UA", "--from", "2023", "--person", "Zelensky"],
    ["search", "talks", "--facets"],
    ["people", "--limit", "200"], ["orgs", "--limit", "200"], ["countries", "--limit", "300"],
    ["timeline", "--by", "month"], ["related", "--person", "Macron"], ["stats"],
]
LIMIT = ["--limit", "1000"]
results = {"shards": shards, "shard_builds": [timev(f"shard-{s}") for s in range(shards)],
           "merge": timev("merge"), "single": timev("single"),
           "merged_bytes": size(f"{work}/merged"), "single_bytes": size(f"{work}/single"),
           "shard_bytes": [size(f"{work}/shard-{s}") for s in range(shards)],
           "merge_report": json.load(open(f"{work}/raw/merge.json")), "queries": []}
for args in QUERIES:
    args = args + (LIMIT if args[0] == "search" else [])
    merged, single = run(f"{work}/merged", args), run(f"{work}/single", args)
    row = {"query": " ".join(args)}
    if args[0] == "search":
        m, s = merged["hits"], single["hits"]
        row["total"] = [merged["total"], single["total"]]
        # Of the first 1000: ties at the cut may fall either side of it.
        row["shared_hits"] = [len({h["id"] for h in m} & {h["id"] for h in s}), len(m)]
        score = {h["id"]: h["score"] for h in s}
        diffs = [abs(h["score"] - score[h["id"]]) / max(abs(score[h["id"]]), 1e-9)
                 for h in m if h["score"] is not None and h["id"] in score]
        row["max_score_rel_diff"] = max(diffs, default=0.0)
        row["same_order"] = [h["id"] for h in m] == [h["id"] for h in s]
        # Pairs in another order whose scores (or days) are not equal in the single index.
        pos = {h["id"]: i for i, h in enumerate(s)}
        key = {h["id"]: (h["score"], h["published"]) for h in s}
        untied = 0
        for i, a in enumerate(m):
            for b in m[i + 1:]:
                if a["id"] in pos and b["id"] in pos and pos[a["id"]] > pos[b["id"]]:
                    ka, kb = key[a["id"]], key[b["id"]]
                    tied = ka[0] == kb[0] if ka[0] is not None else ka[1] == kb[1]
                    untied += not tied
        row["swapped_untied_pairs"] = untied
        merged.pop("hits"); single.pop("hits")
    for value in (merged, single):
        for volatile in ("index", "size_bytes"):
            value.pop(volatile, None)
    row["rest_equal"] = merged == single
    results["queries"].append(row)
json.dump(results, open(f"{work}/results.json", "w"), indent=2)

print(f"{'step':<28}{'wall s':>8}{'CPU s':>8}{'peak MiB':>10}")
for s, t in enumerate(results["shard_builds"]):
    print(f"{'index shard-%d' % s:<28}{t['wall_s']:>8}{t['cpu_s']:>8}{t['peak_rss_mib']:>10}")
for name in ("merge", "single"):
    t = results[name]
    print(f"{('morgue merge' if name == 'merge' else 'morgue index (whole)'):<28}{t['wall_s']:>8}{t['cpu_s']:>8}{t['peak_rss_mib']:>10}")
r = results["merge_report"]
print(f"merged: {r['articles_total']} articles, {r['articles_resolved']} resolved anew, {r['segments']} segments, "
      f"{results['merged_bytes'] / 1e6:.1f} MB; single: {results['single_bytes'] / 1e6:.1f} MB; "
      f"shards: {sum(results['shard_bytes']) / 1e6:.1f} MB")
for q in results["queries"]:
    extra = ""
    if "total" in q:
        extra = (f" total {q['total'][0]}/{q['total'][1]} shared hits {q['shared_hits'][0]}/{q['shared_hits'][1]} "
                 f"score diff {q['max_score_rel_diff']:.1e} same order {q['same_order']} "
                 f"untied swaps {q['swapped_untied_pairs']}")
    print(f"  {q['query']}: rest equal {q['rest_equal']}{extra}")
EOF
