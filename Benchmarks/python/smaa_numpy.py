"""SMAA-2 in vectorised numpy, side by side with `sovereign-bench smaa` (BENCHMARKS.md).

Same run: weighted sum of min-max normalised values, weights uniform on the simplex
(Dirichlet(1) as normalised exponentials), competition ranks (strict ">"), rank acceptability
and central weights. Same synthetic matrix (SplitMix64 at each position, seed 42); numpy's own
generator for the weights, so indices agree only within Monte-Carlo error.

usage: python3 Benchmarks/python/smaa_numpy.py [M] [N] [SCENARIOS]   (1000 8 10000)
Prints one JSON object.
"""
import json
import sys
import time

import numpy as np



def splitmix_unit(seed, indexes):
    """The `index`-th SplitMix64 output of the stream at `seed`, as doubles in [0, 1)
    (as Benchmarks/SovereignBench/SplitMix64.swift and synthetic.py)."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (indexes + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def smaa(values, scenarios, rng, batch=500):
    m, n = values.shape
    low, high = values.min(axis=0), values.max(axis=0)
    r = (values - low) / np.where(high > low, high - low, 1)  # all benefit criteria
    counts = np.zeros((m, m), dtype=np.int64)
    central = np.zeros((m, n))
    rows = np.arange(m)
    for start in range(0, scenarios, batch):
        k = min(batch, scenarios - start)
        e = rng.exponential(size=(k, n))
        w = e / e.sum(axis=1, keepdims=True)
        scores = w @ r.T  # k x m
        # Rank by position in the sorted order: equal to the competition rank 1 + #{greater}
        # when there are no ties (probability 0 with continuous weights and distinct values).
        order = np.argsort(-scores, axis=1)
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.broadcast_to(np.arange(1, m + 1), (k, m)), axis=1)
        np.add.at(counts, (np.broadcast_to(rows, (k, m)), ranks - 1), 1)
        first = ranks == 1
        central += first.T.astype(float) @ w
    b = counts / scenarios
    firsts = counts[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        cw = central / firsts[:, None]
    return b, cw


def main():
    m = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    scenarios = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    values = 1 + 99 * splitmix_unit(42, np.arange(m * n, dtype=np.uint64)).reshape(m, n)
    rng = np.random.default_rng(42)
    start = time.perf_counter()
    b, _ = smaa(values, scenarios, rng)
    seconds = time.perf_counter() - start
    top = int(np.lexsort((-b.sum(axis=1), -b[:, 0]))[0])
    print(json.dumps({"benchmark": "smaa", "implementation": "numpy", "alternatives": m, "criteria": n,
                      "scenarios": scenarios, "seconds": seconds, "top": f"a{top}", "top_b1": float(b[top, 0])}))


if __name__ == "__main__":
    main()
