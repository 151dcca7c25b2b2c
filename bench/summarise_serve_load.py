#!/usr/bin/env python3
"""Summarises a bench/serve-load.sh run: reads RAW (wrk's result, the index and
re-index reports, the start-up times), checks the figures against the targets of
issue 15, prints them and writes RESULTS as JSON.

usage: summarise_serve_load.py RAW RESULTS
"""
import datetime
import json
import os
import platform
import statistics
import sys

from summarise import timev

# The targets for `morgue serve` on the 100k archive, 2 cores.
P99_MAX_MS = 100
MIN_REQUESTS_PER_S = 300
STARTUP_MAX_MS = 1000
# Share of the machine's CPU that other processes may use during the load before
# the figures are flagged as not measured on a quiet machine.
OTHERS_MAX_SHARE = 0.05


def key_values(path):
    """Lines of `name value`; numbers where they parse."""
    values = {}
    for line in open(path):
        name, _, value = line.strip().partition(" ")
        try:
            values[name] = int(value)
        except ValueError:
            try:
                values[name] = float(value)
            except ValueError:
                values[name] = value
    return values


def main():
    raw, results_path = sys.argv[1:]
    run = key_values(os.path.join(raw, "run.txt"))
    wrk = json.load(open(os.path.join(raw, "wrk.json")))
    full_report = json.load(open(os.path.join(raw, "index_full.json")))
    full = timev(os.path.join(raw, "index_full.timev"))
    re_report = json.load(open(os.path.join(raw, "reindex.json")))
    re_time = timev(os.path.join(raw, "reindex.timev"))
    times = key_values(os.path.join(raw, "reindex.times"))
    changed = sum(1 for _ in open(os.path.join(raw, "changed_files.txt")))
    startups = [tuple(map(int, line.split())) for line in open(os.path.join(raw, "startup.txt"))]
    probe = []
    for line in open(os.path.join(raw, "probe.tsv")):
        status, seconds, results, path = line.rstrip("\n").split("\t")
        probe.append({"path": path, "status": int(status), "ms": round(float(seconds) * 1e3, 2),
                      "results": int(results) if results.isdigit() else results})

    seconds = wrk["duration_us"] / 1e6
    lat = {k: v / 1e3 for k, v in wrk["latency_us"].items()}
    socket_errors = sum(wrk["socket_errors"].values())
    errors = wrk["non_2xx"] + socket_errors
    requests_per_s = wrk["requests"] / seconds

    load_start, load_end = run["load_start"], run["load_end"]
    window_end = load_start + run["duration_s"] * 1000
    served = times["served"] if isinstance(times["served"], int) else None
    reindex = {
        "files_changed": changed,
        "started_after_s": (times["index_start"] - load_start) / 1e3,
        "changing_files_s": (times["index_start"] - times["edit_start"]) / 1e3,
        "wall_s": re_time["wall_s"],
        "cpu_s": re_time["cpu_s"],
        "peak_rss_mib": re_time["peak_rss_mib"],
        "files_updated": re_report.get("files_updated"),
        "articles_indexed": re_report.get("articles_indexed"),
        "articles_resolved": re_report.get("articles_resolved"),
        "finished_after_s": (times["index_end"] - load_start) / 1e3,
        "finished_within_load": times["index_end"] <= min(window_end, load_end),
        "marker_articles": times["marker_articles"],
        "served_after_index_s": None if served is None else (served - times["index_end"]) / 1e3,
    }
    window_s = (run["cpu_window_end"] - load_start) / 1e3
    cpu = {
        "window_s": window_s,
        "capacity_s": window_s * os.cpu_count(),
        "machine_busy_s": run["machine_busy_s"],
        "server_s": run["server_cpu_s"],
        "wrk_s": run["wrk_cpu_s"],
        "reindex_job_s": run["reindex_job_cpu_s"],
    }
    cpu["others_s"] = max(0.0, cpu["machine_busy_s"] - cpu["server_s"] - cpu["wrk_s"]
                          - cpu["reindex_job_s"])
    cpu["quiet_machine"] = cpu["others_s"] <= OTHERS_MAX_SHARE * cpu["capacity_s"]
    first_answers = [first for _, first in startups]
    startup = {
        "runs": len(startups),
        "listening_ms": [listening for listening, _ in startups],
        "first_answer_ms": first_answers,
        "first_answer_median_ms": statistics.median(first_answers),
        "first_answer_max_ms": max(first_answers),
    }
    targets = [
        ("requests/s", f">= {MIN_REQUESTS_PER_S}", f"{requests_per_s:.0f}",
         requests_per_s >= MIN_REQUESTS_PER_S),
        ("p99 latency", f"<= {P99_MAX_MS} ms", f"{lat['p99']:.1f} ms", lat["p99"] <= P99_MAX_MS),
        ("errors", "0", f"{errors} (non-2xx {wrk['non_2xx']}, socket {socket_errors})", errors == 0),
        ("start-up to first answer", f"< {STARTUP_MAX_MS} ms",
         f"{startup['first_answer_max_ms']} ms (slowest of {len(startups)})",
         startup["first_answer_max_ms"] < STARTUP_MAX_MS),
        ("re-index finished during the load", f"within {run['duration_s']} s",
         f"at {reindex['finished_after_s']:.1f} s", reindex["finished_within_load"]),
    ]

    results = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "morgue": run["morgue_version"].replace("_", " "),
        "binary": run["morgue_binary"],
        "tree_commit": run["tree_commit"],
        "articles": full_report.get("articles_total"),
        "index_mb": run["index_bytes"] / 1e6,
        "index_from_scratch": {**full, "articles_indexed": full_report.get("articles_indexed")},
        "load": {
            "generator": "wrk",
            "clients": run["clients"],
            "threads": run["threads"],
            "duration_s": seconds,
            "distinct_requests": len(probe),
            "pages_included": bool(run["pages_included"]),
            "requests": wrk["requests"],
            "requests_per_s": requests_per_s,
            "latency_ms": lat,
            "statuses": wrk["statuses"],
            "non_2xx": wrk["non_2xx"],
            "socket_errors": wrk["socket_errors"],
            "mb_per_s": wrk["bytes"] / 1e6 / seconds,
        },
        "server": {"peak_rss_mib": run["server_peak_rss_kb"] / 1024},
        "cpu_during_load": cpu,
        "reindex": reindex,
        "startup": startup,
        "alone": probe,
        "targets": [{"what": w, "target": t, "measured": m, "met": ok} for w, t, m, ok in targets],
    }
    with open(results_path, "w") as fh:
        json.dump(results, fh, indent=2)
        fh.write("\n")

    print(f"\nmorgue serve under load: {results['articles']} articles, {results['morgue']}, "
          f"{os.cpu_count()} cores")
    print(f"  {run['clients']} clients for {seconds:.1f} s over {len(probe)} requests in turn"
          f" (browser pages {'included' if run['pages_included'] else 'not built yet: left out'})")
    print(f"  requests/s   {requests_per_s:.1f} ({wrk['requests']} requests)")
    print(f"  latency ms   p50 {lat['p50']:.1f}  p90 {lat['p90']:.1f}  p99 {lat['p99']:.1f}"
          f"  max {lat['max']:.1f}  (mean {lat['mean']:.1f})")
    print(f"  statuses     {wrk['statuses']}; non-2xx {wrk['non_2xx']}; socket errors "
          + ", ".join(f"{k} {v}" for k, v in wrk["socket_errors"].items()))
    print(f"  CPU          {cpu['machine_busy_s']:.1f} of {cpu['capacity_s']:.1f} core-seconds busy "
          f"over {window_s:.1f} s: server {cpu['server_s']:.1f}, wrk {cpu['wrk_s']:.1f}, "
          f"re-index {cpu['reindex_job_s']:.1f}, other processes {cpu['others_s']:.1f}")
    print(f"  server       peak RSS {run['server_peak_rss_kb'] / 1024:.0f} MiB")
    served_text = ("never seen by the server" if reindex["served_after_index_s"] is None
                   else f"served {reindex['served_after_index_s']:.2f} s after it ended")
    print(f"  re-index     {changed} files changed at {reindex['started_after_s']:.1f} s; "
          f"`morgue index` took {reindex['wall_s']:.2f} s ({reindex['cpu_s']:.2f} s of CPU, "
          f"{reindex['articles_indexed']} articles indexed, {reindex['articles_resolved']} resolved), "
          f"ended at {reindex['finished_after_s']:.1f} s; {served_text}")
    print(f"  start-up     first answer after {', '.join(map(str, first_answers))} ms "
          f"(median {startup['first_answer_median_ms']} ms; listening after "
          f"{', '.join(str(l) for l, _ in startups)} ms)")
    print("\n| target | wanted | measured | |\n|---|---|---|---|")
    for what, target, measured, ok in targets:
        print(f"| {what} | {target} | {measured} | {'met' if ok else '**not met**'} |")
    if not cpu["quiet_machine"]:
        print(f"\nwarning: other processes used {cpu['others_s']:.1f} core-seconds during the load "
              f"(over {OTHERS_MAX_SHARE:.0%} of the machine): these figures are not from a quiet machine")
    print(f"\nwritten to {results_path}")


if __name__ == "__main__":
    main()
