package dev.candor.models;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Feature;
import java.util.ArrayList;
import java.util.List;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Views a {@link Dataset} as a Smile {@link DataFrame}, for training Smile models. Smile types appear only in
 * this module ({@code candor-models}, GPL-3.0 because it links Smile).
 *
 * <p>Columns: every feature in order (numeric as {@code double}; categorical as {@code int} codes
 * with a {@link NominalScale} over the feature's levels, so Smile formulas treat them as factors),
 * then the label as an {@code int} column (1 = favorable) named {@link Dataset#labelName()}. Protected
 * attributes and weights are not columns; take them from the dataset.
 *
 * @since 0.1.0
 */
public final class SmileBridge {

    private SmileBridge() {
    }

    /**
     * @param dataset the dataset
     * @return the data frame
     * @throws IllegalArgumentException if the label column name equals a feature name
     */
    public static DataFrame toDataFrame(Dataset dataset) {
        List<BaseVector<?, ?, ?>> cols = features(dataset.features(), dataset.x(), dataset.labelName());
        cols.add(IntVector.of(dataset.labelName(), dataset.labels()));
        return DataFrame.of(cols.toArray(BaseVector[]::new));
    }

    /**
     * A data frame for a regression: the features as in {@link #toDataFrame(Dataset)}, then the numeric
     * target as a {@code double} column.
     *
     * @param features the features
     * @param x        one row of feature values per row (categorical features as level codes)
     * @param target   the target column's name
     * @param y        the target per row
     * @return the data frame
     * @throws IllegalArgumentException if the target's name equals a feature name or the lengths differ
     */
    public static DataFrame toDataFrame(List<Feature> features, double[][] x, String target, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("target '" + target + "' has " + y.length + " values for " + x.length
                    + " rows");
        }
        List<BaseVector<?, ?, ?>> cols = features(features, x, target);
        cols.add(DoubleVector.of(target, y));
        return DataFrame.of(cols.toArray(BaseVector[]::new));
    }

    private static List<BaseVector<?, ?, ?>> features(List<Feature> features, double[][] x, String label) {
        List<BaseVector<?, ?, ?>> cols = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            Feature ft = features.get(f);
            if (ft.name().equals(label)) {
                throw new IllegalArgumentException("dataset: label column '" + label
                        + "' has the same name as a feature");
            }
            if (ft.isCategorical()) {
                int[] codes = new int[x.length];
                for (int i = 0; i < x.length; i++) {
                    codes[i] = (int) x[i][f];
                }
                StructField field = new StructField(ft.name(), DataTypes.IntegerType,
                        new NominalScale(ft.levels()));
                cols.add(IntVector.of(field, codes));
            } else {
                double[] v = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    v[i] = x[i][f];
                }
                cols.add(DoubleVector.of(ft.name(), v));
            }
        }
        return cols;
    }
}
