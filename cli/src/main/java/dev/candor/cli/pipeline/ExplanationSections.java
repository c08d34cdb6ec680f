package dev.candor.cli.pipeline;

import dev.candor.core.BadInputException;
import dev.candor.report.assemble.AuditSections;

import dev.candor.core.Provenance;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Feature;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.lime.LimeExplanation;
import dev.candor.explain.lime.LimeStability;
import dev.candor.explain.lime.LimeTabular;
import dev.candor.explain.shap.GlobalImportance;
import dev.candor.explain.shap.KernelShap;
import dev.candor.explain.shap.ShapExplanation;
import dev.candor.explain.shap.ShapExplanations;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.MethodsSection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The explanation section: KernelSHAP on a bounded sample of test rows, with a small background, and
 * LIME (with its stability over reruns) for a few selected rows.
 *
 * <p>Cost is bounded for reports: the background is {@code backgroundRows} training rows drawn
 * with the seed (shap's advice is to summarise the background; real rows keep categorical codes
 * valid), at most {@code explainRows} test rows are explained, and KernelSHAP's coalition budget is
 * its default 2M + 2048 (exact enumeration when 2^M − 2 fits in it). The model is thus called about
 * {@code explainRows × min(2^M, 2M + 2048) × backgroundRows} times. The cost estimate is printed
 * before KernelSHAP starts; when model rows × features would exceed {@link #MODEL_VALUE_BUDGET}
 * (2·10^9) the explained rows are reduced to fit (and the progress line says so), and data so wide
 * that one row exceeds it is refused with a message before any explaining.
 *
 * @since 0.1.0
 */
final class ExplanationSections {

    /** What the section computed, and how, for the methods appendix. */
    record Result(ExplanationSection section, List<MethodsSection.ProvenanceRow> provenance,
                  Map<String, String> settings) {
    }

    /** Reruns of LIME used to measure its stability. */
    static final int LIME_RUNS = 5;
    /**
     * The most feature values KernelSHAP may pass to the model in a report (model rows × features):
     * above it the explained rows are reduced to fit, and when one row alone exceeds it the run is
     * refused before it starts. About a minute of a logistic model's time on one core.
     */
    static final long MODEL_VALUE_BUDGET = 2_000_000_000L;

    /** @return how many rows fit in {@link #MODEL_VALUE_BUDGET} at this cost per row and width */
    static int affordableRows(long modelRowsPerRow, int features) {
        double perRow = (double) modelRowsPerRow * Math.max(1, features);
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(MODEL_VALUE_BUDGET / perRow));
    }

    /** Features given a dependence plot. */
    static final int DEPENDENCE_FEATURES = 3;

    private ExplanationSections() {
    }

    /**
     * How the rows given local explanations are chosen and named: the highest and lowest outputs and
     * the one nearest {@code middle}.
     *
     * @param output     what the model's output is called ("score", "prediction")
     * @param middle     the reference value of the middle row
     * @param middleName what the middle value is ("the decision threshold", "the median prediction")
     */
    record LocalRows(String output, double middle, String middleName) {
        /** A classifier's rows: highest and lowest score, and the score nearest the 0.5 threshold. */
        static final LocalRows CLASSIFIER = new LocalRows("score", 0.5, "the decision threshold");
    }

    static Result compute(Model model, Dataset train, Dataset test, double[] testScores, int explainRows,
                          int backgroundRows, int limeSamples, long seed, StepProgress progress) {
        return compute(model, train, test, testScores, explainRows, backgroundRows, limeSamples, seed, progress,
                LocalRows.CLASSIFIER);
    }

    static Result compute(Model model, Dataset train, Dataset test, double[] testScores, int explainRows,
                          int backgroundRows, int limeSamples, long seed, StepProgress progress, LocalRows localRows) {
        List<Feature> features = test.features();
        int m = features.size();
        String[] names = test.featureNames().toArray(String[]::new);
        double[][] trainX = train.x();
        double[][] testX = test.x();
        Background bg = Background.sample(trainX, Math.min(backgroundRows, trainX.length), seed);
        KernelShap shap = KernelShap.builder(model, bg).seed(seed).featureNames(names).progress(progress)
                .threads(Math.max(1, Runtime.getRuntime().availableProcessors())).build();
        int affordable = affordableRows(shap.estimateCost(1).modelRows(), m);
        if (affordable < 1) {
            throw new BadInputException("explaining even one row of these " + m + " features with KernelSHAP would "
                    + "pass the model " + shap.estimateCost(1) + " of " + m + " values each, beyond the budget of "
                    + String.format(Locale.ROOT, "%,d", MODEL_VALUE_BUDGET) + " values: drop columns, or "
                    + "skip explanations (--explain-rows 0)");
        }
        int wanted = Math.min(explainRows, testX.length);
        int[] pick = sampleRows(testX.length, Math.min(explainRows, affordable), seed);
        double[][] rows = new double[pick.length][];
        for (int i = 0; i < pick.length; i++) {
            rows[i] = testX[pick[i]];
        }
        progress.step("explaining " + rows.length + " rows with KernelSHAP (" + shap.estimateCost(rows.length) + ")"
                + (rows.length < wanted ? "; " + wanted + " rows reduced to " + rows.length + " to stay within the "
                + "budget of " + String.format(Locale.ROOT, "%,d", MODEL_VALUE_BUDGET) + " values passed "
                + "to the model" : ""));
        ShapExplanations all = shap.explainAll(rows);
        progress.done();
        double[][] values = all.values();
        GlobalImportance gi = all.globalImportance();
        double[] se = new double[m];
        for (int j = 0; j < m; j++) {
            se[j] = gi.stdAbs()[j] / Math.sqrt(Math.max(1, gi.rows()));
        }
        int[] ranking = gi.ranking();
        int[] dependence = Arrays.copyOf(ranking, Math.min(DEPENDENCE_FEATURES, ranking.length));

        List<ExplanationSection.GroupImportance> byGroup = new ArrayList<>();
        for (ProtectedAttribute pa : test.protectedAttributes()) {
            byGroup.add(byGroup(pa, pick, all, names));
        }

        // LIME and waterfalls for a few rows: the highest and lowest scores, and the one nearest the threshold.
        LimeTabular.Builder lb = LimeTabular.builder(model, trainX).seed(seed).numSamples(limeSamples)
                .featureNames(names);
        int[] cats = java.util.stream.IntStream.range(0, m).filter(j -> features.get(j).isCategorical()).toArray();
        if (cats.length > 0) {
            lb.categoricalFeatures(cats);
            for (int j : cats) {
                lb.categoryNames(j, features.get(j).levels().toArray(String[]::new));
            }
        }
        LimeTabular lime = lb.build();
        // LIME samples a category from its training frequencies, so it cannot explain a row holding a
        // category the training split never saw: such rows are not chosen for LIME (KernelSHAP, whose
        // background replaces the value, explains them like any other).
        boolean[] limeable = new boolean[pick.length];
        java.util.List<java.util.Set<Double>> seen = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            java.util.Set<Double> v = new java.util.HashSet<>();
            if (features.get(j).isCategorical()) {
                for (double[] r : trainX) {
                    v.add(r[j]);
                }
            }
            seen.add(v);
        }
        for (int k = 0; k < pick.length; k++) {
            limeable[k] = true;
            for (int j : cats) {
                limeable[k] &= seen.get(j).contains(rows[k][j]);
            }
        }
        Map<Integer, String> chosen = chooseLocalRows(pick, testScores, limeable, localRows);
        progress.step("explaining " + chosen.size() + " rows with LIME (" + LIME_RUNS + " runs each for stability)");
        List<ExplanationSection.LocalExplanation> local = new ArrayList<>();
        List<MethodsSection.ProvenanceRow> prov = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, String> e : chosen.entrySet()) {
            int k = e.getKey();
            int testRow = pick[k];
            ShapExplanation s = all.get(k);
            LimeExplanation le = lime.explain(rows[k], testRow);
            LimeStability st = lime.explainStability(rows[k], LIME_RUNS);
            List<String> labels = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                labels.add(names[j] + " = " + features.get(j).format(rows[k][j]));
            }
            StringBuilder groups = new StringBuilder();
            for (ProtectedAttribute pa : test.protectedAttributes()) {
                if (groups.length() > 0) {
                    groups.append(", ");
                }
                groups.append(pa.name()).append(" = ").append(pa.value(testRow));
            }
            local.add(new ExplanationSection.LocalExplanation(testRow, e.getValue(), groups.toString(),
                    s.prediction(), labels, s.values(), le.conditions(), le.weights(), le.intercept(), le.score(),
                    st.meanTopKJaccard()));
            if (done == 0) {
                prov.add(AuditSections.provenanceRow("LIME, test row " + testRow, le.provenance()));
            }
            progress.progress(++done, chosen.size());
        }
        progress.done();
        prov.add(0, AuditSections.provenanceRow("KernelSHAP of " + rows.length + " test rows", all.provenance()));

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shap.explained_rows", String.valueOf(rows.length));
        settings.put("shap.background", bg.description());
        settings.put("shap.nsamples", String.valueOf(shap.budget(m)));
        settings.put("shap.seed", String.valueOf(shap.seed()));
        settings.put("lime.num_samples", String.valueOf(limeSamples));
        settings.put("lime.kernel_width", String.valueOf(lime.kernelWidth()));
        settings.put("lime.stability_runs", String.valueOf(LIME_RUNS));
        List<String> categoricalNames = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (features.get(j).isCategorical()) {
                categoricalNames.add(names[j]);
            }
        }
        ExplanationSection section = new ExplanationSection(List.of(names), shap.baseValue(), rows.length,
                gi.meanAbs(), se, values, rows, dependence, local, byGroup, categoricalNames);
        return new Result(section, prov, settings);
    }

    /** Mean |SHAP|, mean SHAP and mean prediction within each group of an attribute, over the explained rows. */
    static ExplanationSection.GroupImportance byGroup(ProtectedAttribute pa, int[] pick, ShapExplanations all,
                                                      String[] names) {
        int m = names.length;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String v : pa.groups()) {
            index.put(v, index.size());
        }
        int k = index.size();
        double[][] abs = new double[k][m];
        double[][] signed = new double[k][m];
        double[] pred = new double[k];
        long[] n = new long[k];
        for (int i = 0; i < pick.length; i++) {
            int g = index.get(pa.value(pick[i]));
            ShapExplanation e = all.get(i);
            double[] v = e.values();
            for (int j = 0; j < m; j++) {
                abs[g][j] += Math.abs(v[j]);
                signed[g][j] += v[j];
            }
            pred[g] += e.prediction();
            n[g]++;
        }
        List<String> groups = new ArrayList<>();
        List<double[]> a = new ArrayList<>();
        List<double[]> s = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            int g = e.getValue();
            if (n[g] == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                abs[g][j] /= n[g];
                signed[g][j] /= n[g];
            }
            groups.add(e.getKey());
            a.add(abs[g]);
            s.add(signed[g]);
            p.add(pred[g] / n[g]);
            c.add(n[g]);
        }
        double[][] signedArr = s.toArray(double[][]::new);
        return new ExplanationSection.GroupImportance(pa.name(), groups, a.toArray(double[][]::new), signedArr,
                p.stream().mapToDouble(Double::doubleValue).toArray(), c.stream().mapToLong(Long::longValue).toArray(),
                largestShift(signedArr, names));
    }

    /** The feature whose mean SHAP value differs most between the groups (max − min over groups). */
    static String largestShift(double[][] imp, String[] names) {
        if (imp.length < 2) {
            return "(one group only)";
        }
        int best = 0;
        double bestGap = -1;
        for (int j = 0; j < names.length; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] g : imp) {
                lo = Math.min(lo, g[j]);
                hi = Math.max(hi, g[j]);
            }
            if (hi - lo > bestGap) {
                bestGap = hi - lo;
                best = j;
            }
        }
        return names[best];
    }

    /** Up to {@code k} of {@code n} row indices, drawn without replacement with the seed, in ascending order. */
    static int[] sampleRows(int n, int k, long seed) {
        if (k >= n) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    /** Positions (into the explained rows) of the rows given local explanations, with why. */
    private static Map<Integer, String> chooseLocalRows(int[] pick, double[] testScores, boolean[] eligible,
                                                        LocalRows how) {
        int first = -1;
        for (int k = 0; k < pick.length && first < 0; k++) {
            first = eligible[k] ? k : -1;
        }
        if (first < 0) {
            return new LinkedHashMap<>();
        }
        int hi = first;
        int lo = first;
        int mid = first;
        for (int k = 0; k < pick.length; k++) {
            if (!eligible[k]) {
                continue;
            }
            double s = testScores[pick[k]];
            if (s > testScores[pick[hi]]) {
                hi = k;
            }
            if (s < testScores[pick[lo]]) {
                lo = k;
            }
            if (Math.abs(s - how.middle()) < Math.abs(testScores[pick[mid]] - how.middle())) {
                mid = k;
            }
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        out.put(hi, "highest " + how.output() + " among the explained rows");
        out.putIfAbsent(mid, how.output() + " closest to " + how.middleName());
        out.putIfAbsent(lo, "lowest " + how.output() + " among the explained rows");
        return out;
    }
}
