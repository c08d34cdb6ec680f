#!/usr/bin/env python3
"""The numpy floor for FairnessMetricsBenchmark: the same full metric set for one binary and one
five-valued attribute, hand-vectorised with one np.bincount per attribute over the
(group, y_true, y_pred) cell code, then every rate and aggregate from the per-group counts.

Run (Debian's python3-numpy): python3 benchmarks/python/fairness_numpy.py [rows ...]
Prints the median and best of 7 timed runs after 2 warm-up runs, single thread, as wall time and as
process CPU time (which, unlike wall time, does not grow while other processes hold the core).
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def make(rows, seed=42):
    rng = np.random.default_rng(seed)
    sex = (rng.random(rows) < 0.67).astype(np.int32)
    race = np.searchsorted(np.cumsum([0.6, 0.2, 0.1, 0.07, 0.03]), rng.random(rows)).clip(0, 4).astype(np.int32)
    y_true = (rng.random(rows) < 0.25 + 0.05 * sex).astype(np.int32)
    p = np.where(y_true == 1, 0.7, 0.1) + 0.02 * race
    y_pred = (rng.random(rows) < p).astype(np.int32)
    return y_true, y_pred, sex, race


RATES = {
    "selection_rate": lambda tp, fp, tn, fn: (tp + fp) / (tp + fp + tn + fn),
    "base_rate": lambda tp, fp, tn, fn: (tp + fn) / (tp + fp + tn + fn),
    "accuracy": lambda tp, fp, tn, fn: (tp + tn) / (tp + fp + tn + fn),
    "error_rate": lambda tp, fp, tn, fn: 1 - (tp + tn) / (tp + fp + tn + fn),
    "true_positive_rate": lambda tp, fp, tn, fn: tp / (tp + fn),
    "false_negative_rate": lambda tp, fp, tn, fn: fn / (tp + fn),
    "false_positive_rate": lambda tp, fp, tn, fn: fp / (fp + tn),
    "true_negative_rate": lambda tp, fp, tn, fn: tn / (fp + tn),
    "positive_predictive_value": lambda tp, fp, tn, fn: tp / (tp + fp),
    "false_discovery_rate": lambda tp, fp, tn, fn: fp / (tp + fp),
    "negative_predictive_value": lambda tp, fp, tn, fn: tn / (tn + fn),
    "false_omission_rate": lambda tp, fp, tn, fn: fn / (tn + fn),
    "f1_score": lambda tp, fp, tn, fn: 2 * tp / (2 * tp + fp + fn),
}


def metrics(cell, groups, k, priv):
    c = np.bincount(groups * 4 + cell, minlength=4 * k).reshape(k, 4).astype(np.float64)
    tn, fp, fn, tp = c[:, 0], c[:, 1], c[:, 2], c[:, 3]
    out = {}
    unpriv = np.arange(k) != priv
    pooled = c[unpriv].sum(axis=0)
    for name, f in RATES.items():
        r = f(tp, fp, tn, fn)
        ru = f(pooled[3], pooled[1], pooled[0], pooled[2])
        out[name + "_difference"] = ru - r[priv]
        out[name + "_ratio"] = ru / r[priv]
        out[name + "_between_difference"] = r.max() - r.min()
        out[name + "_between_ratio"] = r.min() / r.max()
    sel = RATES["selection_rate"](tp, fp, tn, fn)
    out["gini_selection_rate"] = np.abs(sel[:, None] - sel[None, :]).sum() / (2 * k * k * sel.mean())
    # between-group GE(2) and Theil from group counts
    n_g = c.sum(axis=1)
    mu_g = (tp + tn + 2 * fp) / n_g
    mu = (mu_g * n_g).sum() / n_g.sum()
    out["between_ge2"] = ((n_g * ((mu_g / mu) ** 2 - 1)).sum()) / (n_g.sum() * 2)
    return out, c


def full_metric_set(y_true, y_pred, sex, race):
    cell = y_true * 2 + y_pred
    a, c = metrics(cell, sex, 2, 1)
    b, _ = metrics(cell, race, 5, 0)
    tot = c.sum(axis=0)
    n0, n1, n2 = tot[2], tot[3] + tot[0], tot[1]
    n = n0 + n1 + n2
    mu = (n1 + 2 * n2) / n
    ge2 = (n1 * ((1 / mu) ** 2 - 1) + n2 * ((2 / mu) ** 2 - 1) - n0) / (n * 2)
    theil = (n1 * (1 / mu) * np.log(1 / mu) + n2 * (2 / mu) * np.log(2 / mu)) / n
    gini = 2 * (n0 * n1 + 2 * n0 * n2 + n1 * n2) / (2 * n * (n1 + 2 * n2))
    return len(a) + len(b), ge2, theil, gini


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [1_000_000, 10_000_000]
    print(f"numpy {np.__version__}, python {sys.version.split()[0]}")
    for rows in sizes:
        data = make(rows)
        for _ in range(2):
            full_metric_set(*data)
        times = []
        cpu = []
        for _ in range(7):
            t0 = time.perf_counter()
            c0 = time.process_time()
            full_metric_set(*data)
            cpu.append(time.process_time() - c0)
            times.append(time.perf_counter() - t0)
        times.sort()
        cpu.sort()
        print(f"rows={rows}: median {times[3] * 1e3:.1f} ms, best {times[0] * 1e3:.1f} ms (wall); "
              f"cpu median {cpu[3] * 1e3:.1f} ms, best {cpu[0] * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
