#!/usr/bin/env python3
"""Summarises a bench/run.sh run: reads WORK/raw and the peers' results.json,
computes the ratios against tantivy-cli and ripgrep, writes WORK/results.json
and prints a Markdown table.

usage: summarise.py WORK NFILES CORPUS_BYTES INDEX_BYTES PEER_DIR
"""
import datetime
import json
import os
import platform
import re
import sys


def timev(path):
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + float(
        re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return {"wall_s": wall, "peak_rss_mib": rss_kb / 1024, "cpu_s": cpu}


def hyperfine(path):
    result = json.load(open(path))["results"][0]
    return {"median_ms": result["median"] * 1e3, "min_ms": result["min"] * 1e3,
            "max_ms": result["max"] * 1e3, "runs": len(result["times"])}


def main():
    work, nfiles, corpus_bytes, index_bytes, peer_dir = sys.argv[1:]
    nfiles, corpus_bytes, index_bytes = int(nfiles), int(corpus_bytes), int(index_bytes)
    raw = os.path.join(work, "raw")
    corpus_mb = corpus_bytes / 1e6
    res = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "files": nfiles, "corpus_mb": corpus_mb, "index_mb": index_bytes / 1e6,
        "index": {}, "queries": {}, "peers": None, "ratios": {},
    }
    for step in ["full", "noop", "touch"]:
        figures = timev(os.path.join(raw, "index_%s.timev" % step))
        report = json.load(open(os.path.join(raw, "index_%s.json" % step)))
        figures["articles_indexed"] = report.get("articles_indexed")
        figures["files_unchanged"] = report.get("files_unchanged")
        res["index"][step] = figures
    full = res["index"]["full"]
    full["mb_per_s"] = corpus_mb / full["wall_s"]
    for name in ["surname", "two_words", "phrase", "rare", "person", "country", "date_range",
                 "combined", "people", "countries"]:
        q = hyperfine(os.path.join(raw, "q_%s.json" % name))
        try:
            out = json.load(open(os.path.join(raw, "out_%s.json" % name)))
            q["hits"] = out.get("total", len(out.get("people", out.get("countries", []))))
        except (OSError, ValueError):
            q["hits"] = 0
        res["queries"][name] = q

    peers_path = os.path.join(peer_dir, "results.json")
    if os.path.exists(peers_path):
        peers = json.load(open(peers_path))
        res["peers"] = peers
        tantivy2 = peers["index"]["2"]
        r = res["ratios"]
        r["index_mb_s_vs_tantivy_t2"] = full["mb_per_s"] / tantivy2["mb_per_s_corpus"]
        r["index_time_vs_tantivy_convert_plus_t2"] = full["wall_s"] / (peers["convert_s"] + tantivy2["wall_s_median"])
        pq = peers["queries"]
        pairs = {"surname": "surname", "two_words": "and", "phrase": "phrase", "rare": "rare"}
        for ours, theirs in pairs.items():
            m = res["queries"][ours]["median_ms"]
            r["%s_vs_tantivy" % ours] = m / pq[theirs]["tantivy"]["median_ms"]
            r["rg_vs_%s" % ours] = pq[theirs]["rg"]["median_ms"] / m
    json.dump(res, open(os.path.join(work, "results.json"), "w"), indent=1)

    print("\n### morgue benchmark: %d files, %.1f MB (%s, %d CPUs)\n" % (nfiles, corpus_mb, res["date"], os.cpu_count()))
    print("| indexing | wall | MB/s | peak RSS | articles written |")
    print("|---|---|---|---|---|")
    for step, label in [("full", "from scratch"), ("noop", "nothing changed"), ("touch", "1% of files changed")]:
        f = res["index"][step]
        mbs = "%.1f" % (corpus_mb / f["wall_s"]) if step == "full" else ""
        print("| %s | %.2f s | %s | %.0f MiB | %s |" % (label, f["wall_s"], mbs, f["peak_rss_mib"], f["articles_indexed"]))
    print("\nindex size: %.1f MB (%.2fx corpus)\n" % (index_bytes / 1e6, index_bytes / corpus_bytes))
    print("| query (one-shot process, warm) | median ms | min-max ms | hits |")
    print("|---|---|---|---|")
    for name, q in res["queries"].items():
        print("| %s | %.1f | %.1f-%.1f | %s |" % (name, q["median_ms"], q["min_ms"], q["max_ms"], q["hits"]))
    if res["ratios"]:
        print("\n| ratio | value |")
        print("|---|---|")
        for name, value in res["ratios"].items():
            print("| %s | %.2f |" % (name, value))
    else:
        print("\n(peers not run: no ratios)")


if __name__ == "__main__":
    main()
