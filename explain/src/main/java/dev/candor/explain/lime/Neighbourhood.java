package dev.candor.explain.lime;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * LIME's neighbourhood of a row: what is learned from the training data to sample it (bins or
 * categories with their frequencies, or the mean and scale of each continuous feature), the draw of
 * {@code numSamples} perturbed rows with their interpretable representation and kernel weights,
 * and the weighted moments the surrogate is fitted from (see {@link LimeTabular} for the algorithm).
 *
 * <p>Immutable; the sample buffers live in a {@link Workspace}, one per thread.
 */
final class Neighbourhood {

    private final int m;
    private final int numSamples;
    private final double kernelWidth;
    private final boolean sampleAroundInstance;
    private final String[] names;
    private final boolean[] categorical;
    private final Discretizer discretizer;           // null without discretization
    private final LevelSampler[] samplers;           // null for a continuous feature without discretization
    private final LevelSampler.Table levelTable;     // all samplers flattened, with discretization
    private final double[][] categoryValues;         // sorted distinct values of categorical features
    private final double[] mean;                     // without discretization: training mean
    private final double[] scale;                    // without discretization: training std (1 if 0)
    private final double[] kernelByDiffs;            // kernel weight by number of differing features

    /** Per-thread buffers reused across explanations (the model must not keep the rows it is given). */
    static final class Workspace {
        final double[][] rows;
        final int[] diff;
        final int[] start;
        private final int n;
        private final int m;
        private double[] shifted;
        private double[] dist;

        Workspace(int n, int m) {
            this.n = n;
            this.m = m;
            this.rows = new double[n][m];
            this.diff = new int[(n - 1) * m + 1];
            this.start = new int[n + 1];
        }

        double[] shifted() {
            if (shifted == null) {
                shifted = new double[n * m];
            }
            return shifted;
        }

        double[] dist() {
            if (dist == null) {
                dist = new double[n];
            }
            return dist;
        }
    }

    /**
     * Learns the sampling distributions from the training data (already checked: rectangular, finite).
     *
     * @throws IllegalArgumentException if a categorical code has no name, or the discretizer cannot
     *                                  be fitted (for example entropy bins without labels)
     */
    Neighbourhood(double[][] data, boolean[] categorical, Map<Integer, List<String>> categoryNames, String[] names,
                  Discretization discretization, int[] labels, boolean referenceCompatible,
                  boolean sampleAroundInstance, double kernelWidth, int numSamples) {
        this.m = categorical.length;
        this.numSamples = numSamples;
        this.kernelWidth = kernelWidth;
        this.sampleAroundInstance = sampleAroundInstance;
        this.names = names;
        this.categorical = categorical;
        int n = data.length;
        this.categoryValues = new double[m][];
        this.samplers = new LevelSampler[m];
        for (int j = 0; j < m; j++) {
            if (!categorical[j]) {
                continue;
            }
            TreeMap<Double, long[]> counts = new TreeMap<>();
            for (double[] row : data) {
                counts.computeIfAbsent(row[j], k -> new long[1])[0]++;
            }
            double[] values = new double[counts.size()];
            long[] c = new long[counts.size()];
            int t = 0;
            for (Map.Entry<Double, long[]> e : counts.entrySet()) {
                values[t] = e.getKey();
                c[t++] = e.getValue()[0];
            }
            categoryValues[j] = values;
            samplers[j] = LevelSampler.categorical(c, values);
            List<String> labelNames = categoryNames.get(j);
            if (labelNames != null) {
                for (int i = 0; i < n; i++) {
                    double v = data[i][j];
                    if (v != Math.rint(v) || v < 0 || v >= labelNames.size()) {
                        throw new IllegalArgumentException("trainingData: row " + i + ", column " + j + " ("
                                + names[j] + ") is " + v + ", which has no category name (names given for codes 0.."
                                + (labelNames.size() - 1) + ")");
                    }
                }
            }
        }
        if (discretization != Discretization.NONE) {
            this.discretizer = Discretizer.fit(discretization, data, categorical, labels, names);
            for (int j = 0; j < m; j++) {
                if (!categorical[j]) {
                    samplers[j] = LevelSampler.bins(discretizer.bins(j), referenceCompatible);
                }
            }
            this.levelTable = new LevelSampler.Table(samplers);
            this.mean = null;
            this.scale = null;
        } else {
            this.discretizer = null;
            this.levelTable = null;
            this.mean = new double[m];
            this.scale = new double[m];
            for (int j = 0; j < m; j++) {
                if (categorical[j]) {
                    scale[j] = 1;
                    continue;
                }
                double s = 0;
                for (double[] row : data) {
                    s += row[j];
                }
                double mu = s / n;
                double ss = 0;
                for (double[] row : data) {
                    double d = row[j] - mu;
                    ss += d * d;
                }
                double sd = Math.sqrt(ss / n);
                mean[j] = mu;
                scale[j] = sd == 0 ? 1 : sd;
            }
        }
        this.kernelByDiffs = new double[m + 1];
        for (int d = 0; d <= m; d++) {
            kernelByDiffs[d] = kernel(Math.sqrt(d));
        }
    }

    private double kernel(double d) {
        return Math.sqrt(Math.exp(-(d * d) / (kernelWidth * kernelWidth)));
    }

    Discretizer discretizer() {
        return discretizer;
    }

    Workspace newWorkspace() {
        return new Workspace(numSamples, m);
    }

    /** The level (bin or category index) of each feature of x; -1 for continuous features without bins. */
    int[] levelsOf(double[] x, String name) {
        int[] lv = new int[m];
        for (int j = 0; j < m; j++) {
            if (categorical[j]) {
                int k = Arrays.binarySearch(categoryValues[j], x[j]);
                if (k < 0) {
                    throw new IllegalArgumentException(name + ": column " + j + " (" + names[j] + ") is " + x[j]
                            + ", a category never seen in the training data (seen: "
                            + Arrays.toString(categoryValues[j]) + "); LIME samples categories from their training "
                            + "frequencies and cannot explain an unseen one");
                }
                lv[j] = k;
            } else if (discretizer != null) {
                lv[j] = discretizer.bin(j, x[j]);
            } else {
                lv[j] = -1;
            }
        }
        return lv;
    }

    /**
     * Draws the neighbourhood of x (row 0 is x itself), passes it to the model in one call and
     * returns the kernel-weighted moments of (representation, output), symmetrized, about the shift
     * point (x's representation, f(x)).
     *
     * @param predict the model call, returning one checked output per row
     */
    WeightedRidge.Moments draw(Workspace ws, double[] x, int[] xLevel, SplittableRandom rng,
                               Function<double[][], double[]> predict) {
        int n = numSamples;
        double[][] rows = ws.rows;
        System.arraycopy(x, 0, rows[0], 0, m);
        double[] shiftX = new double[m];
        WeightedRidge.Moments mo;
        if (discretizer != null) {
            Arrays.fill(shiftX, 1.0);
            int[] diff = ws.diff;
            int[] start = ws.start;
            levelTable.sample(rows, xLevel, diff, start, rng);
            double[] y = predict.apply(rows);
            mo = new WeightedRidge.Moments(shiftX, y[0]);
            mo.addBinaryRows(diff, start, n, y, kernelByDiffs);
        } else {
            for (int j = 0; j < m; j++) {
                shiftX[j] = categorical[j] ? 1.0 : (x[j] - mean[j]) / scale[j];
            }
            double[] shifted = ws.shifted();
            double[] dist = ws.dist();
            for (int i = 1; i < n; i++) {
                double[] r = rows[i];
                double d2 = 0;
                int base = i * m;
                for (int j = 0; j < m; j++) {
                    double z;
                    if (categorical[j]) {
                        LevelSampler s = samplers[j];
                        int pos = s.draw(rng);
                        r[j] = s.value(pos, rng);
                        z = s.level(pos) == xLevel[j] ? 0.0 : -1.0;
                    } else {
                        double v = rng.nextGaussian() * scale[j] + (sampleAroundInstance ? x[j] : mean[j]);
                        r[j] = v;
                        z = (v - mean[j]) / scale[j] - shiftX[j];
                    }
                    shifted[base + j] = z;
                    d2 += z * z;
                }
                dist[i] = Math.sqrt(d2);
            }
            double[] y = predict.apply(rows);
            mo = new WeightedRidge.Moments(shiftX, y[0]);
            double[] d = new double[m];
            for (int i = 0; i < n; i++) {
                System.arraycopy(shifted, i * m, d, 0, m);
                mo.addDense(d, y[i], kernel(dist[i]));
            }
        }
        mo.symmetrize();
        return mo;
    }
}
