#!/usr/bin/env python3
"""shap's own KernelExplainer on KernelShapBenchmark's work, for a same-machine, same-core ratio.

Problem (as KernelShapBenchmark and kernelshap_numpy.py): the golden German-credit logistic model
(golden/explain/german_model.json), background = golden/explain/german_background.csv (50 rows),
rows 100..199 of datasets/german/german.data-numeric; per row
shap.KernelExplainer(f, background).shap_values(x, nsamples=2048, l1_reg=False), as the golden files
call it. The model is the same vectorised numpy function as the floor's.

Needs a python with shap (0.51.0 is the version of the golden files) and numpy; it is not part of the
test suite. shap is run as its users run it: one BLAS thread (the benchmark pins one core) but glibc's
default malloc, unlike the floors.

Run: taskset -c 1 PYTHON benchmarks/python/kernelshap_shap.py [--runs N] [--rows R] [--nsamples S]
     [--shared DIR]
Prints CPU time (time.process_time) and wall time per explained row, median and best of N runs of all
R rows after one warm-up run, in the floors' format (headline.sh reads it).
"""
import json
import os
import sys
import warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
if "--system-malloc" not in sys.argv:
    sys.argv.append("--system-malloc")  # shap as its users run it: the explain_floor re-exec is skipped

from explain_floor import Logistic, start, time_rows  # noqa: E402

import numpy as np  # noqa: E402


def load(shared, first, count):
    """The model, background and explained rows, read exactly as kernelshap_numpy.py reads them."""
    spec = json.loads((shared / "golden" / "explain" / "german_model.json").read_text())
    bg = np.loadtxt(shared / "golden" / "explain" / "german_background.csv", delimiter=",", skiprows=1)[:, :24]
    data = np.loadtxt(shared / "datasets" / "german" / "german.data-numeric")
    if data.shape[0] < first + count:
        sys.exit(f"kernelshap_shap.py: german.data-numeric has {data.shape[0]} rows, need {first + count}")
    return Logistic(spec), bg, data[first:first + count, :24]


def main():
    args, shared = start(__doc__, "kernelshap_shap.py", 3, "rows explained per run, from row 100",
                         lambda ap: ap.add_argument("--nsamples", type=int, default=2048))
    try:
        import shap
    except ImportError:
        sys.exit(f"kernelshap_shap.py: {sys.executable} cannot import shap (pip install shap==0.51.0)")
    model, bg, rows = load(shared, 100, args.rows)
    explainer = shap.KernelExplainer(model, bg)
    print(f"shap {shap.__version__}; rows={len(rows)} nsamples={args.nsamples} background={len(bg)}")
    np.random.seed(1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        time_rows("kernelshap", lambda x: explainer.shap_values(x, nsamples=args.nsamples, l1_reg=False,
                                                                silent=True), rows, args.runs)


if __name__ == "__main__":
    main()
