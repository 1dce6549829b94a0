"""The synthetic ranking problem of `sovereign-bench scale` (Benchmarks/SovereignBench/
SyntheticCatalog.swift: same SplitMix64 formulas, seed and layout), and the main that the Python
references share."""
import json
import resource
import sys
import time

import numpy as np

# Rows of the untimed warm-up run, as `sovereign-bench scale` (ScaleBenchmark.warmUpRows).
WARM_UP_ROWS = 20_000


def splitmix_unit(seed, indexes):
    """The `index`-th SplitMix64 output of the stream at `seed`, as doubles in [0, 1)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (indexes + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def generate(rows, criteria, seed):
    """values (rows x criteria), gates (rows x 4, bool), weights (sum 1), types (1 benefit, -1 cost)."""
    values = 1 + 99 * splitmix_unit(seed, np.arange(rows * criteria, dtype=np.uint64)).reshape(rows, criteria)
    gate_base = rows * criteria
    gates = splitmix_unit(seed, np.arange(gate_base, gate_base + rows * 4, dtype=np.uint64)).reshape(rows, 4) < 0.9
    j = np.arange(criteria)
    weights = (1 + j % 5).astype(np.float64)
    types = np.where(j % 4 == 3, -1, 1)
    return values, gates, weights / weights.sum(), types


def run_scale(usage, implementation, pipeline):
    """The main of a scale_*.py reference: generates the N x CRITERIA matrix of SEED (command-line
    arguments), runs `pipeline` once untimed on WARM_UP_ROWS rows of another seed (warm times),
    then times it on the matrix and prints one JSON object like `sovereign-bench scale`.

    `pipeline(values, gates, weights, types)` returns the row numbers of the eligible rows, their
    scores, the rank order (positions into both) and a dict of extra JSON fields."""
    if len(sys.argv) < 2:
        sys.exit(usage)
    rows = int(sys.argv[1])
    criteria = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42

    start = time.perf_counter()
    values, gates, weights, types = generate(rows, criteria, seed)
    generate_s = time.perf_counter() - start
    rss_after_generation = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    pipeline(*generate(WARM_UP_ROWS, criteria, seed + 1))
    start = time.perf_counter()
    ids, scores, order, extra = pipeline(values, gates, weights, types)
    scoring = time.perf_counter() - start

    print(json.dumps({
        "bench": "scale", "implementation": implementation, "rows": rows, "criteria": criteria, "seed": seed,
        "eligible": len(ids), "generate_s": round(generate_s, 6), "gates_topsis_s": round(scoring, 6), **extra,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_generation_mib": round(rss_after_generation, 1),
        "score_sum": round(float(scores.sum()), 9),
        "top": {f"o{ids[k]}": round(float(scores[k]), 12) for k in order[:3]},
    }))
