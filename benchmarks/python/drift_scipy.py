#!/usr/bin/env python3
"""The scipy/numpy side of DriftBenchmark: 20 numeric + 10 categorical synthetic features (same
generators and shapes as the Java benchmark, numpy's RNG), reference and current of `rows` rows
each, and Evidently's default test per feature for a reference above 1000 rows, computed the way
Evidently's stattests compute them:
  numeric  (> 5 distinct values): scipy.stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
  categorical: value counts (hash counting) over the union of categories, scipy.spatial.distance.jensenshannon
plus the n_unique count that drives the choice, then the dataset drift share. Single thread.

Run (Debian's python3-scipy, on one core): taskset -c 1 /usr/bin/python3 benchmarks/python/drift_scipy.py [rows ...]
Prints the median and best wall-clock and CPU (process) time of 5 timed runs after 1 warm-up run.
"""
import os
import sys
import time
from collections import Counter

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402
from scipy.stats import wasserstein_distance  # noqa: E402

NUMERIC, CATEGORICAL = 20, 10


def make(rows, seed=42):
    rng = np.random.default_rng(seed)

    def numeric(f, shift):
        g = rng.standard_normal(rows) + (0.3 if shift else 0.0)
        return [g, np.exp(g), np.floor(40 + 10 * g)][f % 3]

    def categorical(f, shift):
        labels = np.array(["c%d_%d" % (f, i) for i in range(3 + 4 * f)], dtype=object)
        u = rng.random(rows)
        if shift:
            u = u * u
        return labels[(u * u * len(labels)).astype(np.int64)]

    num = [(numeric(f, False), numeric(f, f % 3 == 0)) for f in range(NUMERIC)]
    cat = [(categorical(f, False), categorical(f, f % 3 == 0)) for f in range(CATEGORICAL)]
    return num, cat


def default_tests(num, cat):
    drifted = 0
    for ref, cur in num:
        n_values = len(np.unique(np.concatenate([ref, cur])))
        assert n_values > 5
        value = wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
        drifted += value >= 0.1
    for ref, cur in cat:
        # hash counting, as pandas' value_counts in Evidently (pandas is not installed here)
        rc, cc = Counter(ref), Counter(cur)
        keys = sorted(set(rc) | set(cc))
        r = np.array([rc.get(k, 0) for k in keys]) / len(ref)
        c = np.array([cc.get(k, 0) for k in keys]) / len(cur)
        value = jensenshannon(r, c)
        drifted += value >= 0.1
    return drifted / (NUMERIC + CATEGORICAL) >= 0.5


def main(argv):
    for rows in [int(a) for a in argv] or [100_000, 1_000_000]:
        num, cat = make(rows)
        default_tests(num, cat)
        times, cpu = [], []
        for _ in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            default_tests(num, cat)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        times.sort()
        cpu.sort()
        print("rows=%d default tests, 30 features: wall median %.1f ms, best %.1f ms; CPU median %.1f ms, best %.1f ms"
              % (rows, 1000 * times[len(times) // 2], 1000 * times[0], 1000 * cpu[len(cpu) // 2], 1000 * cpu[0]),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
