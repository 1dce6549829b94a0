#!/usr/bin/env python3
"""Two builds of `sovereign` side by side: runs `BIN rank FILE --format csv` for each requirements
file, alternating the two binaries (A B, then B A, ...) so that a slow phase of the machine weighs
on both alike, and prints each one's median and minimum wall-clock time (milliseconds, from
starting the child to its exit).

usage: Benchmarks/python/alternate.py ROUNDS BIN_A BIN_B FILE...
e.g.   Benchmarks/python/alternate.py 40 /tmp/sovereign-before .build/release/sovereign examples/health-data-warehouse.yaml
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__.split("\n\n")[1])
    rounds = int(sys.argv[1])
    binaries = sys.argv[2:4]
    for file in sys.argv[4:]:
        times = {binary: [] for binary in binaries}
        for r in range(rounds):
            for binary in binaries if r % 2 == 0 else binaries[::-1]:
                start = time.perf_counter()
                subprocess.run([binary, "rank", file, "--format", "csv"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[binary].append((time.perf_counter() - start) * 1000)
        print(file + ": " + "; ".join(
            f"{binary} median {statistics.median(t):.2f} ms, min {min(t):.2f} ms" for binary, t in times.items()))


if __name__ == "__main__":
    main()
