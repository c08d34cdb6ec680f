package dev.candor.monitor.window;

import dev.candor.core.RadixSort;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.ZeroDivision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NannyML's confidence-based performance estimation (CBPE, {@code nannyml/performance_estimation/
 * confidence_based/metrics.py}): with {@code p} the (calibrated) probability of the favorable class
 * and {@code ŷ} the prediction, the expected confusion counts are {@code TP = Σ_{ŷ=1} p},
 * {@code FP = Σ_{ŷ=1} (1−p)}, {@code FN = Σ_{ŷ=0} p}, {@code TN = Σ_{ŷ=0} (1−p)}, and
 *
 * <ul>
 *   <li>{@code accuracy = (TP + TN) / n};</li>
 *   <li>{@code precision = TP/(TP+FP)}, {@code recall = TP/(TP+FN)}, {@code f1 = TP/(TP + ½(FP+FN))},
 *       each 0 when its denominator is 0;</li>
 *   <li>{@code roc_auc}: rows ordered by the raw score, descending; {@code tps_k = Σ_{i≤k} p_i},
 *       {@code fps_k = k+1 − tps_k} (with a leading 0), both rounded to 5 decimals (half to even),
 *       normalised by their last value, and integrated by the trapezoidal rule.</li>
 * </ul>
 *
 * <p>The realized values ({@link #realized}) follow NannyML's {@code _realized_performance}:
 * scikit-learn's metrics, but precision, recall and F1 are undefined ({@code NaN}) when y or the
 * prediction has a single value in the window, and ROC AUC when y has a single class.
 *
 * <p>Reference: NannyML 0.13.1, "Confidence-based Performance Estimation"
 * (docs.nannyml.com, "How it works"). CBPE assumes P(y | score) does not change; a concept shift is
 * invisible to it (the realized values show it once labels arrive).
 *
 * @since 0.2.0
 */
public final class Cbpe {

    /** The estimated metrics, in NannyML's order. */
    public static final List<String> METRICS = List.of("accuracy", "precision", "recall", "f1", "roc_auc");

    private Cbpe() {
    }

    /**
     * @param p          the probabilities of the favorable class (calibrated or raw)
     * @param prediction the predictions, 0/1
     * @param raw        the raw scores (they order the ROC sweep)
     * @return the estimates by metric name; {@code NaN} for every metric of an empty window
     */
    public static Map<String, Double> estimate(double[] p, int[] prediction, double[] raw) {
        int n = p.length;
        Map<String, Double> m = new LinkedHashMap<>();
        if (n == 0) {
            METRICS.forEach(k -> m.put(k, Double.NaN));
            return Collections.unmodifiableMap(m);
        }
        double tp = 0;
        double fp = 0;
        double fn = 0;
        double tn = 0;
        for (int i = 0; i < n; i++) {
            if (prediction[i] == 1) {
                tp += p[i];
                fp += 1 - p[i];
            } else {
                fn += p[i];
                tn += 1 - p[i];
            }
        }
        m.put("accuracy", (tp + tn) / n);
        m.put("precision", tp + fp == 0 ? 0.0 : tp / (tp + fp));
        m.put("recall", tp + fn == 0 ? 0.0 : tp / (tp + fn));
        double f1d = tp + 0.5 * (fp + fn);
        m.put("f1", f1d == 0 ? 0.0 : tp / f1d);
        m.put("roc_auc", rocAuc(p, raw));
        return Collections.unmodifiableMap(m);
    }

    /** The estimated ROC AUC (see the class comment). */
    static double rocAuc(double[] p, double[] raw) {
        int n = p.length;
        int[] order = RadixSort.order(raw, true); // descending, ties in row order
        double[] tps = new double[n + 1];
        double[] fps = new double[n + 1];
        double cum = 0;
        for (int k = 0; k < n; k++) {
            cum += p[order[k]];
            tps[k + 1] = Math.rint(cum * 1e5) / 1e5;
            fps[k + 1] = Math.rint(((k + 1) - cum) * 1e5) / 1e5;
        }
        double tl = tps[n];
        double fl = fps[n];
        if (tl == 0 || fl == 0) {
            return Double.NaN;
        }
        double area = 0;
        for (int k = 1; k <= n; k++) {
            area += (fps[k] / fl - fps[k - 1] / fl) * (tps[k] / tl + tps[k - 1] / tl) / 2;
        }
        return area;
    }

    /**
     * @param y          true labels, 0/1
     * @param prediction predictions, 0/1
     * @param raw        raw scores
     * @return NannyML's realized accuracy, precision, recall, f1 and roc_auc ({@code NaN} where undefined)
     */
    public static Map<String, Double> realized(int[] y, int[] prediction, double[] raw) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (y.length == 0) {
            METRICS.forEach(k -> m.put(k, Double.NaN));
            return Collections.unmodifiableMap(m);
        }
        ClassificationSample s = ClassificationSample.of(y, prediction, raw, null);
        boolean yOne = single(y);
        boolean predOne = single(prediction);
        m.put("accuracy", value(ClassificationMetric.ACCURACY.compute(s, ZeroDivision.ZERO)));
        for (ClassificationMetric c : List.of(ClassificationMetric.PRECISION, ClassificationMetric.RECALL,
                ClassificationMetric.F1)) {
            m.put(c.key(), yOne || predOne ? Double.NaN : value(c.compute(s, ZeroDivision.ZERO)));
        }
        m.put("roc_auc", yOne ? Double.NaN : value(ClassificationMetric.ROC_AUC.compute(s, ZeroDivision.ZERO)));
        return Collections.unmodifiableMap(m);
    }

    private static boolean single(int[] v) {
        for (int x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    private static double value(MetricValue v) {
        return v.value();
    }
}
