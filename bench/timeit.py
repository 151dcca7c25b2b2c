#!/usr/bin/env python3
"""Times a command the way bench/run.sh uses hyperfine, for machines without it.

usage: timeit.py RUNS OUT.json COMMAND
Runs COMMAND (through /bin/sh, like hyperfine without -N) twice to warm up, then
RUNS times, and writes {"results": [{"command", "median", "min", "max", "mean",
"times"}]} in seconds, the part of hyperfine's --export-json that
bench/summarise.py reads. Unlike hyperfine it does not subtract the shell's own
start-up time (about a millisecond), so its figures are slightly higher.
"""
import json
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    runs, out, command = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    for _ in range(2):
        run(command)
    times = [run(command) for _ in range(runs)]
    result = {"command": command, "median": statistics.median(times), "min": min(times),
              "max": max(times), "mean": statistics.fmean(times), "times": times}
    json.dump({"results": [result]}, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
