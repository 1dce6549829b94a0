#!/usr/bin/env python3
"""Gates + TOPSIS with pymcdm 1.4.0 (numpy path) on the synthetic matrix that sovereign-bench
generates (Benchmarks/SovereignBench/SyntheticCatalog.swift: same SplitMix64 formulas), so the
two are timed on identical data. Prints one JSON object like `sovereign-bench scale`.

usage: scale_pymcdm.py N [CRITERIA] [SEED]
"""
import json
import resource
import sys
import time
import warnings

import numpy as np
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization

MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix_unit(seed, indexes):
    """The `index`-th SplitMix64 output of the stream at `seed`, as doubles in [0, 1)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (indexes + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


WARM_UP_ROWS = 20_000


def generate(rows, criteria, seed):
    """The synthetic matrix of `sovereign-bench scale`: values, gates, weights, criterion types, ids."""
    values = 1 + 99 * splitmix_unit(seed, np.arange(rows * criteria, dtype=np.uint64)).reshape(rows, criteria)
    gate_base = rows * criteria
    gates = splitmix_unit(seed, np.arange(gate_base, gate_base + rows * 4, dtype=np.uint64)).reshape(rows, 4) < 0.9
    j = np.arange(criteria)
    weights = (1 + j % 5).astype(np.float64)
    types = np.where(j % 4 == 3, -1, 1)
    return values, gates, weights, types, np.arange(rows)


def pipeline(values, gates, weights, types, ids):
    """Gates, TOPSIS and the rank order: the eligible ids, their scores, the order, and the time
    without the rank order."""
    start = time.perf_counter()
    eligible = gates.all(axis=1)
    matrix = values[eligible]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = TOPSIS(normalization_function=vector_normalization)(matrix, weights / weights.sum(), types)
    topsis_only = time.perf_counter() - start
    # Rank order as sovereign gives it (its TOPSIS.score returns the ranking): score descending,
    # ties by id as text.
    eligible_ids = ids[eligible]
    order = np.lexsort((np.char.add("o", eligible_ids.astype(str)), -scores))
    return eligible_ids, scores, order, topsis_only


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = int(sys.argv[1])
    criteria = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42

    start = time.perf_counter()
    values, gates, weights, types, ids = generate(rows, criteria, seed)
    generate_s = time.perf_counter() - start
    rss_after_generation = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # One untimed run on a small matrix first, as `sovereign-bench scale` does: warm times.
    pipeline(*generate(WARM_UP_ROWS, criteria, seed + 1))
    start = time.perf_counter()
    eligible_ids, scores, order, topsis_only = pipeline(values, gates, weights, types, ids)
    scoring = time.perf_counter() - start

    top = {f"o{eligible_ids[k]}": round(float(scores[k]), 12) for k in order[:3]}
    print(json.dumps({
        "bench": "scale", "implementation": "pymcdm", "rows": rows, "criteria": criteria, "seed": seed,
        "eligible": len(eligible_ids), "generate_s": round(generate_s, 6), "gates_topsis_s": round(scoring, 6),
        "gates_topsis_without_rank_order_s": round(topsis_only, 6),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_generation_mib": round(rss_after_generation, 1),
        "score_sum": round(float(scores.sum()), 9), "top": top,
    }))


if __name__ == "__main__":
    main()
