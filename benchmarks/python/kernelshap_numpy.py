#!/usr/bin/env python3
"""The numpy floor for KernelShapBenchmark: per explained row, the work of shap's KernelExplainer
(shap_values(x, nsamples=2048, l1_reg=False)) on the same problem, done the vectorised-numpy way.

Problem (as KernelShapBenchmark): the golden German-credit logistic model
(golden/explain/german_model.json, p = 1/(1+exp(-(b + sum w*(x-mu)/sd)))), background =
golden/explain/german_background.csv (50 rows), rows 100..199 of datasets/german/german.data-numeric.

Per row, as shap does it:
  1. the features that vary against the background (shap's varying_groups), f(x);
  2. the coalition plan: the subset sizes are weighted by the Shapley kernel, the sizes whose
     subsets (with their complements) fit into the remaining budget are enumerated with their exact
     kernel weights, the rest is drawn at random (a size from the remaining weights, then a random
     subset of that size, and its complement when the size is paired); a repeated draw raises the
     weight of the coalition instead of adding it, and the random part's weights are rescaled to the
     kernel mass left over;
  3. the masked data: the background tiled nsamples times, x written into the columns of each
     coalition (nsamples x 50 rows of 24 features);
  4. the model on all of it in one vectorised call, the mean over the background rows of each
     coalition;
  5. the weighted least squares with the efficiency constraint eliminated through the last feature
     (shap's solve), |phi| < 1e-10 set to 0.
Only the order of operations is vectorised; the random streams differ from shap's (it draws with
np.random.choice / np.random.permutation one coalition at a time), so results agree in distribution.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/python/kernelshap_numpy.py [--runs N] [--rows R]
     [--nsamples S] [--shared DIR] [--check] [--system-malloc]
Prints CPU time (time.process_time) and wall time per explained row, median and best of N runs of
all R rows after one warm-up run, with one BLAS thread and a malloc that keeps
its freed memory (see explain_floor.py). --check compares the estimates with golden/explain's exact
Shapley values and shap's own outputs and exits non-zero when they disagree.
"""
import json
import sys
from itertools import combinations
from math import comb

from explain_floor import Logistic, report_check, setup_process, start, time_rows

setup_process()
import numpy as np  # noqa: E402


def size_weights(m):
    """shap's weights of the subset sizes 1..ceil((M-1)/2) (paired sizes doubled), summing to 1."""
    n_sizes = m // 2  # ceil((M-1)/2)
    n_paired = (m - 1) // 2
    w = np.array([(m - 1.0) / (k * (m - k)) for k in range(1, n_sizes + 1)])
    w[:n_paired] *= 2
    return w / w.sum(), n_sizes, n_paired


def enumerated_plan(m, nsamples):
    """The enumerated part of shap's plan: (masks, weights, number of fully enumerated sizes).

    Depends only on M and nsamples, so it is built once and reused for every row (shap rebuilds it
    row by row with itertools.combinations; reusing it only makes the floor lower)."""
    weights, n_sizes, n_paired = size_weights(m)
    remaining = weights.copy()
    left = nsamples
    masks, kw, n_full = [], [], 0
    for k in range(1, n_sizes + 1):
        paired = k <= n_paired
        n_subsets = comb(m, k) * (2 if paired else 1)
        if left * remaining[k - 1] / n_subsets < 1.0 - 1e-8:
            break
        n_full += 1
        left -= n_subsets
        if remaining[k - 1] < 1.0:
            remaining /= 1 - remaining[k - 1]
        w = weights[k - 1] / comb(m, k) / (2.0 if paired else 1.0)
        idx = np.array(list(combinations(range(m), k)), dtype=np.int64)
        sub = np.zeros((len(idx), m), dtype=bool)
        sub[np.arange(len(idx))[:, None], idx] = True
        if paired:  # each subset followed by its complement, as shap adds them
            sub = np.stack([sub, ~sub], axis=1).reshape(-1, m)
        masks.append(sub)
        kw.append(np.full(len(sub), w))
    if not masks:
        return np.zeros((0, m), dtype=bool), np.zeros(0), 0
    return np.concatenate(masks), np.concatenate(kw), n_full


def random_plan(rng, m, budget, n_full):
    """The random part of shap's plan, vectorised: (masks, counts) of the first `budget` coalitions.

    Candidates are processed in draw order: a new subset is added (then its complement, if its size
    is paired and the budget is not used up), a repeated subset raises the count of the first one and
    of its complement. shap draws the sizes for 4*budget candidates and stops when the budget is
    full; so does this, drawing the subsets a block at a time."""
    weights, _, n_paired = size_weights(m)
    rw = weights.copy()
    rw[:n_paired] /= 2  # a paired draw adds two coalitions
    rw = rw[n_full:]
    rw /= rw.sum()
    sizes = rng.choice(len(rw), 4 * budget, p=rw) + n_full + 1
    bits = np.left_shift(np.int64(1), np.arange(m, dtype=np.int64))
    keys = np.zeros(0, dtype=np.int64)
    block = max(64, budget // 2 + budget // 8)
    while True:
        part = sizes[len(keys):len(keys) + block]
        # a uniformly random subset of each size: the features of the `size` smallest uniforms
        u = rng.random((len(part), m))
        kth = np.sort(u, axis=1)[np.arange(len(part)), part - 1]
        keys = np.concatenate([keys, np.where(u <= kth[:, None], bits, 0).sum(axis=1)])
        uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        is_first = np.zeros(len(keys), dtype=bool)
        is_first[first] = True
        filled = np.cumsum(np.where(is_first, 1 + (sizes[:len(keys)] <= n_paired), 0))
        if filled[-1] >= budget or len(keys) == len(sizes):
            break
    n = min(int(np.searchsorted(filled, budget)) + 1, len(keys))  # candidates processed
    new = np.flatnonzero(is_first[:n])  # the candidate of each new subset, in order
    counts = np.bincount(inverse[:n], minlength=len(uniq)).astype(np.float64)
    sub = (keys[new][:, None] & bits[None, :]) != 0
    rows = np.repeat(np.arange(len(new)), 1 + (sizes[new] <= n_paired))
    comp = np.zeros(len(rows), dtype=bool)
    comp[1:] = rows[1:] == rows[:-1]  # the second row of a pair is the complement
    masks = sub[rows] ^ comp[:, None]
    cnt = counts[inverse[new]][rows]
    return masks[:budget], cnt[:budget]


def explain(x, bg, model, fnull, fixed_masks, fixed_w, n_full, nsamples, rng):
    """Shapley value estimates of one row (length M), shap's KernelExplainer algorithm."""
    n_bg, m = bg.shape
    varying = np.any(~np.isclose(bg, x[None, :], equal_nan=True), axis=0)
    if not varying.all():
        raise ValueError("a feature equal to every background value: not part of this benchmark")
    fx = model(x[None, :])[0]
    budget = nsamples - len(fixed_masks)
    if budget > 0:
        rmasks, rcounts = random_plan(rng, m, budget, n_full)
        weights, _, _ = size_weights(m)
        rw = rcounts * (weights[n_full:].sum() / rcounts.sum())
        masks = np.concatenate([fixed_masks, rmasks])
        kw = np.concatenate([fixed_w, rw])
    else:
        masks, kw = fixed_masks, fixed_w
    s = len(masks)
    # masked data by tiling: every coalition's block of background rows with x in its columns
    synth = np.tile(bg, (s, 1)).reshape(s, n_bg, m)
    coalition, feature = masks.nonzero()
    synth[coalition, :, feature] = x[feature][:, None]
    ey = model(synth.reshape(-1, m)).reshape(s, n_bg).mean(axis=1)
    # weighted least squares, efficiency constraint eliminated through the last feature
    maskf = masks.astype(np.float64)
    total = fx - fnull
    y = ey - fnull - maskf[:, -1] * total
    a = maskf[:, :-1] - maskf[:, -1:]
    aw = a * kw[:, None]
    w = np.linalg.solve(aw.T @ a, aw.T @ y)
    phi = np.append(w, total - w.sum())
    phi[np.abs(phi) < 1e-10] = 0.0
    return phi, fx


def load(shared, first_row, n_rows, model_file="german_model.json", cols=24):
    spec = json.loads((shared / "golden" / "explain" / model_file).read_text())
    bg = np.loadtxt(shared / "golden" / "explain" / "german_background.csv", delimiter=",", skiprows=1)[:, :cols]
    data = np.loadtxt(shared / "datasets" / "german" / "german.data-numeric")
    if data.shape[0] < first_row + n_rows:
        sys.exit(f"kernelshap_numpy.py: german.data-numeric has {data.shape[0]} rows, need {first_row + n_rows}")
    return Logistic(spec), bg, data[first_row:first_row + n_rows, :cols]


class Explainer:
    def __init__(self, model, bg, nsamples):
        m = bg.shape[1]
        self.model, self.bg = model, bg
        self.nsamples = min(nsamples, 2 ** m - 2)
        self.fnull = model(bg).mean()
        self.fixed_masks, self.fixed_w, self.n_full = enumerated_plan(m, self.nsamples)

    def __call__(self, x, rng):
        return explain(x, self.bg, self.model, self.fnull, self.fixed_masks, self.fixed_w, self.n_full,
                       self.nsamples, rng)


def check(shared):
    """Compares with golden/explain; returns the list of failures (empty when all agree)."""
    failures = []
    g = shared / "golden" / "explain"
    # 1. full enumeration on the 10-feature model: equal to the exact values
    exact10 = json.loads((g / "german_shap_exact.json").read_text())
    model10, bg10, _ = load(shared, 100, 10, "german_model10.json", cols=10)
    ex10 = Explainer(model10, bg10, 2 ** 10)
    worst = 0.0
    for inst in exact10["instances"]:
        phi, _ = ex10(np.asarray(inst["x"], dtype=np.float64)[:10], np.random.default_rng(0))
        ex = np.asarray(inst["exact"])
        worst = max(worst, float(np.max(np.abs(phi - ex)) / np.max(np.abs(ex))))
    print(f"check M=10, full enumeration (1022 coalitions): max |phi - exact| / max |exact| = {worst:.2e} "
          f"(bound 1e-9; shap's own {exact10['max_abs_diff_overall']:.1e} absolute)")
    if worst > 1e-9:
        failures.append("M=10 full enumeration differs from the exact Shapley values")
    # 2. sampled, M=24, nsamples=512, 30 seeds: error against exact equal to shap's
    sampled = json.loads((g / "german_shap_sampled.json").read_text())
    model, bg, _ = load(shared, 100, 10)
    ex512 = Explainer(model, bg, 512)
    ex2048 = Explainer(model, bg, 2048)
    mae_ours, mae_shap, exceed, points, mae2048 = [], [], 0, 0, []
    for i, inst in enumerate(sampled["instances"]):
        x = np.asarray(inst["x"], dtype=np.float64)
        exact = np.asarray(inst["exact"])
        runs = np.array([ex512(x, np.random.default_rng(1000 * i + s))[0] for s in range(30)])
        mae_ours.append(np.abs(runs - exact).mean())
        mae_shap.append(inst["mae_vs_exact"])
        se = runs.std(axis=0, ddof=1) / np.sqrt(len(runs))
        z = np.abs(runs.mean(axis=0) - np.asarray(inst["shap_mean"])) / np.sqrt(
            se ** 2 + np.asarray(inst["shap_standard_error"]) ** 2)
        exceed += int((z > 4).sum())
        points += len(z)
        runs2048 = np.array([ex2048(x, np.random.default_rng(5000 + 1000 * i + s))[0] for s in range(10)])
        mae2048.append(np.abs(runs2048 - exact).mean())
        # efficiency: the values sum to f(x) - E f
        eff = np.abs(runs.sum(axis=1) - (inst["prediction"] - inst["base_value"])).max()
        if eff > 1e-9:
            failures.append(f"instance {i}: values do not sum to f(x) - E f ({eff:.1e})")
    ratio = np.mean(mae_ours) / np.mean(mae_shap)
    print(f"check M=24, nsamples=512, 30 seeds x 10 rows: MAE vs exact {np.mean(mae_ours):.3e} "
          f"(shap {np.mean(mae_shap):.3e}, ratio {ratio:.3f}; per row "
          f"{min(np.array(mae_ours) / mae_shap):.2f}..{max(np.array(mae_ours) / mae_shap):.2f}); "
          f"seed means vs shap's beyond 4 combined SE: {exceed} of {points}")
    print(f"check M=24, nsamples=2048, 10 seeds x 10 rows: MAE vs exact {np.mean(mae2048):.3e}")
    if not 0.9 <= ratio <= 1.1:
        failures.append(f"MAE ratio to shap {ratio:.3f} outside 0.9..1.1")
    if exceed > 5:
        failures.append(f"{exceed} of {points} seed means beyond 4 combined standard errors of shap's")
    return failures


def main():
    args, shared = start(__doc__, "kernelshap_numpy.py", 5, "rows explained per run, from row 100",
                         lambda ap: ap.add_argument("--nsamples", type=int, default=2048))
    if args.check:
        report_check(check(shared))
    model, bg, rows = load(shared, 100, args.rows)
    ex = Explainer(model, bg, args.nsamples)
    print(f"rows={len(rows)} nsamples={ex.nsamples} background={len(bg)} "
          f"(enumerated coalitions {len(ex.fixed_masks)}, sizes 1..{ex.n_full} and complements)")
    rng = np.random.default_rng(1)
    time_rows("kernelshap", lambda x: ex(x, rng), rows, args.runs)


if __name__ == "__main__":
    main()
