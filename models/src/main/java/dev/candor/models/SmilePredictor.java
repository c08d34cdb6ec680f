package dev.candor.models;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Encoder;
import dev.candor.datasets.Feature;
import java.util.List;
import smile.classification.DataFrameClassifier;
import smile.data.DataFrame;

/**
 * Predicts with a Smile model trained on {@link SmileBridge#toDataFrame(Dataset)}: encoded rows are decoded
 * back to level codes (each one-hot block must hold exactly one 1), turned into a data frame by the
 * same bridge, and the model's posterior of class 1 is returned.
 */
final class SmilePredictor implements EncodedPredictor {

    private final DataFrameClassifier model;
    private final Dataset template;
    private final List<Feature> features;
    private final int[][] featureColumns;
    private final int width;

    SmilePredictor(DataFrameClassifier model, Dataset train, Encoder encoder, int[][] featureColumns) {
        this.model = model;
        this.template = train;
        this.features = encoder.features();
        this.featureColumns = featureColumns;
        this.width = encoder.columns();
    }

    @Override
    public double[] predict(double[][] encodedRows) {
        int n = encodedRows.length;
        double[][] codes = new double[n][features.size()];
        for (int i = 0; i < n; i++) {
            double[] r = encodedRows[i];
            if (r.length != width) {
                throw new IllegalArgumentException("rows: row " + i + " has " + r.length
                        + " values, the model expects " + width + " encoded columns");
            }
            for (int f = 0; f < features.size(); f++) {
                int[] cols = featureColumns[f];
                if (!features.get(f).isCategorical()) {
                    codes[i][f] = r[cols[0]];
                    continue;
                }
                int hot = -1;
                for (int k = 0; k < cols.length; k++) {
                    double v = r[cols[k]];
                    if (v == 1.0 && hot < 0) {
                        hot = k;
                    } else if (v != 0.0) {
                        hot = -2;
                        break;
                    }
                }
                if (hot < 0) {
                    throw new IllegalArgumentException("rows: row " + i + ", feature '" + features.get(f).name()
                            + "' is not one-hot (exactly one of its " + cols.length
                            + " columns must be 1, the others 0); a tree model needs a level");
                }
                codes[i][f] = hot;
            }
        }
        return predictCodes(codes);
    }

    double[] predictCodes(double[][] codes) {
        int n = codes.length;
        Dataset d = Dataset.builder(template.name()).features(features, codes)
                .labels(template.labelName(), template.favorableValue(), new int[n]).build();
        DataFrame df = SmileBridge.toDataFrame(d);
        double[] out = new double[n];
        double[] post = new double[2];
        for (int i = 0; i < n; i++) {
            model.predict(df.get(i), post);
            out[i] = post[1];
        }
        return out;
    }
}
