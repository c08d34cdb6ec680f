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
        List<BaseVector<?, ?, ?>> cols = new ArrayList<>();
        double[][] x = dataset.x();
        List<Feature> features = dataset.features();
        for (int f = 0; f < features.size(); f++) {
            Feature ft = features.get(f);
            if (ft.name().equals(dataset.labelName())) {
                throw new IllegalArgumentException("dataset: label column '" + dataset.labelName()
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
        cols.add(IntVector.of(dataset.labelName(), dataset.labels()));
        return DataFrame.of(cols.toArray(BaseVector[]::new));
    }
}
