package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checked input of a post-processing fit: scores, labels as "is favorable", and each row's group as
 * a code into the sorted distinct group values.
 */
final class CalibrationData {
    final double[] scores;
    final boolean[] positive;
    final int[] codes;
    final List<String> groups;
    final int[] count;
    final int[] positives;

    private CalibrationData(double[] scores, boolean[] positive, int[] codes, List<String> groups) {
        this.scores = scores;
        this.positive = positive;
        this.codes = codes;
        this.groups = groups;
        count = new int[groups.size()];
        positives = new int[groups.size()];
        for (int i = 0; i < codes.length; i++) {
            count[codes[i]]++;
            if (positive[i]) {
                positives[codes[i]]++;
            }
        }
    }

    /**
     * @param probability whether scores must be probabilities in [0, 1] (else only finite)
     */
    static CalibrationData of(double[] scores, int[] labels, int favorable, String[] groups, boolean probability) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groups, "groups");
        int n = scores.length;
        if (labels.length != n || groups.length != n) {
            throw new BadInputException("scores, labels and groups differ in length: " + n + ", " + labels.length
                    + ", " + groups.length);
        }
        if (n == 0) {
            throw new BadInputException("no rows to fit on");
        }
        checkScores(scores, probability);
        boolean[] positive = new boolean[n];
        Integer other = null;
        for (int i = 0; i < n; i++) {
            if (labels[i] == favorable) {
                positive[i] = true;
            } else if (other == null) {
                other = labels[i];
            } else if (other != labels[i]) {
                throw new BadInputException("labels[" + i + "] = " + labels[i] + " is a third label value (favorable "
                        + favorable + ", unfavorable " + other + "); post-processing needs a binary label");
            }
        }
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (groups[i] == null) {
                throw new BadInputException("groups[" + i + "] is null");
            }
            index.put(groups[i], 0);
        }
        List<String> names = new ArrayList<>(index.keySet());
        for (int k = 0; k < names.size(); k++) {
            index.put(names.get(k), k);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = index.get(groups[i]);
        }
        return new CalibrationData(scores.clone(), positive, codes, List.copyOf(names));
    }

    static void checkScores(double[] scores, boolean probability) {
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (probability ? !(s >= 0 && s <= 1) : !Double.isFinite(s)) {
                throw new BadInputException("scores[" + i + "] = " + s + (probability
                        ? " is not a probability in [0, 1]" : " is not finite"));
            }
        }
    }

    /** @return a fingerprint of scores, labels and groups */
    dev.candor.core.Fingerprint fingerprint() {
        int[] y = new int[positive.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = positive[i] ? 1 : 0;
        }
        return dev.candor.core.Fingerprint.builder().add(scores).add(y).add(codes)
                .add(groups.toArray(String[]::new)).build(scores.length, 3);
    }

    int rows() {
        return scores.length;
    }

    /** Refuses a group whose rows all have the same label: its rates are undefined. */
    void requireBothLabels(String what) {
        requireBothLabels(what, g -> "'" + g + "'");
    }

    /** As {@link #requireBothLabels(String)}, naming each group by {@code display}. */
    void requireBothLabels(String what, java.util.function.Function<String, String> display) {
        for (int g = 0; g < groups.size(); g++) {
            if (positives[g] == 0 || positives[g] == count[g]) {
                throw new BadInputException("group " + display.apply(groups.get(g)) + " has only " + (positives[g] == 0
                        ? "unfavorable" : "favorable") + " labels (" + count[g] + " rows): " + what
                        + " needs both label values in every group, so its constraint cannot be met");
            }
        }
    }
}
