#!/usr/bin/env python3
"""Turns the raw results of scripts/bench (.build/bench-results) into the Markdown tables of
BENCHMARKS.md, with the machine and date. usage: summarize.py RESULTS_DIR"""
import datetime
import json
import pathlib
import platform
import statistics
import subprocess
import sys

out = pathlib.Path(sys.argv[1])


def cpu():
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()}: "
      f"{cpu()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
      f"{platform.system()} {platform.release()}; {swift[0] if swift else 'swift ?'}; Python {platform.python_version()}.\n")

print("### End to end (`sovereign rank` vs Python + pymcdm, wall clock, warm cache)\n")
print("| requirements | sovereign median | Python + pymcdm median | ratio |")
print("|---|---:|---:|---:|")
for path in sorted(out.glob("e2e-*.json")):
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    s, p = results["sovereign"], results["python-pymcdm"]
    print(f"| {path.stem[4:]} | {s['median'] * 1000:.1f} ms (mean {s['mean'] * 1000:.1f} ± {s['stddev'] * 1000:.1f}) "
          f"| {p['median'] * 1000:.1f} ms (mean {p['mean'] * 1000:.1f} ± {p['stddev'] * 1000:.1f}) "
          f"| **{p['median'] / s['median']:.1f}x** |")

print("\n### Scale (gates + TOPSIS + rank order, 32 criteria, seed 42; median of runs, peak RSS max)\n")
print("| offerings | eligible | sovereign time | pymcdm time | time ratio | sovereign peak RSS | pymcdm peak RSS | same scores |")
print("|---:|---:|---:|---:|---:|---:|---:|---|")
rows = [json.loads(line) for line in open(out / "scale.jsonl")]
for n in sorted({r["rows"] for r in rows}):
    s = [r for r in rows if r["rows"] == n and r["implementation"] == "sovereign"]
    p = [r for r in rows if r["rows"] == n and r["implementation"] == "pymcdm"]
    st = statistics.median(r["gates_topsis_s"] for r in s)
    pt = statistics.median(r["gates_topsis_s"] for r in p)
    same = s[0]["top"] == p[0]["top"] and abs(s[0]["score_sum"] - p[0]["score_sum"]) <= 1e-9 * max(1, len(s)) * n
    print(f"| {n:,} | {s[0]['eligible']:,} | {st:.4f} s | {pt:.4f} s | {pt / st:.2f}x | "
          f"{max(r['peak_rss_mib'] for r in s):,.0f} MiB | {max(r['peak_rss_mib'] for r in p):,.0f} MiB | "
          f"{'yes' if same else 'NO'} (top 3 and score sum) |")
print("\nsovereign time split (median): " + "; ".join(
    f"{n:,}: gates {statistics.median(r['gates_s'] for r in rows if r['rows'] == n and r['implementation'] == 'sovereign'):.4f} s, "
    f"matrix check {statistics.median(r['matrix_check_s'] for r in rows if r['rows'] == n and r['implementation'] == 'sovereign'):.4f} s, "
    f"TOPSIS + ranking {statistics.median(r['topsis_and_rank_s'] for r in rows if r['rows'] == n and r['implementation'] == 'sovereign'):.4f} s"
    for n in sorted({r["rows"] for r in rows})))

print("\n### Refresh parsing (bytes in memory, after the download)\n")
print("| list | size | records | median | max |")
print("|---|---:|---:|---:|---:|")
for line in open(out / "refresh.jsonl"):
    r = json.loads(line)
    print(f"| {r['list']} | {r['bytes'] / 1024:.0f} KiB | {r['records']} | {r['median_ms']:.1f} ms | {r['max_ms']:.1f} ms |")
