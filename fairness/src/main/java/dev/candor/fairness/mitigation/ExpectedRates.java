package dev.candor.fairness.mitigation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rates of a randomized classifier, in expectation over its randomness: sums of each row's
 * probability q of a favorable decision (compensated, so they agree with exact sums to about one
 * rounding), divided by the rows n, the positives P or the negatives N:
 * selection rate Σq/n, TPR Σ_{y=1}q/P, FPR Σ_{y=0}q/N, TNR Σ_{y=0}(1−q)/N, FNR Σ_{y=1}(1−q)/P,
 * accuracy (Σ_{y=1}q + Σ_{y=0}(1−q))/n and balanced accuracy (TPR + TNR)/2. A rate whose
 * denominator is 0 is NaN.
 *
 * @param selectionRate     P(ŷ = 1)
 * @param truePositiveRate  P(ŷ = 1 | y = 1)
 * @param falsePositiveRate P(ŷ = 1 | y = 0)
 * @param trueNegativeRate  P(ŷ = 0 | y = 0)
 * @param falseNegativeRate P(ŷ = 0 | y = 1)
 * @param accuracy          P(ŷ = y)
 * @param balancedAccuracy  (TPR + TNR) / 2
 * @since 0.1.0
 */
public record ExpectedRates(double selectionRate, double truePositiveRate, double falsePositiveRate,
                            double trueNegativeRate, double falseNegativeRate, double accuracy,
                            double balancedAccuracy) {

    /**
     * @param q        each row's probability of a favorable decision
     * @param positive whether each row's label is favorable
     * @param codes    each row's group code, or null with {@code group < 0}
     * @param group    the group to count, or {@code -1} for every row
     * @return the expected rates over those rows
     */
    static ExpectedRates of(double[] q, boolean[] positive, int[] codes, int group) {
        CompensatedSums s = new CompensatedSums(4); // q on y=1, 1-q on y=1, q on y=0, 1-q on y=0
        long p = 0;
        long n = 0;
        for (int i = 0; i < q.length; i++) {
            if (group >= 0 && codes[i] != group) {
                continue;
            }
            n++;
            if (positive[i]) {
                p++;
                s.add(0, q[i]);
                s.add(1, 1 - q[i]);
            } else {
                s.add(2, q[i]);
                s.add(3, 1 - q[i]);
            }
        }
        long neg = n - p;
        double tpr = s.sum(0) / p;
        double tnr = s.sum(3) / neg;
        return new ExpectedRates((s.sum(0) + s.sum(2)) / n, tpr, s.sum(2) / neg, tnr, s.sum(1) / p,
                (s.sum(0) + s.sum(3)) / n, 0.5 * tpr + 0.5 * tnr);
    }

    /**
     * The expected rates of a randomized classifier on all labelled rows.
     *
     * @param probabilities each row's probability of a favorable decision (a 0/1 decision is a
     *                      probability too)
     * @param labels        the true labels
     * @param favorable     the favorable label
     * @return the rates over every row
     * @throws dev.candor.core.BadInputException if the lengths differ
     */
    public static ExpectedRates overall(double[] probabilities, int[] labels, int favorable) {
        return of(probabilities, positives(probabilities, labels, favorable), null, -1);
    }

    /**
     * The expected rates of a randomized classifier in each group.
     *
     * @param probabilities each row's probability of a favorable decision
     * @param labels        the true labels
     * @param favorable     the favorable label
     * @param groups        each row's group
     * @return each group's rates, groups in sorted order
     * @throws dev.candor.core.BadInputException if the lengths differ
     */
    public static Map<String, ExpectedRates> byGroup(double[] probabilities, int[] labels, int favorable,
                                                     String[] groups) {
        boolean[] positive = positives(probabilities, labels, favorable);
        if (groups.length != probabilities.length) {
            throw new dev.candor.core.BadInputException("probabilities and groups differ in length: "
                    + probabilities.length + ", " + groups.length);
        }
        java.util.TreeMap<String, Integer> index = new java.util.TreeMap<>();
        for (String g : groups) {
            index.putIfAbsent(g, 0);
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        int[] codes = new int[groups.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = index.get(groups[i]);
        }
        Map<String, ExpectedRates> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            out.put(e.getKey(), of(probabilities, positive, codes, e.getValue()));
        }
        return out;
    }

    private static boolean[] positives(double[] probabilities, int[] labels, int favorable) {
        if (labels.length != probabilities.length) {
            throw new dev.candor.core.BadInputException("probabilities and labels differ in length: "
                    + probabilities.length + ", " + labels.length);
        }
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == favorable;
        }
        return positive;
    }

    /** @return the rates under their scikit-learn / fairlearn names, in a stable order */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("selection_rate", selectionRate);
        m.put("true_positive_rate", truePositiveRate);
        m.put("false_positive_rate", falsePositiveRate);
        m.put("true_negative_rate", trueNegativeRate);
        m.put("false_negative_rate", falseNegativeRate);
        m.put("accuracy", accuracy);
        m.put("balanced_accuracy", balancedAccuracy);
        return m;
    }
}
