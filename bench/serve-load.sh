#!/usr/bin/env bash
# Load benchmark of `morgue serve` (issue 15): on the 100k benchmark archive, 32
# clients for 30 s over mixed API requests while `morgue index` re-indexes 1% of
# the files into the index being served. Prints requests/s, latency percentiles,
# errors, the re-index time and the server's start-up time, and checks them
# against the issue's targets.
#
# usage: bench/serve-load.sh [N] [WORK_DIR]
#   N         articles of the generated corpus (default 100000)
#   WORK_DIR  where the corpus is, or is generated (default /tmp/morgue-bench/N,
#             shared with bench/run.sh); this script's own files go to
#             WORK_DIR/serve-load, which each run clears
# env:
#   MORGUE=path      load this binary instead of building target/release/morgue
#   CLIENTS=32       concurrent connections
#   DURATION=30      seconds of load
#   THREADS=2        wrk threads (one per core of the issue's machine)
#   REINDEX_AFTER=5  seconds into the load at which 1% of the files change and
#                    `morgue index` starts (a value past DURATION measures the
#                    load alone, for comparison)
#   STARTS=5         server start-ups timed (the last one stays up for the load)
#   RESULTS=path     results JSON (default bench/results/serve-load-<N/1000>k.json)
#   API_LIST, PAGE_LIST  the request lists (default bench/serve-load-api.txt and
#                    bench/serve-load-pages.txt), e.g. to see what one kind of
#                    request costs under load
#   SHARED=../shared where gen_corpus.py lives
# Needs python3, curl, /usr/bin/time and wrk (installed with apt-get if missing).
#
# The load generator is wrk, Debian's package (apt-get install wrk), with
# bench/serve-load.lua rotating each connection over the request lists. It
# records every request's latency in a histogram (p50/p90/p99/max) and counts
# socket errors and statuses, which is what the issue asks for, and it installs
# in seconds as a binary package; oha would do as well but is built from source
# by `cargo install`, minutes of the same two cores. Both are closed-loop (a
# client sends its next request when the last is answered), so the latencies
# are what 32 busy clients see, not those of a fixed arrival rate.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOP="$(cd "$HERE/.." && pwd)"
N="${1:-100000}"
WORK="${2:-/tmp/morgue-bench/$N}"
CLIENTS="${CLIENTS:-32}"
DURATION="${DURATION:-30}"
THREADS="${THREADS:-2}"
REINDEX_AFTER="${REINDEX_AFTER:-5}"
STARTS="${STARTS:-5}"
API_LIST="${API_LIST:-$HERE/serve-load-api.txt}"
PAGE_LIST="${PAGE_LIST:-$HERE/serve-load-pages.txt}"
RESULTS="${RESULTS:-$HERE/results/serve-load-$((N / 1000))k.json}"
SHARED="${SHARED:-$TOP/../shared}"
GEN="$SHARED/bench/gen_corpus.py"

die() { echo "serve-load: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null 2>&1 || die "needs $1 ($2)"; }
need python3 "to generate the corpus, change files and summarise"
need curl "to wait for the server and check the requests"
need flock "to keep two runs from sharing WORK_DIR (util-linux)"
[ -x /usr/bin/time ] || die "needs /usr/bin/time (apt-get install time)"
[ -f "$GEN" ] || die "needs the corpus generator at $GEN (set SHARED=...)"
case "$WORK" in "$TOP"|"$TOP"/*) die "WORK_DIR must be outside the repository";; esac

if ! command -v wrk >/dev/null 2>&1; then
  echo "== install wrk (apt-get)" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y wrk >&2 || { $SUDO apt-get update >&2 && $SUDO apt-get install -y wrk >&2; }
fi

if [ -n "${MORGUE:-}" ]; then
  echo "== using $MORGUE" >&2
else
  echo "== build (release)" >&2
  (cd "$TOP" && cargo build --release --quiet)
  MORGUE="$TOP/target/release/morgue"
fi

# The corpus as bench/run.sh generates it; it is never modified here.
CORPUS="$WORK/corpus"
if [ ! -f "$WORK/corpus.done" ]; then
  echo "== generate $N articles" >&2
  mkdir -p "$WORK"
  rm -rf "$CORPUS"
  python3 "$GEN" --n "$N" --out "$CORPUS" --gold "$WORK/gold.jsonl" --seed 1 >&2
  touch "$WORK/corpus.done"
fi

SCRATCH="$WORK/serve-load"
RAW="$SCRATCH/raw"
IDX="$SCRATCH/index"
# One run at a time per WORK_DIR: a second would delete this one's index and
# corpus copy under it (seen: its index run then held the writer lock and this
# one's re-index failed with "index is busy"). The lock file lives outside
# SCRATCH, which is cleared; it is released when this shell and its children end.
exec 9> "$WORK/serve-load.lock"
flock -n 9 || die "another bench/serve-load.sh is running on $WORK (wait for it to end)"
rm -rf "$SCRATCH"
mkdir -p "$RAW"

# A copy of the corpus made of hard links: instant and free. The files that
# change are written anew and renamed over their link, so the originals keep
# their content (and bench/run.sh its corpus).
echo "== copy the corpus (hard links)" >&2
cp -al "$CORPUS" "$SCRATCH/corpus" 2>/dev/null || cp -a "$CORPUS" "$SCRATCH/corpus"

echo "== morgue index (from scratch)" >&2
/usr/bin/time -v -o "$RAW/index_full.timev" \
  "$MORGUE" --index "$IDX" index "$SCRATCH/corpus" --json --quiet > "$RAW/index_full.json"

SERVER_PID=""
REINDEX_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() {
  if [ -n "$REINDEX_PID" ]; then kill "$REINDEX_PID" 2>/dev/null || true; fi
  stop_server
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# A cheap real search: the server has answered one when this returns 200.
PROBE="/api/v1/search?q=ceasefire&limit=1"

# Starts `morgue serve` on a free port and waits for its first answer. Sets
# SERVER_PID and ADDR; appends "listening_ms first_answer_ms" (from the spawn)
# to RAW/startup.txt. Polls every 2 ms, so the figures are a few ms late.
start_server() {
  local out="$RAW/serve.out" t0 listening="" tries=0
  : > "$out"
  t0=$(date +%s%N)
  "$MORGUE" --index "$IDX" serve --bind 127.0.0.1:0 > "$out" 2>> "$RAW/serve.err" &
  SERVER_PID=$!
  ADDR=""
  while :; do
    kill -0 "$SERVER_PID" 2>/dev/null || die "morgue serve exited: $(cat "$RAW/serve.err")"
    if [ -z "$ADDR" ]; then
      # The first stdout line: "morgue serve: http://127.0.0.1:PORT/ (JSON API under ...)".
      ADDR=$(grep -o -m1 'http://[^/ ]*' "$out" | head -n1 || true)
      [ -n "$ADDR" ] && listening=$(( ($(date +%s%N) - t0) / 1000000 ))
    fi
    if [ -n "$ADDR" ] && curl -s -f -o /dev/null "$ADDR$PROBE"; then break; fi
    tries=$((tries + 1))
    [ "$tries" -lt 5000 ] || die "morgue serve did not answer within about 10 s"
    sleep 0.002
  done
  echo "$listening $(( ($(date +%s%N) - t0) / 1000000 ))" >> "$RAW/startup.txt"
}

echo "== morgue serve: $STARTS start-ups (spawn to first answer)" >&2
for i in $(seq 1 "$STARTS"); do
  [ "$i" = 1 ] || stop_server
  start_server
  echo "   $(tail -n1 "$RAW/startup.txt" | awk '{print "listening after " $1 " ms, first answer after " $2 " ms"}')" >&2
done
echo "== serving $ADDR" >&2

# The request list: the API, and the browser pages once `/` answers 200.
ID=$(curl -s -f "$ADDR/api/v1/search?q=ornithopter&limit=1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["id"])')
LISTS=("$API_LIST")
ROOT_STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$ADDR/")
if [ "$ROOT_STATUS" = 200 ]; then
  LISTS+=("$PAGE_LIST")
  PAGES=1
else
  echo "   / answers $ROOT_STATUS: browser pages left out of the load" >&2
  PAGES=0
fi
PATHS="$RAW/paths.txt"
cat "${LISTS[@]}" | grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' | sed "s/{id}/$ID/" > "$PATHS"

# Each request once, before the load: its status and its number of results (an
# API request that fails or finds nothing means the list does not fit this
# corpus), and its time alone. This also warms the caches, as a server in use
# would have them.
echo "== each request once, alone" >&2
BAD=0
BODY="$RAW/probe_body.json"
while read -r path; do
  read -r status seconds < <(curl -s -o "$BODY" -w '%{http_code} %{time_total}\n' "$ADDR$path")
  results=$(python3 - "$BODY" 2>/dev/null <<'PY' || echo "?"
import json, sys
answer = json.load(open(sys.argv[1]))
def results(a):
    """Hits, articles or entries: how much the answer holds."""
    if isinstance(a, list):
        return len(a)
    for key in ("total", "articles"):
        if isinstance(a.get(key), int):
            return a[key]
    if "related" in a:
        return a["related"]["subject_articles"]
    if "series" in a:
        return sum(p["articles"] for p in a["series"])
    if "id" in a:
        return 1  # one article
    lists = [v for v in a.values() if isinstance(v, list)]
    return len(lists[0]) if lists else 0
print(results(answer))
PY
)
  printf '%s\t%s\t%s\t%s\n' "$status" "$seconds" "$results" "$path" >> "$RAW/probe.tsv"
  awk -v s="$status" -v t="$seconds" -v r="$results" -v p="$path" \
    'BEGIN { printf "   %s %7.1f ms %7s results  %s\n", s, t * 1000, r, p }' >&2
  case "$path" in
    /api/*) if [ "$status" != 200 ] || [ "$results" = 0 ] || [ "$results" = "?" ]; then BAD=1; fi ;;
    *) [ "$status" = 200 ] || echo "   warning: page $path answers $status (counted as errors under load)" >&2 ;;
  esac
done < "$PATHS"
[ "$BAD" = 0 ] || die "some API requests of $API_LIST fail or find nothing on this archive"

# In the background, during the load: change 1% of the files by appending a
# sentence with a word found nowhere else, run `morgue index` on the served
# index, then poll the server until it finds the word in as many articles as a
# fresh reader of the index does, i.e. until it serves the new commit. Times go
# to RAW/reindex.times. The files are N/100 of the sorted Markdown and text
# files, spread evenly (the formats a sentence can be appended to; bench/run.sh
# takes every 100th of those, 0.85% of the files).
MARKER="servemarker"
reindex_during_load() {
  sleep "$REINDEX_AFTER"
  local t_edit t_index t_done t_seen="" expected seen tries=0
  t_edit=$(now_ms)
  python3 - "$SCRATCH/corpus" "$MARKER" > "$RAW/changed_files.txt" <<'PY'
import os, sys
root, marker = sys.argv[1], sys.argv[2]
every = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs)
files = [f for f in every if f.endswith((".md", ".txt"))]
count = len(every) // 100
for path in (files[i * len(files) // count] for i in range(count)):
    with open(path, "rb") as fh:
        content = fh.read()
    # Written to a new file and renamed: the hard link to the generated corpus is
    # replaced, not written through. Hidden, so an index run would skip it.
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(content + f"\nUpdated: a correction was appended to this article ({marker}).\n".encode())
    os.replace(tmp, path)
    print(path)
PY
  t_index=$(now_ms)
  /usr/bin/time -v -o "$RAW/reindex.timev" \
    "$MORGUE" --index "$IDX" index "$SCRATCH/corpus" --json --quiet > "$RAW/reindex.json" 2> "$RAW/reindex.err"
  t_done=$(now_ms)
  # A new process opens the index's last commit: what the server should serve.
  expected=$({ "$MORGUE" --index "$IDX" search "=$MARKER" --json --limit 1 || true; } |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
  while [ "$tries" -lt 300 ]; do
    seen=$(curl -s "$ADDR/api/v1/search?q=%3D$MARKER&limit=1" |
      python3 -c 'import json, sys; print(json.load(sys.stdin).get("total", -1))') || seen=-1
    if [ "$seen" = "$expected" ]; then t_seen=$(now_ms); break; fi
    tries=$((tries + 1))
    sleep 0.05
  done
  printf 'edit_start %s\nindex_start %s\nindex_end %s\nserved %s\nmarker_articles %s\n' \
    "$t_edit" "$t_index" "$t_done" "${t_seen:-none}" "$expected" > "$RAW/reindex.times"
  # CPU of all this job ran (file changes, index, polls): the second line,
  # "XmY.YYYs XmY.YYYs", is its children's user and system time.
  times > "$RAW/reindex_job.times"
}

# The machine is shared: CPU time is counted for the machine as a whole and for
# each of our processes, so that what others ran during the load shows.
HZ=$(getconf CLK_TCK)
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
ticks_to_seconds() { awk -v a="$1" -v b="$2" -v hz="$HZ" 'BEGIN { print (b - a) / hz }'; }

echo "== load: $CLIENTS clients, $DURATION s, $(wc -l < "$PATHS") requests in turn; 1% re-indexed from ${REINDEX_AFTER} s" >&2
SERVER_TICKS_BEFORE=$(process_ticks "$SERVER_PID")
MACHINE_TICKS_BEFORE=$(machine_busy_ticks)
LOAD_START=$(now_ms)
reindex_during_load &
REINDEX_PID=$!
SERVE_LOAD_PATHS="$PATHS" SERVE_LOAD_RESULT="$RAW/wrk.json" /usr/bin/time -f '%U %S' -o "$RAW/wrk.cpu" \
  wrk -t "$THREADS" -c "$CLIENTS" -d "${DURATION}s" --timeout 10s --latency \
  -s "$HERE/serve-load.lua" "$ADDR" > "$RAW/wrk.txt"
LOAD_END=$(now_ms)
wait "$REINDEX_PID" || die "the re-index during the load failed: $(cat "$RAW/reindex.err")"
REINDEX_PID=""
# From the start of the load until both it and the re-index are over.
SERVER_TICKS_AFTER=$(process_ticks "$SERVER_PID")
MACHINE_TICKS_AFTER=$(machine_busy_ticks)
CPU_WINDOW_END=$(now_ms)
SERVER_PEAK_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
stop_server

{
  echo "load_start $LOAD_START"
  echo "load_end $LOAD_END"
  echo "cpu_window_end $CPU_WINDOW_END"
  echo "machine_busy_s $(ticks_to_seconds "$MACHINE_TICKS_BEFORE" "$MACHINE_TICKS_AFTER")"
  echo "server_cpu_s $(ticks_to_seconds "$SERVER_TICKS_BEFORE" "$SERVER_TICKS_AFTER")"
  echo "wrk_cpu_s $(awk '{print $1 + $2}' "$RAW/wrk.cpu")"
  echo "reindex_job_cpu_s $(tail -n1 "$RAW/reindex_job.times" | sed 's/[ms]/ /g' | awk '{print $1 * 60 + $2 + $3 * 60 + $4}')"
  echo "server_peak_rss_kb $SERVER_PEAK_KB"
  echo "clients $CLIENTS"
  echo "threads $THREADS"
  echo "duration_s $DURATION"
  echo "reindex_after_s $REINDEX_AFTER"
  echo "pages_included $PAGES"
  echo "index_bytes $(du -sb "$IDX" | cut -f1)"
  echo "morgue_version $("$MORGUE" --version | tr ' ' '_')"
  echo "morgue_binary $MORGUE"
  echo "tree_commit $(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} > "$RAW/run.txt"

mkdir -p "$(dirname "$RESULTS")"
# (No __pycache__ in bench/ from importing summarise.py.)
PYTHONDONTWRITEBYTECODE=1 python3 "$HERE/summarise_serve_load.py" "$RAW" "$RESULTS"
