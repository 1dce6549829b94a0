#!/usr/bin/env python3
"""Gates + TOPSIS + rank order written directly in numpy (the fastest obvious Python path:
whole-array operations, `argsort` for the order) on the synthetic matrix of `sovereign-bench
scale`. Prints one JSON object like `sovereign-bench scale`.

usage: scale_numpy.py N [CRITERIA] [SEED]
"""
import numpy as np

from synthetic import run_scale


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
    return np.flatnonzero(eligible), scores, order, {}


if __name__ == "__main__":
    run_scale(__doc__, "numpy", pipeline)
