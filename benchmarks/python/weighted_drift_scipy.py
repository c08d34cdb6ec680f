"""Reference values for Candor's weighted drift statistics (WeightedDriftTest), from scipy 1.10.1.

Run with Debian's interpreter (numpy 1.24.2, scipy 1.10.1, the golden files' versions):
    /usr/bin/python3 benchmarks/python/weighted_drift_scipy.py
"""
import numpy as np
import scipy
from scipy.stats import wasserstein_distance, energy_distance

CASES = [
    ([0.0, 1.0, 3.0], [5.0, 6.0, 8.0], [1.0, 2.0, 3.0], [3.0, 1.0, 0.5]),
    ([3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5]),
    ([-2.5, 0.0, 0.0, 1.25, 10.0], [0.0, 0.5, 1.25, 1.25], [0.1, 2.0, 0.3, 4.0, 0.25], [1.0, 1.0, 2.5, 0.5]),
]

print("scipy", scipy.__version__, "numpy", np.__version__)
for u, v, uw, vw in CASES:
    print(repr(wasserstein_distance(u, v, uw, vw)), repr(energy_distance(u, v, uw, vw)))
