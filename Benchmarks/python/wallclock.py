#!/usr/bin/env python3
"""Fallback when hyperfine is missing: runs each command RUNS times (after 3 warm-up runs) and
writes the wall-clock times in hyperfine's JSON shape. usage: wallclock.py RUNS OUT.json CMD..."""
import json
import statistics
import subprocess
import sys
import time

runs, out, commands = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
results = []
names = ["sovereign", "sovereign-catalog-data", "python-pymcdm"] if len(commands) == 3 else ["sovereign", "python-pymcdm"]
for name, command in zip(names, commands):
    times = []
    for index in range(runs + 3):
        start = time.perf_counter()
        subprocess.run(command.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if index >= 3:
            times.append(time.perf_counter() - start)
    results.append({"command": name, "mean": statistics.mean(times), "median": statistics.median(times),
                    "stddev": statistics.pstdev(times), "min": min(times), "max": max(times), "times": times})
json.dump({"results": results}, open(out, "w"), indent=1)
