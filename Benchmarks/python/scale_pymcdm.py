#!/usr/bin/env python3
"""Gates + TOPSIS with pymcdm 1.4.0 (numpy path) on the synthetic matrix that sovereign-bench
generates (synthetic.py: the SplitMix64 formulas of Benchmarks/SovereignBench/SyntheticCatalog.swift),
so the two are timed on identical data, plus the rank order as sovereign gives it. Prints one JSON
object like `sovereign-bench scale`.

usage: scale_pymcdm.py N [CRITERIA] [SEED]
"""
import time
import warnings

import numpy as np
from pymcdm.methods import TOPSIS
from pymcdm.normalizations import vector_normalization

from synthetic import run_scale


def pipeline(values, gates, weights, types):
    """Gates, TOPSIS and the rank order: the eligible rows, their scores, the order, and the time
    without the rank order."""
    start = time.perf_counter()
    eligible = gates.all(axis=1)
    matrix = values[eligible]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scores = TOPSIS(normalization_function=vector_normalization)(matrix, weights, types)
    topsis_only = time.perf_counter() - start
    # Rank order as sovereign gives it (its TOPSIS.score returns the ranking): score descending,
    # ties by id as text.
    ids = np.flatnonzero(eligible)
    order = np.lexsort((np.char.add("o", ids.astype(str)), -scores))
    return ids, scores, order, {"gates_topsis_without_rank_order_s": round(topsis_only, 6)}


if __name__ == "__main__":
    run_scale(__doc__, "pymcdm", pipeline)
