#!/usr/bin/env python3
"""How fast a WARC crawl indexes against the same pages as .html files.

Usage: bench/warc.py PAGES_DIR [WORK_DIR]

PAGES_DIR holds saved pages (*.html), e.g. the unpacked
../shared/data/htmlpages/dates/pages. WORK_DIR (default /tmp/morgue-bench/warc)
gets three copies of them: html/ (the files), warc/pages.warc.gz and
warc-plain/pages.warc, crawls laid out as CC-NEWS lays them (a warcinfo record,
then for each page its request, response and metadata records; in the .gz one
gzip member per record). Each is indexed from scratch RUNS times (default 3),
the three in turn, with MORGUE (default target/release/morgue). Printed: the
articles each gave, the best and median wall time, articles per second at the
best, and the median CPU time (user + system; steadier than wall time on a
shared machine). Needs only python3.
"""

import gzip
import json
import resource
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def record(kind, uri, date, content_type, block):
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\n"
        f"WARC-Record-ID: <urn:uuid:{kind}-{abs(hash((uri, kind))):x}>\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def crawl_records(pages):
    date = "2024-01-03T10:00:00Z"
    yield record("warcinfo", "", date, "application/warc-fields", b"software: bench\r\n")
    for page in pages:
        uri = f"https://bench.example/pages/{page.name}"
        body = page.read_bytes()
        request = f"GET /pages/{page.name} HTTP/1.1\r\nHost: bench.example\r\n\r\n".encode()
        yield record("request", uri, date, "application/http; msgtype=request", request)
        response = (
            f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        yield record("response", uri, date, "application/http; msgtype=response", response)
        yield record("metadata", uri, date, "application/warc-fields", b"fetchTimeMs: 100\r\n")


def prepare(pages_dir, work):
    pages = sorted(Path(pages_dir).glob("*.html"))
    if not pages:
        sys.exit(f"no .html pages in {pages_dir}")
    if work.exists():
        shutil.rmtree(work)
    for sub in ("html", "warc", "warc-plain"):
        (work / sub).mkdir(parents=True)
    for page in pages:
        shutil.copy(page, work / "html" / page.name)
    with open(work / "warc" / "pages.warc.gz", "wb") as out:
        for rec in crawl_records(pages):
            out.write(gzip.compress(rec, compresslevel=6))
    with open(work / "warc-plain" / "pages.warc", "wb") as out:
        for rec in crawl_records(pages):
            out.write(rec)
    return len(pages)


def index(morgue, corpus, index_dir):
    if index_dir.exists():
        shutil.rmtree(index_dir)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(
        [morgue, "--index", str(index_dir), "index", str(corpus), "--json", "--quiet"],
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads(out.stdout)
    return elapsed, cpu, report["articles_indexed"], len(report["warnings"]), report["records_skipped"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    work = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/morgue-bench/warc")
    morgue = os.environ.get("MORGUE", "target/release/morgue")
    runs = int(os.environ.get("RUNS", "3"))
    pages = prepare(sys.argv[1], work)
    sizes = {
        sub: sum(f.stat().st_size for f in (work / sub).iterdir())
        for sub in ("html", "warc", "warc-plain")
    }
    times = {sub: [] for sub in sizes}
    cpus = {sub: [] for sub in sizes}
    seen = {}
    for _ in range(runs):
        for sub in sizes:
            elapsed, cpu, *found = index(morgue, work / sub, work / f"index-{sub}")
            times[sub].append(elapsed)
            cpus[sub].append(cpu)
            seen[sub] = found
    print(f"{pages} pages, {runs} runs each, {morgue}")
    print(
        f"{'input':<12}{'MB':>8}{'articles':>10}{'best s':>8}{'median s':>10}"
        f"{'articles/s':>12}{'CPU s':>8}  runs (s)"
    )
    for sub in sizes:
        best = min(times[sub])
        articles = seen[sub][0]
        runs_text = ", ".join(f"{t:.2f}" for t in times[sub])
        print(
            f"{sub:<12}{sizes[sub] / 1e6:>8.1f}{articles:>10}{best:>8.2f}"
            f"{statistics.median(times[sub]):>10.2f}{articles / best:>12.1f}"
            f"{statistics.median(cpus[sub]):>8.2f}  {runs_text}"
        )
    for sub in ("warc", "warc-plain"):
        print(f"{sub}: warnings {seen[sub][1]}, records skipped {seen[sub][2]}")


if __name__ == "__main__":
    main()
