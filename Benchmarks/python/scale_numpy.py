#!/usr/bin/env python3
"""Gates + TOPSIS + rank order written directly in numpy (the fastest obvious Python path:
whole-array operations, `argsort` for the order) on the synthetic matrix of `sovereign-bench
scale`. Prints one JSON object like `sovereign-bench scale`.

usage: scale_numpy.py N [CRITERIA] [SEED]
"""
import json
import resource
import sys
import time

import numpy as np

from synthetic import generate


WARM_UP_ROWS = 20_000


def pipeline(values, gates, weights, types):
    """Gates, TOPSIS and the rank order: the eligible rows, their scores and the order."""
    eligible = gates.all(axis=1)
    matrix = values[eligible]
    v = matrix * (weights / np.sqrt(np.einsum("ij,ij->j", matrix, matrix)))
    high, low = v.max(axis=0), v.min(axis=0)
    ideal = np.where(types == 1, high, low)
    anti = np.where(types == 1, low, high)
    d = v - ideal
    plus = np.sqrt(np.einsum("ij,ij->i", d, d))
    np.subtract(v, anti, out=d)
    minus = np.sqrt(np.einsum("ij,ij->i", d, d))
    scores = minus / (plus + minus)
    order = np.argsort(-scores, kind="stable")  # score descending, ties by row (id) order
    return eligible, scores, order


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = int(sys.argv[1])
    criteria = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42

    start = time.perf_counter()
    values, gates, weights, types = generate(rows, criteria, seed)
    generate_s = time.perf_counter() - start
    rss_after_generation = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # One untimed run on a small matrix first, as `sovereign-bench scale` does: warm times.
    pipeline(*generate(WARM_UP_ROWS, criteria, seed + 1))
    start = time.perf_counter()
    eligible, scores, order = pipeline(values, gates, weights, types)
    scoring = time.perf_counter() - start

    ids = np.flatnonzero(eligible)
    top = {f"o{ids[k]}": round(float(scores[k]), 12) for k in order[:3]}
    print(json.dumps({
        "bench": "scale", "implementation": "numpy", "rows": rows, "criteria": criteria, "seed": seed,
        "eligible": int(eligible.sum()), "generate_s": round(generate_s, 6), "gates_topsis_s": round(scoring, 6),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_generation_mib": round(rss_after_generation, 1),
        "score_sum": round(float(scores.sum()), 9), "top": top,
    }))


if __name__ == "__main__":
    main()
