package dev.candor.cli.pipeline;

import dev.candor.core.BadInputException;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.Feature;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.shap.GlobalImportance;
import dev.candor.explain.shap.KernelShap;
import dev.candor.models.ClassifierKind;
import dev.candor.models.ClassifierTrainer;
import dev.candor.models.TrainedClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The importance of each feature to a model of the reference, for ranking drift by
 * {@code effect × importance} ({@code DriftReport.rankByImportance}): the default model of
 * {@code candor report} (L2 logistic regression, {@link ClassifierKind#LOGISTIC}) is trained on the
 * reference rows to predict the label, and the importance of a feature is its mean |SHAP value|
 * (KernelSHAP, {@link GlobalImportance#meanAbs()}) over a seeded sample of reference rows, against a
 * seeded background sample of them.
 *
 * <p>A categorical feature is one player (its levels, sorted, are the codes the model's encoder
 * one-hot encodes). Rows with a missing feature value or label cannot be fed to the model: they are
 * left out of training and explaining, and {@link Result#skippedRows()} counts them.
 *
 * @since 0.1.0
 */
public final class DriftImportance {

    /**
     * @param importance    per feature, the mean |SHAP value| (probability units)
     * @param trainedRows   reference rows the model was trained on
     * @param explainedRows reference rows explained
     * @param skippedRows   reference rows left out for a missing value
     * @param model         the model trained
     */
    public record Result(Map<String, Double> importance, int trainedRows, int explainedRows, int skippedRows,
            String model) {
    }

    private DriftImportance() {
    }

    /**
     * @param features       the model's features, in order
     * @param numeric        the reference values of the numeric ones ({@code NaN} = missing)
     * @param categorical    the reference labels of the categorical ones ({@code null} = missing)
     * @param labelColumn    the label's column name (for messages)
     * @param label          the reference labels ({@code null} = missing)
     * @param favorable      the label value that counts as the positive class
     * @param explainRows    reference rows to explain (at most)
     * @param backgroundRows background rows (at most)
     * @param seed           seed of the model, the background and the explained rows
     * @return the importances
     * @throws BadInputException if no complete row remains or the label has a single class
     */
    public static Result compute(List<String> features, Map<String, double[]> numeric,
            Map<String, String[]> categorical, String labelColumn, String[] label, String favorable, int explainRows,
            int backgroundRows, long seed) {
        int n = label.length;
        boolean[] complete = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = label[i] != null;
            for (String f : features) {
                ok &= numeric.containsKey(f) ? !Double.isNaN(numeric.get(f)[i]) : categorical.get(f)[i] != null;
            }
            complete[i] = ok;
            kept += ok ? 1 : 0;
        }
        if (kept == 0) {
            throw new BadInputException("--explain-label '" + labelColumn + "': no reference row has every feature "
                    + "and the label present, so no model can be trained");
        }
        List<Feature> cols = new ArrayList<>();
        List<Map<String, Integer>> codes = new ArrayList<>();
        for (String f : features) {
            if (numeric.containsKey(f)) {
                cols.add(Feature.numeric(f));
                codes.add(null);
            } else {
                TreeSet<String> levels = new TreeSet<>();
                String[] v = categorical.get(f);
                for (int i = 0; i < n; i++) {
                    if (complete[i]) {
                        levels.add(v[i]);
                    }
                }
                Map<String, Integer> c = new LinkedHashMap<>();
                levels.forEach(l -> c.put(l, c.size()));
                cols.add(Feature.categorical(f, List.copyOf(levels)));
                codes.add(c);
            }
        }
        double[][] x = new double[kept][features.size()];
        int[] y = new int[kept];
        int k = 0;
        boolean[] seen = new boolean[2];
        for (int i = 0; i < n; i++) {
            if (!complete[i]) {
                continue;
            }
            for (int j = 0; j < features.size(); j++) {
                String f = features.get(j);
                x[k][j] = codes.get(j) == null ? numeric.get(f)[i] : codes.get(j).get(categorical.get(f)[i]);
            }
            y[k] = Objects.equals(label[i], favorable) ? 1 : 0;
            seen[y[k]] = true;
            k++;
        }
        if (!seen[0] || !seen[1]) {
            throw new BadInputException("--explain-label '" + labelColumn + "': every complete reference row has "
                    + (seen[1] ? "the favorable label '" + favorable + "'" : "a label other than '" + favorable + "'")
                    + "; a model needs both classes (see --favorable)");
        }
        Dataset ds = Dataset.builder("reference").features(cols, x).labels(labelColumn, favorable, y).build();
        TrainedClassifier trained = ClassifierTrainer.of(ClassifierKind.LOGISTIC).withSeed(seed).train(ds);
        Model model = rows -> trained.predict(trained.encoder().encode(rows));
        String[] names = features.toArray(String[]::new);
        Background bg = Background.sample(x, Math.min(backgroundRows, kept), seed);
        KernelShap shap = KernelShap.builder(model, bg).seed(seed).featureNames(names)
                .threads(Math.max(1, Runtime.getRuntime().availableProcessors())).build();
        int affordable = Math.max(1, ExplanationSections.affordableRows(shap.estimateCost(1).modelRows(), names.length));
        int[] pick = ExplanationSections.sampleRows(kept, Math.min(explainRows, affordable), seed);
        double[][] rows = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            rows[i] = x[pick[i]];
        }
        GlobalImportance gi = shap.explainAll(rows).globalImportance();
        Map<String, Double> importance = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            importance.put(names[j], gi.meanAbs()[j]);
        }
        return new Result(importance, kept, pick.length, n - kept, ClassifierKind.LOGISTIC.label());
    }
}
