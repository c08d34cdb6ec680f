package dev.candor.fairness.performance;

import dev.candor.core.RadixSort;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import java.util.Arrays;
import java.util.List;

/**
 * The regression metrics, one constant each, equal to scikit-learn 1.2.1 (and fairlearn's
 * {@code mean_prediction}) on the same input, weighted with {@code sample_weight}. The key is
 * scikit-learn's function name without {@code _score}; this table is the only place it is written.
 *
 * <p>Notation: e = ŷ − y, W = Σw, a weighted mean is {@code mean_w(x) = Σ w x / W}; sums are
 * compensated (Neumaier), so results agree with numpy's pairwise sums to about 1e-13.
 *
 * <p><b>Edge cases.</b> No rows (W = 0) is undefined ({@code EMPTY_GROUP}) everywhere. R² and explained
 * variance of a constant target are undefined ({@code CONSTANT_TARGET}; sklearn's
 * {@code force_finite=True} gives 1 for a perfect prediction, else 0, see {@link ZeroDivision}); R² of
 * one row is undefined ({@code TOO_FEW_ROWS}; sklearn NaN). The squared log error refuses a negative
 * target or prediction with the column and row (sklearn raises {@code ValueError}).
 *
 * <p>Reference: scikit-learn 1.2.1 {@code sklearn.metrics} regression metrics (Pedregosa et al., JMLR
 * 12 2011); fairlearn 0.14 {@code mean_prediction}.
 *
 * @since 0.1.0
 */
public enum RegressionMetric implements PerformanceMetric<RegressionSample> {

    /** {@code mean_squared_error}: mean_w(e²). */
    MEAN_SQUARED_ERROR("mean_squared_error", "MSE", "mean_w((yhat - y)^2)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(mean(s, i -> square(s.prediction(i) - s.target(i))));
        }
    },
    /** √MSE ({@code mean_squared_error(squared=False)} in 1.2.1). */
    ROOT_MEAN_SQUARED_ERROR("root_mean_squared_error", "RMSE", "sqrt(mean_w((yhat - y)^2))") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(Math.sqrt(mean(s, i -> square(s.prediction(i) - s.target(i)))));
        }
    },
    /** {@code mean_absolute_error}: mean_w(|e|). */
    MEAN_ABSOLUTE_ERROR("mean_absolute_error", "MAE", "mean_w(|yhat - y|)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(mean(s, i -> Math.abs(s.prediction(i) - s.target(i))));
        }
    },
    /**
     * {@code median_absolute_error}: without weights {@code np.median(|e|)} (the mean of the two middle
     * values for even n); with weights sklearn's lower weighted median: sort |e|, and take the first
     * value whose cumulative weight reaches half the total (no interpolation). The two differ even for
     * unit weights ([1, 2, 3, 4]: 2.5 and 2).
     */
    MEDIAN_ABSOLUTE_ERROR("median_absolute_error", "Median absolute error", "median(|yhat - y|)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            int n = s.rows();
            if (n == 0) {
                return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
            }
            if (!s.weighted()) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = Math.abs(s.prediction(i) - s.target(i));
                }
                Arrays.sort(a);
                return MetricValue.of(n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2);
            }
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.abs(s.prediction(i) - s.target(i));
            }
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = s.weight(i);
            }
            RadixSort.sort(a, w); // stable: tied errors keep their weights in row order
            double[] cdf = new double[n];
            double c = 0;
            for (int j = 0; j < n; j++) {
                c += w[j];
                cdf[j] = c;
            }
            double half = 0.5 * cdf[n - 1];
            if (half == 0) {
                half = Math.nextUp(half);
            }
            int j = 0;
            while (j < n - 1 && cdf[j] < half) {
                j++;
            }
            return MetricValue.of(a[j]);
        }
    },
    /** {@code max_error}: max |e|, never weighted (sklearn takes no weights). */
    MAX_ERROR("max_error", "Max error", "max |yhat - y|") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            if (s.rows() == 0) {
                return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
            }
            double m = 0;
            for (int i = 0; i < s.rows(); i++) {
                m = Math.max(m, Math.abs(s.target(i) - s.prediction(i)));
            }
            return MetricValue.of(m);
        }
    },
    /**
     * {@code r2_score}: 1 − Σw e² / Σw (y − ȳ_w)². Undefined for a constant target (sklearn: 1 if
     * predicted perfectly, else 0) and for fewer than two rows (sklearn: NaN).
     */
    R2("r2", "R²", "1 - sum_w (y - yhat)^2 / sum_w (y - mean_w(y))^2") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            if (s.rows() < 2) {
                return MetricValue.undefined(UndefinedReason.TOO_FEW_ROWS);
            }
            double yBar = mean(s, s::target);
            double res = sum(s, i -> s.weight(i) * square(s.target(i) - s.prediction(i)));
            double tot = sum(s, i -> s.weight(i) * square(s.target(i) - yBar));
            return oneMinusRatio(res, tot, z);
        }
    },
    /**
     * {@code explained_variance_score}: 1 − Var_w(y − ŷ) / Var_w(y), Var_w(x) = mean_w((x − mean_w(x))²);
     * blind to a constant bias. Undefined for a constant target (sklearn as R², and 1 for one row).
     */
    EXPLAINED_VARIANCE("explained_variance", "Explained variance", "1 - Var_w(y - yhat) / Var_w(y)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            double dBar = mean(s, i -> s.target(i) - s.prediction(i));
            double num = mean(s, i -> square(s.target(i) - s.prediction(i) - dBar));
            double yBar = mean(s, s::target);
            double den = mean(s, i -> square(s.target(i) - yBar));
            return oneMinusRatio(num, den, z);
        }
    },
    /**
     * {@code mean_absolute_percentage_error}: mean_w(|e| / max(|y|, ε)), ε = 2⁻⁵²; a fraction, not a
     * percentage. A zero target gives about 4.5e15·|e| (sklearn, no warning).
     */
    MEAN_ABSOLUTE_PERCENTAGE_ERROR("mean_absolute_percentage_error", "MAPE", "mean_w(|yhat - y| / max(|y|, eps))") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(mean(s, i -> Math.abs(s.prediction(i) - s.target(i))
                    / Math.max(Math.abs(s.target(i)), ClassificationMetric.EPSILON)));
        }
    },
    /**
     * {@code mean_squared_log_error}: mean_w((ln(1 + ŷ) − ln(1 + y))²); refuses a negative target or
     * prediction, naming the column and row.
     */
    MEAN_SQUARED_LOG_ERROR("mean_squared_log_error", "MSLE", "mean_w((log1p(yhat) - log1p(y))^2)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            s.requireNonNegative(key());
            return MetricValue.of(mean(s, i -> square(Math.log1p(s.prediction(i)) - Math.log1p(s.target(i)))));
        }
    },
    /** fairlearn's {@code mean_prediction}: mean_w(ŷ). */
    MEAN_PREDICTION("mean_prediction", "Mean prediction", "mean_w(yhat)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(mean(s, s::prediction));
        }
    },
    /** fairlearn's {@code mean_prediction} of the targets: mean_w(y). */
    MEAN_TARGET("mean_target", "Mean target", "mean_w(y)") {
        @Override
        MetricValue value(RegressionSample s, ZeroDivision z) {
            return MetricValue.of(mean(s, s::target));
        }
    };

    private final String key;
    private final String displayName;
    private final String formula;

    RegressionMetric(String key, String displayName, String formula) {
        this.key = key;
        this.displayName = displayName;
        this.formula = formula;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String formula() {
        return formula;
    }

    /** @return true for R² and explained variance; the errors are better when smaller */
    @Override
    public boolean higherIsBetter() {
        return this == R2 || this == EXPLAINED_VARIANCE;
    }

    /**
     * The metrics a sample can feed: all, except the squared log error when a value is negative.
     *
     * @param sample the rows
     * @return the metrics, in table order
     */
    public static List<RegressionMetric> available(RegressionSample sample) {
        boolean logs = sample.nonNegative();
        return Arrays.stream(values()).filter(m -> m != MEAN_SQUARED_LOG_ERROR || logs).toList();
    }

    @Override
    public MetricValue compute(RegressionSample s, ZeroDivision edges) {
        if (s.totalWeight() == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        return value(s, edges);
    }

    abstract MetricValue value(RegressionSample s, ZeroDivision z);

    private static MetricValue oneMinusRatio(double num, double den, ZeroDivision z) {
        if (den != 0) {
            return MetricValue.of(1 - num / den);
        }
        if (z == ZeroDivision.UNDEFINED) {
            return MetricValue.undefined(UndefinedReason.CONSTANT_TARGET);
        }
        return MetricValue.of(num == 0 ? 1.0 : 0.0);
    }

    private static double square(double x) {
        return x * x;
    }

    private static double mean(RegressionSample s, java.util.function.IntToDoubleFunction f) {
        return sum(s, i -> s.weight(i) * f.applyAsDouble(i)) / sum(s, s::weight);
    }

    /** Neumaier's compensated sum of f(0..n−1). */
    private static double sum(RegressionSample s, java.util.function.IntToDoubleFunction f) {
        double sum = 0;
        double c = 0;
        for (int i = 0; i < s.rows(); i++) {
            double x = f.applyAsDouble(i);
            double t = sum + x;
            c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + c;
    }
}
