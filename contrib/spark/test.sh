#!/usr/bin/env bash
# The Spark job, run for real in local mode (local[2]) on corpus/ and on a
# generated corpus of 20,000 articles: its Parquet rows must be the articles,
# and its merged index must answer 30 searches, lists and timelines exactly as
# one `morgue index` of the same files does. Prints the timings the README
# quotes. Installs what it needs when missing (PySpark from PyPI, a Java
# runtime from Debian); skips, with the reason and exit status 0, where it
# cannot.
#
# usage: contrib/spark/test.sh
# env:
#   SPARK_N=20000     articles in the generated corpus (0 runs corpus/ only)
#   SHARED=../shared  where bench/gen_corpus.py lives
#   PYSPARK_VERSION   the PySpark installed when none is (default 4.0.1)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOP="$(cd "$HERE/../.." && pwd)"
cd "$TOP"
N="${SPARK_N:-20000}"
SHARED="${SHARED:-$TOP/../shared}"
PYSPARK_VERSION="${PYSPARK_VERSION:-4.0.1}"
TARGET="${CARGO_TARGET_DIR:-$TOP/target}"
WORK="$TARGET/spark-test"
skip() { echo "spark test skipped: $*"; exit 0; }

# --- what the job needs: python3, a Java runtime, PySpark, the release binary
command -v python3 >/dev/null || skip "python3 is not installed"
if ! command -v java >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing a Java runtime (openjdk-17-jre-headless)" >&2
    export DEBIAN_FRONTEND=noninteractive
    # The package lists are fetched only when they do not know the package.
    apt-cache show openjdk-17-jre-headless >/dev/null 2>&1 || apt-get -q update >/dev/null 2>&1 || true
    apt-get -q install -y --no-install-recommends openjdk-17-jre-headless >/dev/null 2>&1 \
      || skip "could not install openjdk-17-jre-headless with apt-get"
  else
    skip "no java on PATH, and installing openjdk-17-jre-headless needs root and apt-get"
  fi
fi
PYTHON=python3
if ! python3 -c 'import pyspark' 2>/dev/null; then
  # A virtual environment under target/ keeps PyPI packages out of the
  # system's Python; it is made once and reused by later runs.
  VENV="$TARGET/spark-venv"
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "== installing pyspark==$PYSPARK_VERSION into $VENV" >&2
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "pyspark==$PYSPARK_VERSION"; } >&2 \
      || skip "could not install pyspark $PYSPARK_VERSION from PyPI"
  fi
  PYTHON="$VENV/bin/python"
fi
SPARK_SUBMIT="$("$PYTHON" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')"
export PYSPARK_PYTHON="$PYTHON" PYSPARK_DRIVER_PYTHON="$PYTHON"
echo "== $("$PYTHON" -c 'import pyspark; print("pyspark", pyspark.__version__)'), $(java -version 2>&1 | head -1)" >&2

echo "== cargo build --release" >&2
cargo build --release --quiet
MORGUE="$TARGET/release/morgue"

# Seconds since an arbitrary start, to 10 ms.
now() { date +%s.%N; }
# timed FILE CMD...: runs CMD and writes "WALL CPU" seconds to FILE (CPU: user +
# system of CMD and every process it waited for, Spark's JVM and workers too).
timed() {
  local file="$1"; shift
  python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.run(sys.argv[2:]).returncode
wall = time.monotonic() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{wall:.2f} {use.ru_utime + use.ru_stime:.2f}\n")
sys.exit(code)' "$file" "$@"
}
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
field() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))$2)" "$1"; }

failed=0
# run_case NAME CORPUS: the job and the single index on one corpus, compared.
run_case() {
  local name="$1" corpus="$2" out="$WORK/runs/$1"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $name: morgue index $corpus" >&2
  local t0 t1 articles
  timed "$out/single.time" "$MORGUE" --color never --index "$out/single" index "$corpus" --json --quiet > "$out/single.json"
  articles=$(field "$out/single.json" '["articles_total"]')

  # The same steps without Spark, one after the other, for what the split
  # into extract -> index --extracted -> merge costs by itself: all cores
  # extract, the two halves are indexed at once, then merged.
  echo "== $name: morgue extract | morgue index --extracted (two halves at once) | morgue merge" >&2
  local p="$out/pipeline" lines
  mkdir -p "$p"
  "$PYTHON" "$HERE/check.py" records "$corpus" > "$p/records.jsonl"
  t0=$(now)
  "$MORGUE" --color never extract < "$p/records.jsonl" > "$p/extracted.jsonl"
  t1=$(now)
  local extract_s index_s merge_s
  extract_s=$(elapsed "$t0" "$t1")
  grep -v '"error":' "$p/extracted.jsonl" > "$p/articles.jsonl" || true
  lines=$(wc -l < "$p/articles.jsonl")
  head -n $((lines / 2)) "$p/articles.jsonl" > "$p/a.jsonl"
  tail -n +$((lines / 2 + 1)) "$p/articles.jsonl" > "$p/b.jsonl"
  t0=$(now)
  "$MORGUE" --color never index --extracted "$p/a.jsonl" --index "$p/a" --quiet &
  "$MORGUE" --color never index --extracted "$p/b.jsonl" --index "$p/b" --quiet
  wait $!
  t1=$(now)
  index_s=$(elapsed "$t0" "$t1")
  t0=$(now)
  "$MORGUE" --color never merge "$p/a" "$p/b" --index "$p/merged" --quiet
  t1=$(now)
  merge_s=$(elapsed "$t0" "$t1")

  echo "== $name: spark-submit --master local[2] ... morgue_spark.py $corpus" >&2
  timed "$out/spark.time" "$SPARK_SUBMIT" --master 'local[2]' --driver-memory 2g \
    --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=2 \
    --files "$MORGUE" "$HERE/morgue_spark.py" "$corpus" --out "$out/spark" \
    > "$out/spark.stdout" 2> "$out/spark.log" \
    || { echo "spark job failed on $corpus; last lines of $out/spark.log:"; tail -30 "$out/spark.log"; failed=1; return; }
  local summary="$out/spark/summary.json"

  echo "$name: $articles articles"
  # Spark's start-up chatter goes to the log; it is shown if the check fails.
  "$PYTHON" "$HERE/check.py" parquet "$out/spark/articles.parquet" --articles "$articles" 2> "$out/parquet.log" \
    || { failed=1; tail -20 "$out/parquet.log"; }
  "$PYTHON" "$HERE/check.py" compare --morgue "$MORGUE" "$out/single" "$out/spark/index" || failed=1
  python3 - "$summary" "$out/single.time" "$out/spark.time" "$articles" "$extract_s" "$index_s" "$merge_s" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
single, single_cpu = (float(x) for x in open(sys.argv[2]).read().split())
spark, spark_cpu = (float(x) for x in open(sys.argv[3]).read().split())
n = int(sys.argv[4])
extract, index, merge = (float(x) for x in sys.argv[5:8])
t = s["seconds"]
print(f"  morgue index:         {single:7.2f} s  {n / single:7.0f} articles/s  ({single_cpu:.2f} s of CPU, {n / single_cpu:.0f} articles per CPU-second)")
steps = extract + index + merge
print(f"  without Spark:        {steps:7.2f} s  {n / steps:7.0f} articles/s  (extract {extract:.2f} s, index --extracted {index:.2f} s, merge {merge:.2f} s)")
print(f"  spark job (local[2]): {spark:7.2f} s  {n / spark:7.0f} articles/s  (spark-submit to exit, {spark_cpu:.2f} s of CPU; {s['partitions']} partitions, shards of {s['shard_articles']} articles)")
print(f"    Spark session {t['session']:.2f} s, listing {t['listing']:.2f} s, extract stage {t['extract']:.2f} s, index --extracted stage {t['index_shards']:.2f} s, "
      f"parquet {t['parquet']:.2f} s, merge {t['merge']:.2f} s; inside the tasks: "
      f"morgue extract {t['extract_tasks']:.2f} s, morgue index --extracted {t['index_tasks']:.2f} s")
EOF
}

run_case corpus corpus
if [ "$N" -gt 0 ]; then
  GEN="$SHARED/bench/gen_corpus.py"
  if [ ! -f "$GEN" ]; then
    echo "generated corpus skipped: no corpus generator at $GEN (set SHARED=...)"
  else
    GENERATED="$WORK/corpus-$N"
    if [ ! -f "$GENERATED.done" ]; then
      echo "== generating $N articles (gen_corpus.py --seed 1)" >&2
      rm -rf "$GENERATED"
      python3 "$GEN" --n "$N" --out "$GENERATED" --gold "$GENERATED.gold.jsonl" --seed 1 >&2
      touch "$GENERATED.done"
    fi
    run_case "generated-$N" "$GENERATED"
  fi
fi
if [ "$failed" != 0 ]; then
  echo "spark test FAILED" >&2
  exit 1
fi
echo "spark test passed"
