"""numpy floor for PerformanceMetricsBenchmark.overall: the same 14 classification metrics on the
same kind of data (10^7 rows), with numpy only (scikit-learn is not installable here). Prints the
median of 7 runs in ms (wall, and process CPU time). Usage: python3 benchmarks/python/performance_numpy.py [rows ...]"""
import sys
import time

import numpy as np


def metrics(y, p, s):
    n = y.size
    tp = np.count_nonzero(y & p); fp = np.count_nonzero(p) - tp
    fn = np.count_nonzero(y) - tp; tn = n - tp - fp - fn
    P, N = tp + fn, fp + tn
    out = {"accuracy": (tp + tn) / n, "balanced_accuracy": (tp / P + tn / N) / 2,
           "precision": tp / (tp + fp), "recall": tp / P, "specificity": tn / N}
    pr, rc = out["precision"], out["recall"]
    out["f1"] = 2 * pr * rc / (pr + rc)
    out["f2"] = 5 * pr * rc / (4 * pr + rc)
    out["mcc"] = (tp * tn - fp * fn) / np.sqrt(float(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    exp = ((tn + fn) * P + (tp + fp) * N) / n
    out["kappa"] = 1 - (fp + fn) / exp
    order = np.argsort(s, kind="mergesort")[::-1]
    ss, yy = s[order], y[order]
    distinct = np.where(np.diff(ss))[0]
    idx = np.r_[distinct, yy.size - 1]
    tps = np.cumsum(yy)[idx]; fps = 1 + idx - tps
    fpr = np.r_[0, fps] / fps[-1]; tpr = np.r_[0, tps] / tps[-1]
    out["roc_auc"] = np.trapezoid(tpr, fpr) if hasattr(np, "trapezoid") else np.trapz(tpr, fpr)
    prec = tps / (tps + fps); rec = tps / tps[-1]
    out["average_precision"] = np.sum(np.diff(np.r_[0, rec]) * prec)
    eps = np.finfo(float).eps
    c = np.clip(s, eps, 1 - eps)
    out["log_loss"] = -np.mean(y * np.log(c) + (1 - y) * np.log(1 - c))
    out["brier"] = np.mean((y - s) ** 2)
    b = np.searchsorted((np.arange(11) / 10.0)[1:10], s, side="right")
    w = np.bincount(b, minlength=10); my = np.bincount(b, y, 10); ms = np.bincount(b, s, 10)
    nz = w > 0
    out["ece"] = np.sum(np.abs(my[nz] - ms[nz])) / n
    return out


for rows in [int(a) for a in sys.argv[1:]] or [10_000_000]:
    r = np.random.default_rng(42)
    y = (r.random(rows) < 0.3).astype(np.int64)
    z = np.where(y == 1, 1.0, -1.0) + r.standard_normal(rows) * 1.2
    s = 1 / (1 + np.exp(-z))
    p = (s >= 0.5).astype(np.int64)
    times, cpus = [], []
    for _ in range(7):
        t, c = time.perf_counter(), time.process_time()
        metrics(y, p, s)
        times.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    times.sort()
    cpus.sort()
    print(f"rows={rows} numpy classification metric set: median {times[3]:.1f} ms")
    print(f"rows={rows} numpy classification metric set: wall median {times[3]:.1f} ms, best {times[0]:.1f} ms; "
          f"CPU median {cpus[3]:.1f} ms, best {cpus[0]:.1f} ms")
