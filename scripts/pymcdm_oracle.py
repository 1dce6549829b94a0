#!/usr/bin/env python3
"""Reference scores from pymcdm 1.4.0 for the Swift scorer's agreement test.

Reads one JSON document on stdin:
  {"cases": [{"name": str, "matrix": [[float]], "weights": [float], "types": [1 | -1]}]}
and writes on stdout:
  {"pymcdm": "1.4.0", "cases": [{"name": str, "topsis": [float], "wsm": [float]}]}
with topsis = TOPSIS(vector_normalization) and wsm = WSM(minmax_normalization), the weights used
exactly as given (the caller passes weights already normalised to sum 1). NaN is written as null.
Floats are written with repr (shortest round-trip), so no precision is lost.

Exit status: 0 ok; 3 pymcdm (or numpy) missing or not version 1.4.0; 2 bad input.
Usage: python3 -u scripts/pymcdm_oracle.py < cases.json
"""
import json
import math
import sys
import warnings

REQUIRED = "1.4.0"


def main() -> int:
    try:
        from importlib.metadata import version

        found = version("pymcdm")
        import numpy as np
        from pymcdm.methods import TOPSIS, WSM
        from pymcdm.normalizations import minmax_normalization, vector_normalization
    except Exception as error:  # ImportError, PackageNotFoundError
        print(f"pymcdm {REQUIRED} is not installed ({error}); install it with: "
              f"python3 -m pip install pymcdm=={REQUIRED}", file=sys.stderr)
        return 3
    if found != REQUIRED:
        print(f"pymcdm {found} is installed but the oracle needs {REQUIRED}: "
              f"python3 -m pip install pymcdm=={REQUIRED}", file=sys.stderr)
        return 3
    try:
        request = json.load(sys.stdin)
        cases = request["cases"]
    except Exception as error:
        print(f"bad input: {error}", file=sys.stderr)
        return 2

    def clean(values):
        return [None if math.isnan(v) else float(v) for v in values]

    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pymcdm warns about dominated alternatives, NaN
        for case in cases:
            matrix = np.array(case["matrix"], dtype=float)
            weights = np.array(case["weights"], dtype=float)
            types = np.array(case["types"], dtype=int)
            topsis = TOPSIS(vector_normalization)(matrix, weights, types)
            wsm = WSM(minmax_normalization)(matrix, weights, types)
            out.append({"name": case["name"], "topsis": clean(topsis), "wsm": clean(wsm)})
    json.dump({"pymcdm": found, "cases": out}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
