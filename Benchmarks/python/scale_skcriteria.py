#!/usr/bin/env python3
"""Gates + TOPSIS + rank order with scikit-criteria (vector scaler on the matrix, sum scaler on
the weights, `TOPSIS`, its ranking) on the synthetic matrix of `sovereign-bench scale`.
Prints one JSON object like `sovereign-bench scale`.

usage: scale_skcriteria.py N [CRITERIA] [SEED]
"""
import warnings

import numpy as np

from synthetic import run_scale

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing import scalers


def pipeline(values, gates, weights, types):
    """Gates, TOPSIS and the rank order: the eligible rows, their scores and the order."""
    eligible = gates.all(axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dm = skc.mkdm(values[eligible], np.where(types == 1, max, min), weights=weights)
        pipe = mkpipe(scalers.VectorScaler(target="matrix"), scalers.SumScaler(target="weights"), TOPSIS())
        result = pipe.evaluate(dm)
    scores = np.asarray(result.e_.similarity)
    order = np.argsort(np.asarray(result.rank_), kind="stable")
    return np.flatnonzero(eligible), scores, order, {}


if __name__ == "__main__":
    run_scale(__doc__, "scikit-criteria", pipeline)
