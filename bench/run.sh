#!/usr/bin/env bash
# morgue's benchmark: indexing and one-shot search on a generated news corpus,
# side by side with tantivy-cli and ripgrep on the same corpus in the same run.
#
# usage: bench/run.sh [N] [WORK_DIR]
#   N         articles to generate (default 100000)
#   WORK_DIR  scratch space (default /tmp/morgue-bench/N); never inside the repository
# env:
#   RUNS=10          hyperfine runs per query (after 2 warm-ups; the median is reported)
#   INDEX_RUNS, THREADS  passed to peers.sh (tantivy-cli repetitions and -t values;
#                    INDEX_RUNS=1 THREADS=2 keeps a 1M run to one tantivy-cli index)
#   PEERS=1          also run the peers (tantivy-cli, rg) via ../shared/bench/peers.sh; 0 skips
#   SHARED=../shared where gen_corpus.py and peers.sh live
#   MORGUE=path      benchmark this binary instead of building target/release/morgue
#                    (a copy lets a long run go on while the tree is rebuilt)
# Needs python3 and /usr/bin/time; hyperfine if installed (else bench/timeit.py
# times the queries); the peers need tantivy-cli, rg and hyperfine
# (see ../shared/bench/README.md). Prints a table and writes WORK_DIR/results.json.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
N="${1:-100000}"
WORK="${2:-/tmp/morgue-bench/$N}"
RUNS="${RUNS:-10}"
PEERS="${PEERS:-1}"
SHARED="${SHARED:-$TOP/../shared}"
GEN="$SHARED/bench/gen_corpus.py"

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: needs $1 ($2)" >&2; exit 2; }; }
need python3 "to generate the corpus and summarise"
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "bench: hyperfine not found; timing queries with bench/timeit.py (no shell-overhead correction)" >&2
fi
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f "$GEN" ] || { echo "bench: needs the corpus generator at $GEN (set SHARED=...)" >&2; exit 2; }
case "$WORK" in "$TOP"|"$TOP"/*) echo "bench: WORK_DIR must be outside the repository" >&2; exit 2;; esac

mkdir -p "$WORK"
RAW="$WORK/raw"; rm -rf "$RAW"; mkdir -p "$RAW"
CORPUS="$WORK/corpus"
IDX="$WORK/index"

if [ -n "${MORGUE:-}" ]; then
  echo "== using $MORGUE" >&2
else
  echo "== build (release)" >&2
  (cd "$TOP" && cargo build --release --quiet)
  MORGUE="$TOP/target/release/morgue"
fi

if [ ! -f "$WORK/corpus.done" ]; then
  echo "== generate $N articles" >&2
  rm -rf "$CORPUS"
  python3 "$GEN" --n "$N" --out "$CORPUS" --gold "$WORK/gold.jsonl" --seed 1 >&2
  touch "$WORK/corpus.done"
fi
NFILES=$(find "$CORPUS" -type f | wc -l)
CORPUS_BYTES=$(du -sb --apparent-size "$CORPUS" | cut -f1)

echo "== morgue index (from scratch)" >&2
rm -rf "$IDX"
/usr/bin/time -v -o "$RAW/index_full.timev" "$MORGUE" --index "$IDX" index "$CORPUS" --json --quiet > "$RAW/index_full.json"
echo "== morgue index (nothing changed)" >&2
/usr/bin/time -v -o "$RAW/index_noop.timev" "$MORGUE" --index "$IDX" index "$CORPUS" --json --quiet > "$RAW/index_noop.json"
echo "== morgue index (1% of files changed)" >&2
python3 - "$CORPUS" <<'PY'
import os, sys
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith((".md", ".txt")))
for path in files[::100]:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\nUpdated: a correction was appended to this article.\n")
PY
/usr/bin/time -v -o "$RAW/index_touch.timev" "$MORGUE" --index "$IDX" index "$CORPUS" --json --quiet > "$RAW/index_touch.json"
IDX_BYTES=$(du -sb "$IDX" | cut -f1)

# name | morgue arguments (one-shot process, warm cache)
QNAMES=(surname two_words phrase rare person country date_range combined people countries)
QARGS=("search Macron"
       "search ceasefire talks"
       "search '\"prime minister\"'"
       "search ornithopter"
       "search --person Macron"
       "search --country FR"
       "search --from 2023-01 --to 2023-06"
       "search ceasefire --country UA --from 2023 --person Zelensky"
       "people --limit 50"
       "countries --limit 50")
for i in "${!QNAMES[@]}"; do
  q="${QNAMES[$i]}"
  cmd="$MORGUE --index $IDX ${QARGS[$i]}"
  echo "== query $q: ${QARGS[$i]}" >&2
  bash -c "$cmd --json" > "$RAW/out_$q.json" || true
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 2 --runs "$RUNS" -i --export-json "$RAW/q_$q.json" "$cmd" > "$RAW/q_$q.log" 2>&1
  else
    python3 "$HERE/timeit.py" "$RUNS" "$RAW/q_$q.json" "$cmd"
  fi
done

PEER_DIR="$WORK/peers"
if [ "$PEERS" = "1" ] && command -v tantivy >/dev/null && command -v rg >/dev/null \
   && command -v hyperfine >/dev/null; then
  echo "== peers (tantivy-cli, rg) on the same corpus" >&2
  RUNS="$RUNS" INDEX_RUNS="${INDEX_RUNS:-3}" THREADS="1 2" bash "$SHARED/bench/peers.sh" "$CORPUS" "$PEER_DIR" >&2
else
  echo "== peers skipped (PEERS=$PEERS; tantivy: $(command -v tantivy || echo missing), rg: $(command -v rg || echo missing), hyperfine: $(command -v hyperfine || echo missing))" >&2
  rm -rf "$PEER_DIR"
fi

python3 "$HERE/summarise.py" "$WORK" "$NFILES" "$CORPUS_BYTES" "$IDX_BYTES" "$PEER_DIR"
