"""scikit-learn beside PerformanceMetricsBenchmark.overall: the same 14 classification metrics on the
same kind of data, with sklearn.metrics calls (Debian's scikit-learn 1.2.1, the golden files'
version). Prints the median of the runs in ms.
Usage: /usr/bin/python3 benchmarks/python/performance_sklearn.py [rows] [runs]"""
import sys
import time

import numpy as np
import sklearn
from sklearn import metrics as M


def ece(y, s, bins=10):
    b = np.searchsorted((np.arange(bins + 1) / bins)[1:bins], s, side="right")
    w = np.bincount(b, minlength=bins)
    my = np.bincount(b, y, bins)
    ms = np.bincount(b, s, bins)
    nz = w > 0
    return np.sum(np.abs(my[nz] - ms[nz])) / y.size


def metric_set(y, p, s):
    return {
        "accuracy": M.accuracy_score(y, p),
        "balanced_accuracy": M.balanced_accuracy_score(y, p),
        "precision": M.precision_score(y, p),
        "recall": M.recall_score(y, p),
        "specificity": M.recall_score(y, p, pos_label=0),
        "f1": M.f1_score(y, p),
        "f2": M.fbeta_score(y, p, beta=2),
        "matthews_corrcoef": M.matthews_corrcoef(y, p),
        "cohen_kappa": M.cohen_kappa_score(y, p),
        "roc_auc": M.roc_auc_score(y, s),
        "average_precision": M.average_precision_score(y, s),
        "log_loss": M.log_loss(y, s),
        "brier_score_loss": M.brier_score_loss(y, s),
        # scikit-learn has no ECE function; the 10 uniform bins of calibration_curve, as Candor's
        "expected_calibration_error": ece(y, s),
    }


rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
r = np.random.default_rng(42)
y = (r.random(rows) < 0.3).astype(np.int64)
z = np.where(y == 1, 1.0, -1.0) + r.standard_normal(rows) * 1.2
s = 1 / (1 + np.exp(-z))
p = (s >= 0.5).astype(np.int64)
times = []
cpus = []
for _ in range(runs):
    t, c = time.perf_counter(), time.process_time()
    out = metric_set(y, p, s)
    times.append((time.perf_counter() - t) * 1000)
    cpus.append((time.process_time() - c) * 1000)
times.sort()
cpus.sort()
print("scikit-learn %s, numpy %s, %d rows: median %.0f ms over %d runs (%s); roc_auc %.6f"
      % (sklearn.__version__, np.__version__, rows, times[len(times) // 2], runs,
         ", ".join("%.0f" % t for t in times), out["roc_auc"]))
print("rows=%d scikit-learn classification metric set: wall median %.1f ms, best %.1f ms; CPU median %.1f ms, best %.1f ms"
      % (rows, times[len(times) // 2], times[0], cpus[len(cpus) // 2], cpus[0]))
