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
print("| requirements | sovereign (bundled catalog) | sovereign `--catalog data` | Python + pymcdm | ratio (bundled) | target |")
print("|---|---:|---:|---:|---:|---|")
for path in sorted(out.glob("e2e-*.json")):
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    s, p = results["sovereign"], results["python-pymcdm"]
    d = results.get("sovereign-catalog-data")
    ratio = p["median"] / s["median"]
    strict = f"{d['median'] * 1000:.1f} ms" if d else "-"
    print(f"| {path.stem[4:]} | {s['median'] * 1000:.1f} ms (mean {s['mean'] * 1000:.1f} ± {s['stddev'] * 1000:.1f}) "
          f"| {strict} | {p['median'] * 1000:.1f} ms (mean {p['mean'] * 1000:.1f} ± {p['stddev'] * 1000:.1f}) "
          f"| **{ratio:.1f}x** | ≥ 60x: {'met' if ratio >= 60 else 'not met'} |")

phases = [json.loads(line) for line in open(out / "phases.jsonl")] if (out / "phases.jsonl").exists() else []
if phases:
    print("\nWhere the time of `sovereign rank examples/health-data-warehouse.yaml --format csv` goes inside the process "
          "(`sovereign-bench phases`; first run, then the median of the following runs; process start and argument "
          "parsing come on top):\n")
    print("| phase | first run | warm (median) |")
    print("|---|---:|---:|")
    for r in phases:
        print(f"| {r['phase']} | {r['cold_ms']:.2f} ms | {r['warm_ms']:.2f} ms |")

rows = [json.loads(line) for line in open(out / "scale.jsonl")]
references = ["numpy", "scikit-criteria", "pymcdm"]


def run_counts(implementation):
    """How many runs each size had, e.g. "6" or "6, 6, 1"."""
    counts = [sum(1 for r in rows if r["rows"] == n and r["implementation"] == implementation)
              for n in sorted({r["rows"] for r in rows})]
    return ", ".join(str(c) for c in counts if c)


print("\n### Scale (gates + TOPSIS + rank order, 32 criteria, seed 42; warm: each implementation runs once "
      f"untimed on 20,000 rows first; median of runs (sovereign: {run_counts('sovereign')} runs by size; "
      f"numpy: {run_counts('numpy')}), peak RSS max)\n")
print("| offerings | eligible | sovereign | one read pass | " + " | ".join(references)
      + " | vs fastest Python | / read pass | sovereign peak RSS | Python peak RSS (numpy, skcriteria, pymcdm) | same scores |")
print("|---:|---:|---:|---:|" + "---:|" * len(references) + "---:|---:|---:|---|---|")


def secs(t):
    """Seconds to the microsecond (times run from microseconds to seconds)."""
    return f"{t:.6f} s"


def median_of(n, implementation, key="gates_topsis_s"):
    values = [r[key] for r in rows if r["rows"] == n and r["implementation"] == implementation and key in r]
    return statistics.median(values) if values else None


for n in sorted({r["rows"] for r in rows}):
    s = [r for r in rows if r["rows"] == n and r["implementation"] == "sovereign"]
    st = median_of(n, "sovereign")
    read = median_of(n, "sovereign", "read_pass_s")
    times = {name: median_of(n, name) for name in references}
    measured = {k: v for k, v in times.items() if v is not None}
    fastest = min(measured, key=measured.get) if measured else None
    same = all(
        r["top"] == s[0]["top"] and abs(r["score_sum"] - s[0]["score_sum"]) <= 1e-9 * n
        for r in rows if r["rows"] == n and r["implementation"] in references)
    peaks = ", ".join(
        f"{max(r['peak_rss_mib'] for r in rows if r['rows'] == n and r['implementation'] == name):,.0f}"
        if times[name] is not None else "-" for name in references)
    cells = " | ".join(f"{secs(times[name])}" if times[name] is not None else "-" for name in references)
    versus = f"**{measured[fastest] / st:.1f}x** ({fastest})" if fastest else "-"
    over_read = f"{st / read:.1f}x" if read else "-"
    print(f"| {n:,} | {s[0]['eligible']:,} | {secs(st)} | {secs(read)} | {cells} | {versus} | {over_read} | "
          f"{max(r['peak_rss_mib'] for r in s):,.0f} MiB | {peaks} MiB | {'yes' if same else 'NO'} (top 3, score sum) |")
print("\nsovereign time split (median): " + "; ".join(
    f"{n:,}: gates {secs(median_of(n, 'sovereign', 'gates_s'))}, "
    f"TOPSIS + rank order {secs(median_of(n, 'sovereign', 'topsis_and_rank_s'))}"
    for n in sorted({r["rows"] for r in rows})))
named = [n for n in sorted({r["rows"] for r in rows}) if median_of(n, "sovereign", "named_gates_topsis_s") is not None]


def agreement(n):
    runs = [r for r in rows if r["rows"] == n and r["implementation"] == "sovereign"]
    if all(r.get("named_same_scores_and_order") for r in runs):
        return "yes"
    if all(r.get("named_same_up_to_ties") for r in runs):
        groups = max(r.get("named_tie_groups_ordered_otherwise", 0) for r in runs)
        return (f"same scores; the order differs only inside {groups} group(s) of tied scores "
                "(ordered by id there, by row here)")
    return "NO"


if named:
    print("\nThe same through the named path (eligible rows copied into a `DecisionMatrix`, unique ids and finite "
          "values checked, `TOPSIS.score` building one result per offering, as `sovereign rank` does), median: " + "; ".join(
        f"{n:,}: {secs(median_of(n, 'sovereign', 'named_gates_topsis_s'))} (copy {secs(median_of(n, 'sovereign', 'named_gates_s'))}, "
        f"matrix check {secs(median_of(n, 'sovereign', 'named_matrix_check_s'))}, "
        f"TOPSIS + results {secs(median_of(n, 'sovereign', 'named_topsis_and_rank_s'))}), same scores and order as the "
        f"column-store path: {agreement(n)}"
        for n in named) + ".")
if any(r["rows"] == 1_000_000 for r in rows):
    n = 1_000_000
    st, read = median_of(n, "sovereign"), median_of(n, "sovereign", "read_pass_s")
    fastest = min(t for t in (median_of(n, k) for k in references) if t is not None)
    peak = max(r["peak_rss_mib"] for r in rows if r["rows"] == n and r["implementation"] == "sovereign")
    print(f"\nTargets at 1,000,000 x 32: ≥ 5x the fastest Python reference: {fastest / st:.1f}x "
          f"({'met' if fastest / st >= 5 else 'not met'}); ≤ 3x one read pass: {st / read:.1f}x "
          f"({'met' if st / read <= 3 else 'not met'}); peak memory < 1 GiB: {peak:,.0f} MiB "
          f"({'met' if peak < 1024 else 'not met'}).")

print("\n### Refresh parsing (bytes in memory, after the download)\n")
print("| list | size | records | median | max |")
print("|---|---:|---:|---:|---:|")
for line in (open(out / "refresh.jsonl") if (out / "refresh.jsonl").exists() else []):
    r = json.loads(line)
    print(f"| {r['list']} | {r['bytes'] / 1024:.0f} KiB | {r['records']} | {r['median_ms']:.1f} ms | {r['max_ms']:.1f} ms |")
