"""What kernelshap_numpy.py and lime_numpy.py share: the process set-up (one BLAS thread, a malloc
that keeps its freed memory), finding the shared folder, the golden logistic model and the timing loop.

glibc's malloc returns large freed blocks to the kernel and faults them in again on the next
allocation; numpy allocates a fresh array for every intermediate, so a row of LIME spent about
four fifths of its CPU time in page faults (55 ms instead of 10.5 ms). A floor should not pay that, so
the scripts re-execute themselves once with MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ and
MALLOC_TOP_PAD_ set (glibc reads them only at start); --system-malloc keeps the defaults.
"""
import argparse
import os
import sys
import time
from pathlib import Path

MALLOC = {"MALLOC_MMAP_THRESHOLD_": "1073741824", "MALLOC_TRIM_THRESHOLD_": "4294967296",
          "MALLOC_TOP_PAD_": "268435456"}


def setup_process():
    """One BLAS/OpenMP thread; re-executes the script with the malloc settings unless --system-malloc."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if "--system-malloc" in sys.argv:
        return
    if any(os.environ.get(k) != v for k, v in MALLOC.items()):
        os.environ.update(MALLOC)
        os.execv(sys.executable, [sys.executable] + sys.argv)


def start(doc, script, runs, rows_help, add_arguments):
    """Parses the command line (the script's own options and the common ones), finds the shared
    folder and prints the versions; returns (arguments, shared folder)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--runs", type=int, default=runs, help="timed runs (median reported)")
    ap.add_argument("--rows", type=int, default=100, help=rows_help)
    add_arguments(ap)
    ap.add_argument("--shared", help="the shared folder (default: $CANDOR_SHARED, else ../shared of the checkout)")
    ap.add_argument("--check", action="store_true", help="compare with golden/explain and exit (non-zero on disagreement)")
    ap.add_argument("--system-malloc", action="store_true", help="keep glibc's default malloc settings")
    args = ap.parse_args()
    shared = shared_dir(args.shared, script)
    print(describe())
    return args, shared


def describe():
    import numpy as np
    malloc = "default" if "--system-malloc" in sys.argv else "no trim"
    return (f"numpy {np.__version__}, python {sys.version.split()[0]}, "
            f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, malloc {malloc}")


def shared_dir(arg, script):
    if arg and not Path(arg, "golden", "explain").is_dir():
        # a folder given explicitly is used or refused, never replaced by another one
        sys.exit(f"{script}: --shared {arg}: no golden/explain folder there")
    checkout = Path(__file__).resolve().parents[2]  # benchmarks/python/ of a checkout
    for d in [arg, os.environ.get("CANDOR_SHARED"), checkout.parent / "shared"]:
        if d and Path(d, "golden", "explain").is_dir():
            return Path(d)
    sys.exit(f"{script}: shared folder with golden/explain not found: pass --shared DIR or set CANDOR_SHARED")


class Logistic:
    """The golden model: p = 1/(1+exp(-(b + sum_j w_j (x_j-mu_j)/sd_j))), vectorised over rows."""

    def __init__(self, spec):
        import numpy as np
        mu, sd, w = (np.asarray(spec[k], dtype=np.float64) for k in ("mu", "sd", "w"))
        self.coef = w / sd
        self.intercept = float(spec["b"]) - float(np.dot(self.coef, mu))

    def __call__(self, x):
        import numpy as np
        return 1.0 / (1.0 + np.exp(-(x @ self.coef + self.intercept)))


def time_rows(label, explain_row, rows, runs):
    """Explains every row once to warm up, then times `runs` passes; prints CPU and wall ms per row."""
    for x in rows:
        explain_row(x)
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for x in rows:
            explain_row(x)
        cpu.append((time.process_time() - c0) / len(rows))
        wall.append((time.perf_counter() - t0) / len(rows))
    wall.sort()
    cpu.sort()
    mid = len(wall) // 2
    print(f"{label} per row: cpu median {cpu[mid] * 1e3:.2f} ms, best {cpu[0] * 1e3:.2f} ms; "
          f"wall median {wall[mid] * 1e3:.2f} ms, best {wall[0] * 1e3:.2f} ms (median of {len(wall)} runs)")


def report_check(failures):
    for f in failures:
        print("FAIL:", f)
    print("check:", "FAILED" if failures else "ok")
    sys.exit(1 if failures else 0)
