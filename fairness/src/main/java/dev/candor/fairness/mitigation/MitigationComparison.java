package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.fairness.ConfidenceInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Several mitigations side by side on the same held-out rows: each one's accuracy and balanced accuracy
 * against each fairness metric, with paired bootstrap intervals — the trade-off a team chooses from.
 *
 * <p>Every method is evaluated on its expected decisions (each row's probability of a favorable decision),
 * so randomized methods are compared without the noise of one draw. The metrics (privileged group p
 * against all other values pooled, u; AIF360's sign convention unprivileged minus privileged):
 * <ul>
 *   <li>{@code accuracy}, {@code balanced_accuracy} over all rows;</li>
 *   <li>{@code statistical_parity_difference} SR_u − SR_p, {@code disparate_impact} SR_u / SR_p,
 *       {@code equal_opportunity_difference} TPR_u − TPR_p, {@code average_odds_difference}
 *       ½[(FPR_u − FPR_p) + (TPR_u − TPR_p)];</li>
 *   <li>fairlearn's {@code demographic_parity_difference} (max − min selection rate) and
 *       {@code equalized_odds_difference} (the larger of the max − min TPR and FPR gaps) over every value
 *       of the attribute.</li>
 * </ul>
 * A metric whose denominator is 0 is NaN. Intervals are bootstrap percentile intervals: resample b draws
 * n rows with replacement from a stream that depends only on (seed, b), and the same draw serves every
 * method, so differences between methods are not blurred by different resamples.
 *
 * @since 0.1.0
 */
public final class MitigationComparison {

    /** The metric keys, in the order of every entry. */
    public static final List<String> METRICS = List.of("accuracy", "balanced_accuracy",
            "statistical_parity_difference", "disparate_impact", "equal_opportunity_difference",
            "average_odds_difference", "demographic_parity_difference", "equalized_odds_difference");

    /**
     * One method's figures on the held-out rows.
     *
     * @param method    its name
     * @param values    each metric's value, by key of {@link #METRICS}
     * @param intervals each metric's bootstrap interval (absent when no resamples were asked for)
     */
    public record Entry(String method, Map<String, Double> values, Map<String, ConfidenceInterval> intervals) {
        public Entry {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        }

        /** @param metric a key of {@link #METRICS} @return its value */
        public double value(String metric) {
            Double v = values.get(metric);
            if (v == null) {
                throw new IllegalArgumentException("no metric " + metric + "; expected one of " + METRICS);
            }
            return v;
        }
    }

    private final List<Entry> entries;
    private final int rows;
    private final int resamples;
    private final double level;
    private final long seed;

    private MitigationComparison(List<Entry> entries, int rows, int resamples, double level, long seed) {
        this.entries = List.copyOf(entries);
        this.rows = rows;
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /**
     * @param privileged the privileged value(s) of the protected attribute
     * @return a builder: 1000 resamples, 95% intervals, seed 7
     */
    public static Builder builder(String... privileged) {
        return new Builder(List.of(privileged));
    }

    /** @return one entry per method, in the order added */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * @param method a method's name
     * @return its entry
     * @throws IllegalArgumentException if no method has that name
     */
    public Entry entry(String method) {
        for (Entry e : entries) {
            if (e.method().equals(method)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no method " + method);
    }

    /** @return the held-out rows */
    public int rows() {
        return rows;
    }

    /** @return the table as nested maps for JSON: rows, resamples, level, seed, and per method value, lower, upper */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("resamples", resamples);
        m.put("level", level);
        m.put("seed", seed);
        Map<String, Object> methods = new LinkedHashMap<>();
        for (Entry e : entries) {
            Map<String, Object> em = new LinkedHashMap<>();
            for (String k : METRICS) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("value", e.values().get(k));
                ConfidenceInterval ci = e.intervals().get(k);
                if (ci != null) {
                    v.put("lower", ci.lower());
                    v.put("upper", ci.upper());
                }
                em.put(k, v);
            }
            methods.put(e.method(), em);
        }
        m.put("methods", methods);
        return m;
    }

    /** @return a plain-text table: one line per method, accuracy and the fairness metrics with intervals */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int w = "method".length();
        for (Entry e : entries) {
            w = Math.max(w, e.method().length());
        }
        String[] shown = {"accuracy", "balanced_accuracy", "statistical_parity_difference",
            "equal_opportunity_difference", "average_odds_difference", "equalized_odds_difference"};
        String[] head = {"accuracy", "bal. accuracy", "SPD", "EOD", "AOD", "eq. odds diff."};
        sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", "method"));
        for (String h : head) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-24s", h));
        }
        sb.append('\n');
        for (Entry e : entries) {
            sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", e.method()));
            for (String k : shown) {
                ConfidenceInterval ci = e.intervals().get(k);
                String cell = ci == null ? String.format(java.util.Locale.ROOT, "%.3f", e.value(k))
                        : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(k), ci.lower(),
                        ci.upper());
                sb.append(String.format(java.util.Locale.ROOT, "  %-24s", cell));
            }
            sb.append('\n');
        }
        sb.append(String.format(java.util.Locale.ROOT, "(%d held-out rows; %.0f%% bootstrap percentile intervals, "
                + "%d resamples, seed %d)", rows, 100 * level, resamples, seed));
        return sb.toString();
    }

    /** Which methods to compare and how; {@link #compare} evaluates them. */
    public static final class Builder {
        private final List<String> privileged;
        private final List<String> names = new ArrayList<>();
        private final List<Object> methods = new ArrayList<>();
        private int resamples = 1000;
        private double level = 0.95;
        private long seed = 7L;
        private int favorable = 1;

        private Builder(List<String> privileged) {
            if (privileged.isEmpty()) {
                throw new BadInputException("a privileged value is needed to compare mitigations");
            }
            this.privileged = privileged;
        }

        /** @param name a label @param p a fitted post-processor, applied to the held-out scores @return this */
        public Builder add(String name, PostProcessor p) {
            names.add(Objects.requireNonNull(name, "name"));
            methods.add(Objects.requireNonNull(p, "p"));
            return this;
        }

        /**
         * @param name          a label
         * @param probabilities each held-out row's probability of a favorable decision (for a deterministic
         *                      method, its 0/1 decisions)
         * @return this builder
         */
        public Builder add(String name, double[] probabilities) {
            names.add(Objects.requireNonNull(name, "name"));
            methods.add(probabilities.clone());
            return this;
        }

        /** @param name a label @param threshold favorable iff score ≥ threshold, the unmitigated model @return this */
        public Builder addThreshold(String name, double threshold) {
            names.add(Objects.requireNonNull(name, "name"));
            methods.add(threshold);
            return this;
        }

        /** @param n bootstrap resamples (0 for none) @return this builder */
        public Builder resamples(int n) {
            if (n < 0) {
                throw new BadInputException("resamples must be >= 0, got " + n);
            }
            this.resamples = n;
            return this;
        }

        /** @param l the interval's confidence level in (0, 1) @return this builder */
        public Builder level(double l) {
            if (!(l > 0 && l < 1)) {
                throw new BadInputException("level must be in (0, 1), got " + l);
            }
            this.level = l;
            return this;
        }

        /** @param s the bootstrap seed @return this builder */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @param label the favorable label (default 1) @return this builder */
        public Builder favorable(int label) {
            this.favorable = label;
            return this;
        }

        /**
         * Evaluates every method on held-out rows.
         *
         * @param scores the model's scores of the held-out rows
         * @param labels their true labels
         * @param groups their protected group values
         * @return the comparison
         * @throws BadInputException on mismatched lengths, a privileged value absent from the rows, or a
         *                           method's own refusal (an unseen group, a bad score)
         */
        public MitigationComparison compare(double[] scores, int[] labels, String[] groups) {
            int n = scores.length;
            if (labels.length != n || groups.length != n) {
                throw new BadInputException("scores, labels and groups differ in length");
            }
            PrivilegedSplit split = PrivilegedSplit.fit(groups, privileged);
            TreeMap<String, Integer> index = new TreeMap<>();
            for (String g : groups) {
                index.putIfAbsent(g, 0);
            }
            int k = 0;
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                e.setValue(k++);
            }
            int[] codes = new int[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                codes[i] = index.get(groups[i]);
                positive[i] = labels[i] == favorable;
            }
            boolean[] privCode = new boolean[index.size()];
            index.forEach((g, c) -> privCode[c] = split.privileged.contains(g));
            List<double[]> probs = new ArrayList<>();
            for (Object m : methods) {
                if (m instanceof PostProcessor p) {
                    probs.add(p.favorableProbability(scores, groups));
                } else if (m instanceof Double t) {
                    double[] q = new double[n];
                    for (int i = 0; i < n; i++) {
                        q[i] = scores[i] >= t ? 1 : 0;
                    }
                    probs.add(q);
                } else {
                    double[] q = (double[]) m;
                    if (q.length != n) {
                        throw new BadInputException("probabilities of " + names.get(probs.size()) + " have "
                                + q.length + " rows, the held-out data " + n);
                    }
                    probs.add(q);
                }
            }
            int mCount = probs.size();
            int[] ones = new int[n];
            Arrays.fill(ones, 1);
            double[][] point = new double[mCount][];
            for (int j = 0; j < mCount; j++) {
                point[j] = metrics(probs.get(j), positive, codes, ones, privCode);
            }
            double[][][] boot = new double[mCount][METRICS.size()][resamples];
            int[] weight = new int[n];
            for (int b = 0; b < resamples; b++) {
                Arrays.fill(weight, 0);
                SplittableRandom r = PostProcessor.rowStream(seed, b);
                for (int i = 0; i < n; i++) {
                    weight[r.nextInt(n)]++;
                }
                for (int j = 0; j < mCount; j++) {
                    double[] v = metrics(probs.get(j), positive, codes, weight, privCode);
                    for (int q = 0; q < v.length; q++) {
                        boot[j][q][b] = v[q];
                    }
                }
            }
            List<Entry> entries = new ArrayList<>();
            for (int j = 0; j < mCount; j++) {
                Map<String, Double> values = new LinkedHashMap<>();
                Map<String, ConfidenceInterval> cis = new LinkedHashMap<>();
                for (int q = 0; q < METRICS.size(); q++) {
                    values.put(METRICS.get(q), point[j][q]);
                    if (resamples > 0) {
                        cis.put(METRICS.get(q), percentile(boot[j][q], level));
                    }
                }
                entries.add(new Entry(names.get(j), values, cis));
            }
            return new MitigationComparison(entries, n, resamples, level, seed);
        }
    }

    /** The metrics of one method under row weights (bootstrap multiplicities). */
    static double[] metrics(double[] q, boolean[] positive, int[] codes, int[] weight, boolean[] privCode) {
        int g = privCode.length;
        double[] cnt = new double[g];
        double[] pos = new double[g];
        double[] sel = new double[g];
        double[] selPos = new double[g];
        double[] selNeg = new double[g];
        for (int i = 0; i < q.length; i++) {
            int w = weight[i];
            if (w == 0) {
                continue;
            }
            int c = codes[i];
            cnt[c] += w;
            sel[c] += w * q[i];
            if (positive[i]) {
                pos[c] += w;
                selPos[c] += w * q[i];
            } else {
                selNeg[c] += w * q[i];
            }
        }
        double[] pooled = new double[10]; // p: cnt, pos, sel, selPos, selNeg; then u
        double tCnt = 0;
        double tPos = 0;
        double tSelPos = 0;
        double tSelNeg = 0;
        double dpMin = Double.POSITIVE_INFINITY;
        double dpMax = Double.NEGATIVE_INFINITY;
        double tprMin = Double.POSITIVE_INFINITY;
        double tprMax = Double.NEGATIVE_INFINITY;
        double fprMin = Double.POSITIVE_INFINITY;
        double fprMax = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < g; c++) {
            int o = privCode[c] ? 0 : 5;
            pooled[o] += cnt[c];
            pooled[o + 1] += pos[c];
            pooled[o + 2] += sel[c];
            pooled[o + 3] += selPos[c];
            pooled[o + 4] += selNeg[c];
            tCnt += cnt[c];
            tPos += pos[c];
            tSelPos += selPos[c];
            tSelNeg += selNeg[c];
            if (cnt[c] > 0) {
                double sr = sel[c] / cnt[c];
                dpMin = Math.min(dpMin, sr);
                dpMax = Math.max(dpMax, sr);
                double tpr = selPos[c] / pos[c];
                double fpr = selNeg[c] / (cnt[c] - pos[c]);
                tprMin = Math.min(tprMin, tpr);
                tprMax = Math.max(tprMax, tpr);
                fprMin = Math.min(fprMin, fpr);
                fprMax = Math.max(fprMax, fpr);
            }
        }
        double tNeg = tCnt - tPos;
        double accuracy = (tSelPos + (tNeg - tSelNeg)) / tCnt;
        double balanced = 0.5 * (tSelPos / tPos) + 0.5 * ((tNeg - tSelNeg) / tNeg);
        double srP = pooled[2] / pooled[0];
        double srU = pooled[7] / pooled[5];
        double tprP = pooled[3] / pooled[1];
        double tprU = pooled[8] / pooled[6];
        double fprP = pooled[4] / (pooled[0] - pooled[1]);
        double fprU = pooled[9] / (pooled[5] - pooled[6]);
        return new double[] {accuracy, balanced, srU - srP, srU / srP, tprU - tprP,
            0.5 * ((fprU - fprP) + (tprU - tprP)), dpMax - dpMin, Math.max(tprMax - tprMin, fprMax - fprMin)};
    }

    /** numpy's default (linear) percentile interval of bootstrap values; NaN values make it NaN. */
    static ConfidenceInterval percentile(double[] values, double level) {
        double[] v = values.clone();
        for (double x : v) {
            if (Double.isNaN(x)) {
                return new ConfidenceInterval(Double.NaN, Double.NaN, level, "bootstrap-percentile");
            }
        }
        Arrays.sort(v);
        double a = (1 - level) / 2;
        return new ConfidenceInterval(quantile(v, a), quantile(v, 1 - a), level, "bootstrap-percentile");
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
