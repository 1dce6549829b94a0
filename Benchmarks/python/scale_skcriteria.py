#!/usr/bin/env python3
"""Gates + TOPSIS + rank order with scikit-criteria (vector scaler on the matrix, sum scaler on
the weights, `TOPSIS`, its ranking) on the synthetic matrix of `sovereign-bench scale`.
Prints one JSON object like `sovereign-bench scale`.

usage: scale_skcriteria.py N [CRITERIA] [SEED]
"""
import json
import resource
import sys
import time
import warnings

import numpy as np

from synthetic import generate

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import skcriteria as skc
    from skcriteria.agg.topsis import TOPSIS
    from skcriteria.pipelines import mkpipe
    from skcriteria.preprocessing import scalers


WARM_UP_ROWS = 20_000


def pipeline(values, gates, weights, types):
    """Gates, TOPSIS and the rank order: the eligible rows, their scores and the order."""
    eligible = gates.all(axis=1)
    ids = np.flatnonzero(eligible)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dm = skc.mkdm(values[eligible], np.where(types == 1, max, min), weights=weights)
        pipe = mkpipe(scalers.VectorScaler(target="matrix"), scalers.SumScaler(target="weights"), TOPSIS())
        result = pipe.evaluate(dm)
    scores = np.asarray(result.e_.similarity)
    order = np.argsort(np.asarray(result.rank_), kind="stable")
    return ids, scores, order


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
    ids, scores, order = pipeline(values, gates, weights, types)
    scoring = time.perf_counter() - start

    top = {f"o{ids[k]}": round(float(scores[k]), 12) for k in order[:3]}
    print(json.dumps({
        "bench": "scale", "implementation": "scikit-criteria", "rows": rows, "criteria": criteria, "seed": seed,
        "eligible": len(ids), "generate_s": round(generate_s, 6), "gates_topsis_s": round(scoring, 6),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_generation_mib": round(rss_after_generation, 1),
        "score_sum": round(float(scores.sum()), 9), "top": top,
    }))


if __name__ == "__main__":
    main()
