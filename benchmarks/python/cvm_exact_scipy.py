"""Reference values for Candor's exact two-sample Cramer-von Mises p-value (CramerVonMisesExactTest).

scipy 1.10.1's cramervonmises_2samp(x, y, method='auto') is exact when max(len(x), len(y)) <= 20.
Run with Debian's interpreter (the golden files' versions):
    /usr/bin/python3 benchmarks/python/cvm_exact_scipy.py
"""
import scipy
from scipy.stats import cramervonmises_2samp

CASES = [
    ([1.2, 3.4, 0.5, 2.2, 4.1], [2.8, 5.5, 6.1, 3.9]),
    ([0.1, 0.4, 0.35, 0.8, 0.95, 0.2, 0.6], [0.5, 0.55, 0.9, 1.3, 1.1, 0.75, 1.05, 1.2, 0.65]),
    ([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 5, 5, 6, 6, 7, 7]),
    ([float(i) for i in range(20)], [i + 0.5 for i in range(-3, 15)]),
    ([3.0, 1.0, 2.0], [2.5, 0.5, 1.5]),
]
print("scipy", scipy.__version__)
for x, y in CASES:
    r = cramervonmises_2samp(x, y, method="auto")
    print(repr(r.statistic), repr(r.pvalue))
