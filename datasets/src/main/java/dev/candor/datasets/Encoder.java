package dev.candor.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One-hot encoding fitted on one dataset (usually the training part) and applied to others.
 *
 * <p>A numeric feature becomes one column holding its value unchanged (no scaling). A categorical
 * feature with levels {@code l_0..l_{k-1}} becomes {@code k} indicator columns named
 * {@code name=l_j}, in level order; all levels are kept (no reference level is dropped). Encoded
 * columns follow the order of the features.
 *
 * <p>Applying to another dataset matches features by name and levels by their text, so a dataset
 * whose level lists are ordered differently encodes correctly. A level that the fitted dataset does
 * not have is an error ({@link IllegalArgumentException} naming the feature, the row and the level):
 * an unseen category is never encoded silently as all zeros. Datasets made by
 * {@link Dataset#select(int[])} or {@link Dataset#split(double, long)} share their parent's levels,
 * so a level absent from the training rows still has a column.
 *
 * @since 0.1.0
 */
public final class Encoder {

    private final List<Feature> features;
    private final String[] columnNames;
    private final int[][] featureColumns;

    private Encoder(List<Feature> features) {
        this.features = List.copyOf(features);
        List<String> names = new ArrayList<>();
        featureColumns = new int[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            Feature ft = features.get(f);
            if (ft.isCategorical()) {
                featureColumns[f] = new int[ft.levels().size()];
                for (int j = 0; j < ft.levels().size(); j++) {
                    featureColumns[f][j] = names.size();
                    names.add(ft.name() + "=" + ft.levels().get(j));
                }
            } else {
                featureColumns[f] = new int[] {names.size()};
                names.add(ft.name());
            }
        }
        columnNames = names.toArray(String[]::new);
    }

    /**
     * @param dataset the dataset whose features (and levels) define the encoding
     * @return the fitted encoder
     */
    public static Encoder fit(Dataset dataset) {
        return new Encoder(Objects.requireNonNull(dataset, "dataset").features());
    }

    /**
     * @param features feature columns (with their levels) that define the encoding
     * @return the encoder
     */
    public static Encoder of(List<Feature> features) {
        return new Encoder(Objects.requireNonNull(features, "features"));
    }

    /** @return the fitted features */
    public List<Feature> features() {
        return features;
    }

    /** @return a copy of the encoded column names */
    public String[] columnNames() {
        return columnNames.clone();
    }

    /** @return the number of encoded columns */
    public int columns() {
        return columnNames.length;
    }

    /**
     * Encodes rows already coded with the fitted features' levels (as in the fitted dataset's
     * {@link Dataset#x()}); this is what a model wrapper calls on perturbed rows.
     *
     * @param rows row-major rows, one value per fitted feature
     * @return the encoded rows
     * @throws IllegalArgumentException if a row has the wrong length or a code is out of range
     */
    public double[][] encode(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = encodeRow(rows[i], i);
        }
        return out;
    }

    private double[] encodeRow(double[] row, int i) {
        if (row.length != features.size()) {
            throw new IllegalArgumentException("rows: row " + i + " has " + row.length + " values, expected "
                    + features.size());
        }
        double[] e = new double[columnNames.length];
        for (int f = 0; f < row.length; f++) {
            if (features.get(f).isCategorical()) {
                int[] cols = featureColumns[f];
                double v = row[f];
                int c = (int) v;
                if (c != v || c < 0 || c >= cols.length) {
                    throw new IllegalArgumentException("rows: row " + i + ", feature '" + features.get(f).name()
                            + "' has code " + v + ", expected 0.." + (cols.length - 1));
                }
                e[cols[c]] = 1.0;
            } else {
                e[featureColumns[f][0]] = row[f];
            }
        }
        return e;
    }

    /**
     * Encodes a dataset, matching its features to the fitted ones by name and its levels by text.
     *
     * @param dataset the dataset to encode
     * @return the encoded matrix, its column names and the columns of each original feature
     * @throws IllegalArgumentException if a fitted feature is missing or of another kind, or a row
     *                                  holds a level the fitted feature does not have
     */
    public EncodedMatrix apply(Dataset dataset) {
        int m = features.size();
        int[] source = new int[m];
        int[][] levelMap = new int[m][];
        for (int f = 0; f < m; f++) {
            Feature fit = features.get(f);
            int j = dataset.featureIndex(fit.name());
            Feature got = dataset.features().get(j);
            if (got.kind() != fit.kind()) {
                throw new IllegalArgumentException("dataset: feature '" + fit.name() + "' is " + got.kind()
                        + " in '" + dataset.name() + "' but was fitted as " + fit.kind());
            }
            source[f] = j;
            if (fit.isCategorical()) {
                levelMap[f] = new int[got.levels().size()];
                for (int k = 0; k < got.levels().size(); k++) {
                    levelMap[f][k] = fit.code(got.levels().get(k));
                }
            }
        }
        double[][] out = new double[dataset.rows()][];
        for (int i = 0; i < out.length; i++) {
            double[] e = new double[columnNames.length];
            for (int f = 0; f < m; f++) {
                double v = dataset.value(i, source[f]);
                if (levelMap[f] != null) {
                    int code = levelMap[f][(int) v];
                    if (code < 0) {
                        Feature got = dataset.features().get(source[f]);
                        throw new IllegalArgumentException("dataset: row " + i + ", feature '" + got.name()
                                + "' has level '" + got.levels().get((int) v)
                                + "', which the encoder was not fitted with; fitted levels are "
                                + features.get(f).levels());
                    }
                    e[featureColumns[f][code]] = 1.0;
                } else {
                    e[featureColumns[f][0]] = v;
                }
            }
            out[i] = e;
        }
        int[][] fc = new int[m][];
        for (int f = 0; f < m; f++) {
            fc[f] = featureColumns[f].clone();
        }
        return new EncodedMatrix(out, columnNames.clone(), fc);
    }
}
