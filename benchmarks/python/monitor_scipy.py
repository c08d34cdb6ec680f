#!/usr/bin/env python3
"""The scipy/scikit-learn side of MonitorBenchmark: `rows` logged predictions with 30 features (the
generators of drift_scipy.py, numpy's RNG) in 20 windows against a reference of one window's size.
Per window, the same work as the Java monitor:
  drift of every feature: ks_2samp, wasserstein_distance / max(std, 0.001), PSI and Jensen-Shannon
  over Evidently's bins (Sturges over both samples for numeric, categories otherwise), chisquare for
  categorical; the score as a numeric feature; the label as a categorical one with the z-test and
  chi2_contingency; scikit-learn's accuracy, balanced accuracy, precision, recall, f1, roc_auc,
  average precision, log loss, Brier loss; per-group confusion counts with AIF360/fairlearn metrics;
  NannyML's CBPE estimates (with its calibration decision on the reference).
Single thread. Run with Debian's interpreter: /usr/bin/python3 benchmarks/python/monitor_scipy.py [rows]
Prints the median and best of 3 timed runs after 1 warm-up run.
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402
from sklearn import metrics  # noqa: E402
from sklearn.isotonic import IsotonicRegression  # noqa: E402
from sklearn.model_selection import StratifiedShuffleSplit  # noqa: E402

NUMERIC, CATEGORICAL, WINDOWS = 20, 10, 20


def make(n, seed, drift):
    rng = np.random.default_rng(seed)
    num = []
    for f in range(NUMERIC):
        g = rng.standard_normal(n) + (0.3 if drift and f % 3 == 0 else 0.0)
        num.append([g, np.exp(g), np.floor(40 + 10 * g)][f % 3])
    cat = []
    for f in range(CATEGORICAL):
        labels = np.array(["c%d_%d" % (f, i) for i in range(3 + 4 * f)], dtype=object)
        u = rng.random(n)
        if drift and f % 3 == 0:
            u = u * u
        cat.append(labels[(u * u * len(labels)).astype(np.int64)])
    group = np.where(rng.random(n) < 0.3, "b", "a")
    z = 0.8 * num[0] - 0.5 * (group == "b") + rng.standard_normal(n)
    score = 1 / (1 + np.exp(-z))
    y = (rng.random(n) < 1 / (1 + np.exp(-(0.8 * num[0] + (0.5 if drift else 0))))).astype(int)
    return num, cat, group, y, score, (score >= 0.5).astype(int)


def binned(ref, cur, numeric):
    if numeric and len(np.unique(ref)) > 20:
        edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, edges)[0]
        c = np.histogram(cur, edges)[0]
    else:
        keys, inv = np.unique(np.concatenate([ref, cur]), return_inverse=True)
        r = np.bincount(inv[:len(ref)], minlength=len(keys))
        c = np.bincount(inv[len(ref):], minlength=len(keys))
    return r, c


def psi_js(r, c):
    rp, cp = r / r.sum(), c / c.sum()
    rf, cf = np.where(rp == 0, 1e-4, rp), np.where(cp == 0, 1e-4, cp)
    return np.sum((rf - cf) * np.log(rf / cf)), jensenshannon(rp, cp)


def numeric_drift(ref, cur):
    stats.ks_2samp(ref, cur)
    stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
    psi_js(*binned(ref, cur, True))


def categorical_drift(ref, cur):
    r, c = binned(ref, cur, False)
    psi_js(r, c)
    stats.chisquare(c, r * c.sum() / r.sum())
    return r, c


def performance(y, p, s):
    metrics.accuracy_score(y, p)
    metrics.balanced_accuracy_score(y, p)
    metrics.precision_score(y, p, zero_division=0)
    metrics.recall_score(y, p, zero_division=0)
    metrics.f1_score(y, p, zero_division=0)
    metrics.roc_auc_score(y, s)
    metrics.average_precision_score(y, s)
    metrics.log_loss(y, s, labels=[0, 1])
    metrics.brier_score_loss(y, s)


def fairness(y, p, g):
    rates = {}
    for v in np.unique(g):
        m = g == v
        tp = np.sum((y == 1) & (p == 1) & m); fp = np.sum((y == 0) & (p == 1) & m)
        tn = np.sum((y == 0) & (p == 0) & m); fn = np.sum((y == 1) & (p == 0) & m)
        rates[v] = ((tp + fp) / m.sum(), tp / max(tp + fn, 1), fp / max(fp + tn, 1))
    sr = [r[0] for r in rates.values()]
    return max(sr) - min(sr), rates["b"][0] / rates["a"][0]


def cbpe(p, pred, raw):
    tp = p[pred == 1].sum(); fp = (1 - p[pred == 1]).sum(); fn = p[pred == 0].sum(); tn = (1 - p[pred == 0]).sum()
    acc = (tp + tn) / len(p); prec = tp / (tp + fp); rec = tp / (tp + fn); f1 = tp / (tp + 0.5 * (fp + fn))
    order = np.argsort(raw)[::-1]
    tps = np.round(np.concatenate([[0], np.cumsum(p[order])]), 5)
    fps = np.round(np.concatenate([[0], np.arange(1, len(p) + 1) - np.cumsum(p[order])]), 5)
    return acc, prec, rec, f1, np.trapz(tps / tps[-1], fps / fps[-1])


def ece(y, p):
    o = np.argsort(p, kind="stable"); p, y = p[o], y[o]; w = len(p) // 10
    return sum(abs(p[i:i + w].mean() - y[i:i + w].mean()) * len(p[i:i + w]) / len(p) for i in range(0, 10 * w, w))


def needs_calibration(y, s):
    ys, raw, cal = [], [], []
    for train, test in StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42).split(s, y):
        ir = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(s[train], y[train])
        ys.append(y[test]); raw.append(s[test]); cal.append(ir.predict(s[test]))
    ys, raw, cal = map(np.concatenate, (ys, raw, cal))
    return ece(ys, raw) > ece(ys, cal)


def monitor(ref, cur):
    rnum, rcat, rg, ry, rs, rp = ref
    calibrate = needs_calibration(ry, rs)
    ir = IsotonicRegression(out_of_bounds="clip").fit(rs, ry) if calibrate else None
    performance(ry, rp, rs)
    fairness(ry, rp, rg)
    cnum, ccat, cg, cy, cs, cp = cur
    w = len(rs)
    for k in range(WINDOWS):
        sl = slice(k * w, (k + 1) * w)
        for f in range(NUMERIC):
            numeric_drift(rnum[f], cnum[f][sl])
        for f in range(CATEGORICAL):
            categorical_drift(rcat[f], ccat[f][sl])
        numeric_drift(rs, cs[sl])
        r, c = categorical_drift(ry, cy[sl])
        stats.chi2_contingency(np.array([r, c]))
        pr, pc = ry.mean(), cy[sl].mean()
        pool = (ry.sum() + cy[sl].sum()) / (len(ry) + w)
        z = (pr - pc) / np.sqrt(pool * (1 - pool) * (1 / len(ry) + 1 / w))
        2 * (1 - stats.norm.cdf(abs(z)))
        performance(cy[sl], cp[sl], cs[sl])
        fairness(cy[sl], cp[sl], cg[sl])
        prob = ir.predict(cs[sl]) if calibrate else cs[sl]
        cbpe(prob, cp[sl], cs[sl])
        for v in ("a", "b"):
            m = cg[sl] == v
            cbpe(prob[m], cp[sl][m], cs[sl][m])


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    ref = make(rows // WINDOWS, 42, False)
    cur = make(rows, 43, True)
    monitor(ref, cur)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        monitor(ref, cur)
        times.append((time.perf_counter() - t) * 1000)
    print("rows=%d windows=%d median %.0f ms, best %.0f ms" % (rows, WINDOWS, np.median(times), min(times)))


if __name__ == "__main__":
    main()
