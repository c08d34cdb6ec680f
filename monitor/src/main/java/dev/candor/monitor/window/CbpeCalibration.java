package dev.candor.monitor.window;

import dev.candor.core.RadixSort;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NannyML's decision whether CBPE calibrates the scores ({@code nannyml/calibration.py},
 * {@code needs_calibration}), and the calibrator it then uses.
 *
 * <ol>
 *   <li>No calibration when y has one class or the reference ROC AUC exceeds 0.999.</li>
 *   <li>Otherwise, for each of the test folds of a stratified shuffle split (10 splits, 10 % test),
 *       fit an {@link IsotonicCalibrator} on the complement and calibrate the fold; concatenate the
 *       folds' labels, raw and calibrated scores in fold order.</li>
 *   <li>Cut the concatenation into 10 bins of {@code len // 10} positions (the last bin takes the
 *       rest) after sorting by the probability in question, with a <b>stable</b> sort; the expected
 *       calibration error is {@code ECE = Σ_bins (size/len) |mean(prob) − mean(y)|}.</li>
 *   <li>Calibrate iff {@code ECE(raw) > ECE(calibrated)}; the calibrator is then refitted on every
 *       reference row.</li>
 * </ol>
 *
 * <p>The folds can be given (for example the ones scikit-learn's
 * {@code StratifiedShuffleSplit(random_state=42)} drew, to reproduce NannyML exactly); otherwise
 * {@link #stratifiedFolds} draws them with a seeded {@link SplittableRandom}, which keeps the class
 * proportions of sklearn's split but not its random stream.
 *
 * @param needsCalibration whether the estimates use calibrated scores
 * @param eceBefore        ECE of the raw scores ({@code NaN} when no folds were needed)
 * @param eceAfter         ECE of the calibrated scores ({@code NaN} when no folds were needed)
 * @param referenceRocAuc  the reference ROC AUC of the raw scores
 * @param calibrator       the calibrator fitted on the whole reference, or {@code null} when not needed
 * @since 0.2.0
 */
public record CbpeCalibration(boolean needsCalibration, double eceBefore, double eceAfter, double referenceRocAuc,
        IsotonicCalibrator calibrator) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** NannyML's bin count for the ECE. */
    public static final int BINS = 10;

    /**
     * @param score a raw score
     * @return the probability CBPE uses: calibrated when calibration is needed, else the score
     */
    public double probability(double score) {
        return needsCalibration ? calibrator.calibrate(score) : score;
    }

    /**
     * Decides with folds drawn from a seeded stratified shuffle split.
     *
     * @param labels reference labels, 0/1
     * @param scores reference scores
     * @param rocAuc the reference ROC AUC ({@code NaN} with one class)
     * @param seed   the split's seed
     * @return the decision
     */
    public static CbpeCalibration decide(int[] labels, double[] scores, double rocAuc, long seed) {
        return decide(labels, scores, rocAuc, stratifiedFolds(labels, 10, 0.1, seed));
    }

    /**
     * @param labels    reference labels, 0/1
     * @param scores    reference scores
     * @param rocAuc    the reference ROC AUC ({@code NaN} with one class)
     * @param testFolds the test positions of each split, in split order
     * @return the decision
     */
    public static CbpeCalibration decide(int[] labels, double[] scores, double rocAuc, List<int[]> testFolds) {
        boolean bothClasses = Arrays.stream(labels).anyMatch(v -> v == 1) && Arrays.stream(labels).anyMatch(v -> v == 0);
        if (!bothClasses || rocAuc > 0.999) {
            return new CbpeCalibration(false, Double.NaN, Double.NaN, rocAuc, null);
        }
        int total = testFolds.stream().mapToInt(f -> f.length).sum();
        int[] y = new int[total];
        double[] raw = new double[total];
        double[] cal = new double[total];
        int k = 0;
        for (int[] test : testFolds) {
            boolean[] inTest = new boolean[labels.length];
            for (int t : test) {
                inTest[t] = true;
            }
            int[] train = new int[labels.length - test.length];
            int j = 0;
            for (int i = 0; i < labels.length; i++) {
                if (!inTest[i]) {
                    train[j++] = i;
                }
            }
            IsotonicCalibrator c = IsotonicCalibrator.fit(scores, labels, train);
            for (int t : test) {
                y[k] = labels[t];
                raw[k] = scores[t];
                cal[k] = c.calibrate(scores[t]);
                k++;
            }
        }
        double before = ece(y, raw, BINS);
        double after = ece(y, cal, BINS);
        boolean needs = before > after;
        return new CbpeCalibration(needs, before, after, rocAuc, needs ? IsotonicCalibrator.fit(scores, labels, null) : null);
    }

    /**
     * Expected calibration error over {@code bins} equal-count bins (NannyML's
     * {@code _get_bin_index_edges} and {@code _calculate_expected_calibration_error}), positions
     * sorted stably by the probability.
     *
     * @param y    labels
     * @param prob probabilities
     * @param bins the bin count
     * @return the ECE
     */
    public static double ece(int[] y, double[] prob, int bins) {
        int n = y.length;
        int[] order = RadixSort.order(prob); // ascending, ties in row order
        int width = n / bins;
        List<int[]> edges = new ArrayList<>();
        for (int e = 0; e + width <= n && edges.size() < n; e += width) {
            edges.add(new int[] {e, e + width});
            if (width == 0) {
                break;
            }
        }
        edges.get(edges.size() - 1)[1] = n;
        double[] terms = new double[edges.size()];
        for (int b = 0; b < edges.size(); b++) {
            int from = edges.get(b)[0];
            int to = edges.get(b)[1];
            double sp = 0;
            double sy = 0;
            for (int i = from; i < to; i++) {
                sp += prob[order[i]];
                sy += y[order[i]];
            }
            int size = to - from;
            terms[b] = Math.abs(sy / size - sp / size) * size / n;
        }
        double s = 0;
        for (double t : terms) {
            s += t;
        }
        return s;
    }

    /**
     * Stratified shuffle split test folds: each fold draws {@code ceil(testShare·n)} positions, each
     * class in proportion to its size, uniformly without replacement.
     *
     * @param labels    0/1 labels
     * @param splits    the number of folds
     * @param testShare the test share
     * @param seed      the seed
     * @return the folds' test positions, ascending within a fold
     */
    public static List<int[]> stratifiedFolds(int[] labels, int splits, double testShare, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = labels.length;
        int nTest = (int) Math.ceil(testShare * n);
        int[] pos = Arrays.stream(labels).filter(v -> v == 1).map(v -> 1).toArray();
        int positives = pos.length;
        int testPos = (int) Math.round((double) nTest * positives / n);
        List<int[]> folds = new ArrayList<>();
        for (int s = 0; s < splits; s++) {
            int[] p = new int[positives];
            int[] q = new int[n - positives];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == 1) {
                    p[a++] = i;
                } else {
                    q[b++] = i;
                }
            }
            shuffle(p, rng);
            shuffle(q, rng);
            int[] test = new int[nTest];
            System.arraycopy(p, 0, test, 0, Math.min(testPos, p.length));
            System.arraycopy(q, 0, test, Math.min(testPos, p.length), nTest - Math.min(testPos, p.length));
            Arrays.sort(test);
            folds.add(test);
        }
        return folds;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
