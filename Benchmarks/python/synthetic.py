"""The synthetic ranking problem of `sovereign-bench scale` (Benchmarks/SovereignBench/
SyntheticCatalog.swift: same SplitMix64 formulas, seed and layout), shared by the Python references."""
import numpy as np


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
