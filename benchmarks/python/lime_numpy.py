#!/usr/bin/env python3
"""The numpy floor for LimeBenchmark: per explained row, the numeric work of lime 0.2.0.1's
LimeTabularExplainer.explain_instance on the same problem, done the vectorised-numpy way.

Problem (as LimeBenchmark.explainRow): the golden German-credit logistic model
(golden/explain/german_model.json), all 1000 rows of datasets/german/german.data-numeric as training
data, 24 features, quartile discretizer, 5000 samples, kernel width 0.75*sqrt(24), all 24 features in
the surrogate, the 10 rows of golden/explain/german_explain_rows.csv explained in turn.

Built once (lime does it in the explainer's constructor): the quartile edges (np.unique of the
25/50/75 percentiles), each bin's min, max, mean and std + 1e-11 over the training rows, and the
observed bins' frequencies. Per row, as lime does it:
  1. x's bins; for every feature 5000 bins drawn with the observed frequencies (row 0 = x), the
     binary data "sample's bin == x's bin";
  2. undiscretize: a bin with min == max gives (min-mean)/std (lime's quirk, 0.0), every other bin a
     scipy.stats.truncnorm draw in [min, max] (loc=mean, scale=std); scipy 1.10 draws it as the
     quantile of a uniform, done here for all samples at once with the closed form
     ndtri(Phi(a) + u (Phi(b) - Phi(a))) (--check compares it with truncnorm.ppf);
  3. the model on the 5000 undiscretized rows;
  4. distances to row 0 of the binary rows, kernel weights sqrt(exp(-d^2/width^2));
  5. the weighted Ridge(alpha=1, fit_intercept=True) fit of p on the binary data (weighted centring,
     then the 24x24 normal equations, as sklearn's cholesky solver does), its weighted R^2 and the
     local prediction at row 0.
Not included: lime's string work (feature names, conditions) and, because all 24 features are kept,
the extra Ridge(alpha=0.01) fit lime's feature_selection='auto' makes to rank features (it does not
change the result here). The random streams differ from lime's, so results agree in distribution.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/python/lime_numpy.py [--runs N] [--rows R]
     [--samples S] [--shared DIR] [--check] [--system-malloc]
Prints CPU time (time.process_time) and wall time per explained row, median and best of N runs of
R rows after one warm-up run, with one BLAS thread and a malloc that keeps
its freed memory (see explain_floor.py). --check compares 50 seeds per golden row with golden/explain/german_lime.json
and exits non-zero when they disagree.
"""
import json

from explain_floor import Logistic, report_check, setup_process, start, time_rows

setup_process()
import numpy as np  # noqa: E402
from scipy.special import ndtr, ndtri  # noqa: E402
from scipy.stats import truncnorm  # noqa: E402


class Quartiles:
    """lime's QuartileDiscretizer statistics, as (features x 4) tables (unused bins padded)."""

    def __init__(self, train):
        d = train.shape[1]
        self.edges = [np.unique(np.percentile(train[:, j], [25, 50, 75])) for j in range(d)]
        self.mins = np.zeros((d, 4))
        self.maxs = np.zeros((d, 4))
        self.means = np.zeros((d, 4))
        self.stds = np.full((d, 4), 1e-11)
        self.cdf = np.ones((d, 4))  # cumulative frequencies of the observed bins, padded with 1
        self.observed = np.zeros((d, 4), dtype=np.int64)  # observed bin ids, padded with the last
        for j, e in enumerate(self.edges):
            bins = np.searchsorted(e, train[:, j])
            k = len(e) + 1
            self.mins[j, :k] = np.concatenate([[train[:, j].min()], e])
            self.maxs[j, :k] = np.concatenate([e, [train[:, j].max()]])
            for b in range(k):
                v = train[bins == b, j]
                if len(v):
                    self.means[j, b] = v.mean()
                    self.stds[j, b] = v.std() + 1e-11
            values, counts = np.unique(bins, return_counts=True)
            self.cdf[j, :len(values)] = np.cumsum(counts / counts.sum())
            self.observed[j, :] = values[-1]
            self.observed[j, :len(values)] = values
        self.cdf[:, -1] = 1.0
        self.minz = (self.mins - self.means) / self.stds
        self.maxz = (self.maxs - self.means) / self.stds
        # the cell (feature * 4 + bin) of each feature's observed bins, for flat lookups
        self.observed_cell = (self.observed + 4 * np.arange(d)[:, None]).ravel()

    def bins(self, x):
        return np.array([np.searchsorted(e, v) for e, v in zip(self.edges, x)])


def truncnorm_ppf(u, a, b):
    """scipy.stats.truncnorm.ppf(u, a, b) for a <= 0 <= b (every lime bin: its mean lies in
    [min, max]), where Phi(a) + u (Phi(b) - Phi(a)) loses no precision; clipped to [a, b]."""
    pa = ndtr(a)
    return np.clip(ndtri(pa + u * (ndtr(b) - pa)), a, b)


def ones_column(a):
    out = np.ones((a.shape[0], a.shape[1] + 1))
    out[:, :-1] = a
    return out


def explain(x, disc, model, n, width, rng, alpha=1.0):
    """(weights[d], intercept, score, local_pred) of one row, lime's algorithm."""
    d = len(x)
    base = 4 * np.arange(d)  # cells: feature * 4 + bin
    x_cells = base + disc.bins(x)
    # 1. bins drawn with the observed frequencies (inverse CDF of one uniform per entry)
    u = rng.random((n, d))
    slot = (u >= disc.cdf[:, 0]).astype(np.int64)
    slot += u >= disc.cdf[:, 1]
    slot += u >= disc.cdf[:, 2]
    cells = disc.observed_cell.take(slot + base)
    binary = (cells == x_cells).astype(np.float64)
    binary[0] = 1.0
    # 2. undiscretize rows 1..n-1
    rest = cells[1:]
    minz = disc.minz.take(rest)
    maxz = disc.maxz.take(rest)
    draw = minz != maxz
    values = minz
    c = rest[draw]
    values[draw] = disc.means.take(c) + disc.stds.take(c) * truncnorm_ppf(rng.random(len(c)), minz[draw], maxz[draw])
    inverse = np.empty((n, d))
    inverse[0] = x
    inverse[1:] = values
    # 3. model
    p = model(inverse)
    # 4. distances to row 0 and kernel weights
    dist = np.sqrt(((binary - binary[0]) ** 2).sum(axis=1))
    sw = np.sqrt(np.exp(-dist ** 2 / width ** 2))
    # 5. weighted ridge with an unpenalised intercept, weighted R^2, local prediction; the weighted
    # means come from one column-wise sum with a column of ones for the total, so that a constant
    # indicator (a feature with one observed bin) centres to exactly 0 and gets a weight of exactly 0
    sums = (ones_column(binary) * sw[:, None]).sum(axis=0)
    total = sums[-1]
    xm = sums[:-1] / total
    ym = sw @ p / total
    xc = binary - xm
    yc = p - ym
    xw = xc * sw[:, None]
    gram = xw.T @ xc
    gram[np.diag_indices(d)] += alpha
    beta = np.linalg.solve(gram, xw.T @ yc)
    intercept = ym - xm @ beta
    resid = yc - xc @ beta
    score = 1.0 - (sw @ resid ** 2) / (sw @ yc ** 2)
    local_pred = intercept + binary[0] @ beta
    return beta, intercept, score, local_pred


def load(shared):
    spec = json.loads((shared / "golden" / "explain" / "german_model.json").read_text())
    train = np.loadtxt(shared / "datasets" / "german" / "german.data-numeric")[:, :24]
    rows = np.loadtxt(shared / "golden" / "explain" / "german_explain_rows.csv", delimiter=",", skiprows=1)
    return Logistic(spec), train, rows


def check(shared, n, width):
    failures = []
    golden = json.loads((shared / "golden" / "explain" / "german_lime.json").read_text())
    model, train, _ = load(shared)
    disc = Quartiles(train)
    # the discretizer against lime's
    worst_stat = 0.0
    for j, gd in enumerate(golden["discretizer"]):
        if not np.array_equal(disc.edges[j], gd["edges_after_np_unique"]):
            failures.append(f"f{j}: quartile edges differ from lime's")
        for gb in gd["bins"]:
            k = gb["bin"]
            for ours, key in ((disc.means[j, k], "mean"), (disc.stds[j, k], "std_plus_1e-11"),
                              (disc.mins[j, k], "min"), (disc.maxs[j, k], "max")):
                worst_stat = max(worst_stat, abs(ours - gb[key]))
    print(f"check discretizer: edges equal to lime's for all 24 features; "
          f"max |bin min/max/mean/std - lime's| = {worst_stat:.1e}")
    if worst_stat > 1e-12:
        failures.append("bin statistics differ from lime's")
    cells = np.unique(disc.observed_cell)  # the bins that can be drawn
    cells = cells[disc.minz.take(cells) != disc.maxz.take(cells)]
    a, b = disc.minz.take(cells), disc.maxz.take(cells)
    if np.any(a > 0) or np.any(b < 0):
        failures.append("a bin whose mean lies outside [min, max]")
    u = np.linspace(0.0, 1.0, 1001)[:, None]
    ppf_diff = float(np.max(np.abs(disc.stds.take(cells) * (truncnorm_ppf(u, a, b) - truncnorm.ppf(u, a, b)))))
    print(f"check undiscretize: max |value - scipy truncnorm.ppf value| over the {len(cells)} drawn bins and 1001 quantiles "
          f"= {ppf_diff:.1e}")
    if ppf_diff > 1e-9:
        failures.append("the truncated-normal quantiles differ from scipy's")
    exceed, points, worst_z, zero_ok = 0, 0, 0.0, True
    for i, inst in enumerate(golden["instances"]):
        x = np.asarray(inst["x"], dtype=np.float64)
        res = [explain(x, disc, model, n, width, np.random.default_rng(100 * i + s)) for s in range(50)]
        w = np.array([r[0] for r in res])
        zero_ok &= bool(np.all(w[:, 10] == 0) and np.all(w[:, 17] == 0))
        pairs = [(w, np.asarray(inst["weights_mean"]), np.asarray(inst["weights_standard_error"]))]
        for k, name in ((1, "intercept"), (2, "score"), (3, "local_pred")):
            v = np.array([r[k] for r in res])
            pairs.append((v, np.asarray(inst[name + "_mean"]), np.asarray(inst[name + "_std"]) / np.sqrt(50)))
        for v, ref_mean, ref_se in pairs:
            se = v.std(axis=0, ddof=1) / np.sqrt(len(v))
            z = np.abs(v.mean(axis=0) - ref_mean) / np.sqrt(se ** 2 + ref_se ** 2 + 1e-300)
            z = np.where((se == 0) & (ref_se == 0) & (v.mean(axis=0) == ref_mean), 0.0, z)
            exceed += int(np.sum(z > 4))
            points += np.size(z)
            worst_z = max(worst_z, float(np.max(z)))
    print(f"check 10 rows x 50 seeds: weights, intercept, score and local_pred means vs lime's: "
          f"{exceed} of {points} beyond 4 combined SE (largest {worst_z:.2f} SE); "
          f"f10 and f17 weights exactly 0: {zero_ok}")
    if exceed > 3:
        failures.append(f"{exceed} of {points} means beyond 4 combined standard errors of lime's")
    if not zero_ok:
        failures.append("the weights of f10 and f17 (single observed bin) are not exactly 0")
    return failures


def main():
    args, shared = start(__doc__, "lime_numpy.py", 7, "rows explained per run (cycling the 10 golden rows)",
                         lambda ap: ap.add_argument("--samples", type=int, default=5000))
    width = 0.75 * np.sqrt(24)
    if args.check:
        report_check(check(shared, args.samples, width))
    model, train, rows = load(shared)
    disc = Quartiles(train)
    print(f"rows={args.rows} samples={args.samples} features=24 training={len(train)} kernel width={width:.4f}")
    rng = np.random.default_rng(7)
    cycle = [rows[i % len(rows)] for i in range(args.rows)]
    time_rows("lime", lambda x: explain(x, disc, model, args.samples, width, rng), cycle, args.runs)


if __name__ == "__main__":
    main()
