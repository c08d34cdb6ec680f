#!/usr/bin/env python3
"""The scipy/numpy side of DriftBenchmark: 20 numeric + 10 categorical synthetic features (same
generators and shapes as the Java benchmark, numpy's RNG), reference and current of `rows` rows
each, and Evidently's default test per feature for a reference above 1000 rows, computed the way
Evidently's stattests compute them:
  numeric  (> 5 distinct values): scipy.stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
  categorical: value counts (hash counting) over the union of categories, scipy.spatial.distance.jensenshannon
plus the n_unique count that drives the choice, then the dataset drift share. Single thread.

--full runs every Evidently test of each kind instead (except TVD's permutation test), as
DriftBenchmark.fullSet does.

Run (Debian's python3-scipy, on one core): taskset -c 1 /usr/bin/python3 benchmarks/python/drift_scipy.py [rows ...]
Prints the median and best wall-clock and CPU (process) time of 5 timed runs (--runs N) after 1 warm-up run.
"""
import os
import warnings
import sys
import time
from collections import Counter

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402
from scipy import stats  # noqa: E402
from scipy.stats import wasserstein_distance  # noqa: E402

NUMERIC, CATEGORICAL = 20, 10
warnings.simplefilter("ignore")  # anderson_ksamp warns on every capped p-value


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


def sturges_shares(ref, cur):
    """Evidently's get_binned_data: Sturges edges over both samples when the reference has > 20 values."""
    if len(np.unique(ref)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, edges)[0] / len(ref)
        c = np.histogram(cur, edges)[0] / len(cur)
    else:
        keys = np.union1d(ref, cur)
        r = np.array([np.sum(ref == k) for k in keys]) / len(ref)
        c = np.array([np.sum(cur == k) for k in keys]) / len(cur)
    return r, c


def floored(p):
    p = p.copy()
    if (p == 0).any():
        m = p[p > 0].min()
        p[p == 0] = m / 1e6 if m <= 0.0001 else 0.0001
    return p


def binned(r, c):
    """psi, kl_div, jensenshannon over Evidently's binning."""
    rf, cf = floored(r), floored(c)
    return (np.sum((rf - cf) * np.log(rf / cf)), stats.entropy(rf, cf), jensenshannon(r, c))


def hellinger_num(ref, cur):
    pooled = np.unique(np.concatenate([ref, cur]))
    edges = np.histogram_bin_edges(pooled, bins="sturges")
    h1 = np.histogram(ref, edges, density=True)[0]
    h2 = np.histogram(cur, edges, density=True)[0]
    width = np.diff(edges).mean()
    return np.sqrt(1 - min(1.0, np.sum(np.sqrt(h1 * h2)) * width))


def full_tests(num, cat):
    """Evidently's registered tests per kind (TVD's 1000-split permutation test left out on both sides)."""
    out = []
    for ref, cur in num:
        out.append(stats.ks_2samp(ref, cur).pvalue)
        out.append(stats.ttest_ind(ref, cur).pvalue)
        out.append(stats.mannwhitneyu(ref, cur, alternative="less").pvalue)
        out.append(stats.anderson_ksamp([ref, cur]).significance_level)
        out.append(stats.cramervonmises_2samp(ref, cur).pvalue)
        try:
            out.append(stats.epps_singleton_2samp(ref, cur).pvalue)
        except ValueError:
            out.append(float("nan"))
        out.append(wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
        out.append(stats.energy_distance(ref, cur))
        out.extend(binned(*sturges_shares(ref, cur)))
        out.append(hellinger_num(ref, cur))
    for ref, cur in cat:
        rc, cc = Counter(ref), Counter(cur)
        keys = sorted(set(rc) | set(cc))
        ro = np.array([rc.get(k, 0) for k in keys], dtype=float)
        co = np.array([cc.get(k, 0) for k in keys], dtype=float)
        out.append(stats.chisquare(co, ro * (len(cur) / len(ref))).pvalue)
        p1, p2 = (len(ref) - ro[0]) / len(ref), (len(cur) - co[0]) / len(cur)
        pp = (p1 * len(ref) + p2 * len(cur)) / (len(ref) + len(cur))
        z = (p1 - p2) / np.sqrt(pp * (1 - pp) * (1 / len(ref) + 1 / len(cur)))
        out.append(2 * (1 - stats.norm.cdf(abs(z))))
        out.append(stats.power_divergence(co, ro, lambda_="log-likelihood").pvalue)
        r, c = ro / len(ref), co / len(cur)
        out.extend(binned(r, c))
        out.append(np.sqrt(1 - min(1.0, np.sum(np.sqrt(r * c)))))
    return out


def main(argv):
    full = "--full" in argv
    runs = 5
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    argv = [a for a in argv if a != "--full"]
    for rows in [int(a) for a in argv] or [100_000, 1_000_000]:
        num, cat = make(rows)
        work = full_tests if full else default_tests
        work(num, cat)
        times, cpu = [], []
        for _ in range(runs):
            t0, c0 = time.perf_counter(), time.process_time()
            work(num, cat)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        times.sort()
        cpu.sort()
        print("rows=%d %s, 30 features: wall median %.1f ms, best %.1f ms; CPU median %.1f ms, best %.1f ms"
              % (rows, "full set" if full else "default tests", 1000 * times[len(times) // 2], 1000 * times[0], 1000 * cpu[len(cpu) // 2], 1000 * cpu[0]),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
