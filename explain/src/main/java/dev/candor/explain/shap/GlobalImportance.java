package dev.candor.explain.shap;

import dev.candor.core.Html;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Global feature importance from many explanations: for each player j over n explained rows,
 * <ul>
 *   <li>{@code meanAbs[j] = (1/n) sum_i |phi_ij|} (shap's bar plot),</li>
 *   <li>{@code stdAbs[j]}: the population standard deviation of |phi_ij| (divisor n, so defined for
 *       n = 1, where it is 0),</li>
 *   <li>{@code meanSigned[j] = (1/n) sum_i phi_ij} (direction; near 0 when the base value is the mean
 *       of the explained rows),</li>
 *   <li>{@code q10, q50, q90}: quantiles of |phi_ij| (linear interpolation between order statistics,
 *       Hyndman and Fan type 7, numpy's default),</li>
 *   <li>{@code ciLower, ciUpper}: a seeded percentile bootstrap interval of {@code meanAbs}
 *       (Efron and Tibshirani 1993, doi:10.1201/9780429246593): rows are resampled with replacement
 *       {@code resamples} times, and the quantiles (1 - level)/2 and (1 + level)/2 of the resampled
 *       means are taken (type 7).</li>
 * </ul>
 * The same seed gives the same interval. All arrays are copies.
 *
 * @param names      the player names
 * @param rows       the number of explanations n (at least 1)
 * @param meanAbs    mean |phi| per player
 * @param stdAbs     population standard deviation of |phi| per player
 * @param meanSigned mean phi per player
 * @param q10        10th percentile of |phi|
 * @param q50        median of |phi|
 * @param q90        90th percentile of |phi|
 * @param ciLower    lower bootstrap bound of meanAbs
 * @param ciUpper    upper bootstrap bound of meanAbs
 * @param level      the confidence level of the interval, e.g. 0.95
 * @param resamples  the number of bootstrap resamples
 * @param seed       the bootstrap seed
 * @since 0.1.0
 */
public record GlobalImportance(String[] names, int rows, double[] meanAbs, double[] stdAbs, double[] meanSigned,
                               double[] q10, double[] q50, double[] q90, double[] ciLower, double[] ciUpper,
                               double level, int resamples, long seed) {

    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;
    /** Default bootstrap seed. */
    public static final long DEFAULT_SEED = 42L;

    public GlobalImportance {
        names = names.clone();
        meanAbs = meanAbs.clone();
        stdAbs = stdAbs.clone();
        meanSigned = meanSigned.clone();
        q10 = q10.clone();
        q50 = q50.clone();
        q90 = q90.clone();
        ciLower = ciLower.clone();
        ciUpper = ciUpper.clone();
    }

    /**
     * Importance with the default bootstrap (1000 resamples, 95 %, seed 42).
     *
     * @param values {@code values[i][j]}: value of player j in explanation i (at least one row; finite)
     * @param names  one name per player
     * @return the importance
     */
    public static GlobalImportance of(double[][] values, String[] names) {
        return of(values, names, DEFAULT_RESAMPLES, DEFAULT_LEVEL, DEFAULT_SEED);
    }

    /**
     * @param values    {@code values[i][j]}
     * @param names     one name per player
     * @param resamples bootstrap resamples (at least 1)
     * @param level     confidence level in (0, 1)
     * @param seed      bootstrap seed
     * @return the importance
     * @throws IllegalArgumentException if there are no rows, rows of different widths, non-finite values,
     *                                  names that do not match, or bad bootstrap settings
     */
    public static GlobalImportance of(double[][] values, String[] names, int resamples, double level, long seed) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(names, "names");
        if (values.length == 0) {
            throw new IllegalArgumentException("values must hold at least one explanation");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int m = names.length;
        int n = values.length;
        double[][] abs = new double[m][n];
        double[] meanAbs = new double[m];
        double[] meanSigned = new double[m];
        for (int i = 0; i < n; i++) {
            if (values[i] == null || values[i].length != m) {
                throw new IllegalArgumentException("values row " + i + " has " + (values[i] == null ? "no values"
                        : values[i].length + " players") + ", expected " + m + " (one per name)");
            }
            for (int j = 0; j < m; j++) {
                double v = values[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("values row " + i + ", player " + j + " is " + v);
                }
                abs[j][i] = Math.abs(v);
                meanAbs[j] += Math.abs(v);
                meanSigned[j] += v;
            }
        }
        double[] std = new double[m];
        double[] q10 = new double[m];
        double[] q50 = new double[m];
        double[] q90 = new double[m];
        for (int j = 0; j < m; j++) {
            meanAbs[j] /= n;
            meanSigned[j] /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double t = abs[j][i] - meanAbs[j];
                ss += t * t;
            }
            std[j] = Math.sqrt(ss / n);
            double[] sorted = abs[j].clone();
            Arrays.sort(sorted);
            q10[j] = quantile(sorted, 0.10);
            q50[j] = quantile(sorted, 0.50);
            q90[j] = quantile(sorted, 0.90);
        }
        double[][] boot = new double[m][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] acc = new double[m];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(acc, 0);
            for (int i = 0; i < n; i++) {
                int pick = rng.nextInt(n);
                for (int j = 0; j < m; j++) {
                    acc[j] += abs[j][pick];
                }
            }
            for (int j = 0; j < m; j++) {
                boot[j][r] = acc[j] / n;
            }
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int j = 0; j < m; j++) {
            Arrays.sort(boot[j]);
            lo[j] = quantile(boot[j], (1 - level) / 2);
            hi[j] = quantile(boot[j], (1 + level) / 2);
        }
        return new GlobalImportance(names, n, meanAbs, std, meanSigned, q10, q50, q90, lo, hi, level, resamples, seed);
    }

    /**
     * Importance computed separately within each group of rows.
     *
     * @param values {@code values[i][j]}
     * @param names  one name per player
     * @param labels one group label per row (not null)
     * @return the importance of each label, in order of first appearance
     * @throws IllegalArgumentException if the label count differs from the row count or a label is null
     */
    public static Map<String, GlobalImportance> byGroup(double[][] values, String[] names, String[] labels) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != values.length) {
            throw new IllegalArgumentException("labels must have one entry per explanation: " + values.length
                    + " explanations, " + labels.length + " labels");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("labels[" + i + "] is null");
            }
            counts.merge(labels[i], 1, Integer::sum);
        }
        Map<String, GlobalImportance> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double[][] sub = new double[e.getValue()][];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equals(e.getKey())) {
                    sub[k++] = values[i];
                }
            }
            out.put(e.getKey(), of(sub, names));
        }
        return out;
    }

    /** Type-7 quantile of sorted data. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** @return player indices by decreasing mean |phi| (ties by index) */
    public int[] ranking() {
        Integer[] idx = new Integer[meanAbs.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(meanAbs[b], meanAbs[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] r = new int[idx.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = idx[j];
        }
        return r;
    }

    @Override
    public String[] names() {
        return names.clone();
    }

    @Override
    public double[] meanAbs() {
        return meanAbs.clone();
    }

    @Override
    public double[] stdAbs() {
        return stdAbs.clone();
    }

    @Override
    public double[] meanSigned() {
        return meanSigned.clone();
    }

    @Override
    public double[] q10() {
        return q10.clone();
    }

    @Override
    public double[] q50() {
        return q50.clone();
    }

    @Override
    public double[] q90() {
        return q90.clone();
    }

    @Override
    public double[] ciLower() {
        return ciLower.clone();
    }

    @Override
    public double[] ciUpper() {
        return ciUpper.clone();
    }

    /**
     * A plain-text table for terminals and notebooks: one line per player by decreasing mean |phi|
     * with its bootstrap interval and its mean signed value, rounded to four decimals.
     *
     * @return the table
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "GlobalImportance: %d rows, mean |SHAP| with %.0f%% bootstrap interval (%d resamples, seed %d)%n",
                rows, 100 * level, resamples, seed));
        int width = Arrays.stream(names).mapToInt(String::length).max().orElse(1);
        for (int j : ranking()) {
            sb.append(String.format(Locale.ROOT, "  %-" + Math.max(1, width) + "s  %.4f [%.4f, %.4f]  mean %+.4f%n",
                    names[j], meanAbs[j], ciLower[j], ciUpper[j], meanSigned[j]));
        }
        return sb.toString();
    }

    /**
     * The same table as {@link #toString()} as an HTML fragment, for notebooks:
     * {@code display(importance.toHtml(), "text/html")}.
     *
     * @return an HTML table with a caption (names escaped)
     */
    public String toHtml() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<table><caption style=\"text-align:left\"><b>Global importance</b>: %d rows</caption>%n"
                        + "<thead><tr><th>feature</th><th>mean |SHAP|</th><th>%.0f%% interval</th><th>mean SHAP</th></tr>"
                        + "</thead>%n<tbody>%n", rows, 100 * level));
        for (int j : ranking()) {
            sb.append(String.format(Locale.ROOT, "<tr><td style=\"text-align:left\">%s</td><td>%.4f</td>"
                    + "<td>[%.4f, %.4f]</td><td>%+.4f</td></tr>%n", Html.escape(names[j])
                    .replace(">", "&gt;"), meanAbs[j], ciLower[j], ciUpper[j], meanSigned[j]));
        }
        return sb.append("</tbody></table>").toString();
    }
}
