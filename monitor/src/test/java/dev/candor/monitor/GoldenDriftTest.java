package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces every Evidently test value, default-test choice, binning, raw scipy statistic,
 * dataset verdict and correction in {@code shared/golden/drift/adult_drift*.json} (scipy 1.10.1 with
 * Evidently 0.7.21's semantics) at the tolerances of that folder's README:
 * closed forms {@code 1e-9 * max(1, |v|)}; exact p-values 1e-9 relative; asymptotic p-values 1e-12
 * relative (1e-15 absolute below 1e-15); Cramér–von Mises p 1e-12 absolute; Hellinger below 1e-6
 * 1e-7 absolute; flags, test names, counts and TVD p-values exactly.
 */
class GoldenDriftTest {

    private static final Map<String, double[]> WORST = new TreeMap<>();

    private enum Tol { CLOSED, EXACT_P, ASYMP_P, CVM_P, EXACT }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"adult_drift.json, no_drift", "adult_drift.json, drift", "adult_drift_small.json, small",
        "adult_drift_small.json, small_equal_n", "adult_drift_small.json, identical"})
    void reproducesEveryGoldenValue(String file, String scenario) throws IOException {
        JsonNode s = new ObjectMapper().readTree(SharedData.golden("drift/" + file).toFile())
                .get("scenarios").get(scenario);
        List<List<String[]>> rows = AdultSamples.scenario(scenario);
        assertThat(rows.get(0)).hasSize(s.get("reference").get("n").asInt());
        assertThat(rows.get(1)).hasSize(s.get("current").get("n").asInt());
        List<String> failures = new ArrayList<>();
        DriftAnalysis.Builder b = DriftAnalysis.builder().allTests().corrections();
        for (Iterator<String> it = s.get("features").fieldNames(); it.hasNext(); ) {
            String f = it.next();
            FeatureSamples fs = AdultSamples.samples(f, rows.get(0), rows.get(1));
            b.feature(fs);
            checkFeature(f, fs, s.get("features").get(f), failures);
        }
        DriftReport report = b.build().run();
        checkDataset(report, s, failures);
        assertThat(failures).as("golden mismatches").isEmpty();
    }

    private void checkFeature(String f, FeatureSamples fs, JsonNode g, List<String> failures) {
        String at = f + ": ";
        eq(failures, at + "n_reference", g.get("n_reference").asInt(), fs.size(Side.REFERENCE));
        eq(failures, at + "n_current", g.get("n_current").asInt(), fs.size(Side.CURRENT));
        eq(failures, at + "n_unique_reference", g.get("n_unique_reference").asInt(), fs.distinctReference());
        eq(failures, at + "n_unique_combined", g.get("n_unique_combined").asInt(), fs.distinctValues());
        JsonNode def = g.get("evidently_default_test");
        DriftTest chosen = DefaultTests.of(fs);
        eq(failures, at + "default test", def.get("name").asText(), chosen.key());
        for (Iterator<Map.Entry<String, JsonNode>> it = g.get("evidently_tests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            DriftTest t = DriftTest.byKey(e.getKey()).orElseThrow();
            DriftResult r = t.test(fs);
            JsonNode exp = e.getValue();
            String where = at + t.key();
            if (exp.hasNonNull("error")) {
                if (r.defined()) {
                    failures.add(where + ": expected an error (" + exp.get("error").asText() + "), got " + r.value());
                }
                continue;
            }
            if (!r.defined()) {
                failures.add(where + ": undefined " + r.reason() + " but golden has " + exp.get("value"));
                continue;
            }
            close(failures, where, t.key(), num(exp.get("value")), r.value(), tolFor(t, num(exp.get("value"))));
            eq(failures, where + " drift", exp.get("drift").asBoolean(), r.drift());
            eq(failures, where + " threshold", exp.get("threshold").asDouble(), r.threshold());
            if (exp.has("warnings")) {
                eq(failures, where + " warnings", exp.get("warnings").get(0).asText(), r.warnings().get(0));
            }
        }
        DriftResult d = chosen.test(fs);
        close(failures, at + "default value", chosen.key(), num(def.get("value")), d.value(),
                tolFor(chosen, num(def.get("value"))));
        eq(failures, at + "default drift", def.get("drift").asBoolean(), d.drift());
        checkBinning(at, fs, g.get("evidently_binning"), failures);
        checkScipy(at, fs, g.get("scipy"), failures);
    }

    private void checkBinning(String at, FeatureSamples fs, JsonNode g, List<String> failures) {
        EvidentlyBinning b = EvidentlyBinning.of(fs);
        eq(failures, at + "binning method", g.get("method").asText(), b.histogram() ? "histogram" : "categories");
        if (b.histogram()) {
            eq(failures, at + "n_bins", g.get("n_bins").asInt(), b.size());
            double[] edges = b.edges();
            for (int i = 0; i < edges.length; i++) {
                close(failures, at + "edge " + i, "binning", g.get("edges").get(i).asDouble(), edges[i], Tol.CLOSED);
            }
        } else {
            List<String> keys = fs.categories().keys();
            for (int i = 0; i < keys.size(); i++) {
                eq(failures, at + "key " + i, g.get("keys").get(i).asText(), keys.get(i));
            }
        }
        for (int i = 0; i < b.size(); i++) {
            eq(failures, at + "reference count " + i, g.get("reference_counts").get(i).asLong(), b.reference()[i]);
            eq(failures, at + "current count " + i, g.get("current_counts").get(i).asLong(), b.current()[i]);
        }
        floorEq(failures, at + "reference_floor", g.get("reference_floor"), EvidentlyBinning.floor(b.referencePercents()));
        floorEq(failures, at + "current_floor", g.get("current_floor"), EvidentlyBinning.floor(b.currentPercents()));
    }

    private void floorEq(List<String> failures, String where, JsonNode g, double actual) {
        if (g == null || g.isNull()) {
            if (!Double.isNaN(actual)) {
                failures.add(where + ": expected none, got " + actual);
            }
        } else {
            close(failures, where, "binning", g.asDouble(), actual, Tol.CLOSED);
        }
    }

    private void checkScipy(String at, FeatureSamples fs, JsonNode g, List<String> failures) {
        if (fs.kind() == FeatureKind.NUMERIC) {
            Pooled p = fs.pooled();
            JsonNode ks = g.get("ks_2samp_auto");
            RankStatistics.Ks auto = RankStatistics.ks(p, false);
            close(failures, at + "ks D", "ks D", ks.get("statistic").asDouble(), auto.d(), Tol.CLOSED);
            eq(failures, at + "ks method", ks.get("method_used").asText(), auto.exact() ? "exact" : "asymp");
            JsonNode asy = g.get("ks_2samp_asymp");
            RankStatistics.Ks as = RankStatistics.ks(p, true);
            close(failures, at + "ks asymp p", "ks (asymp)", num(asy.get("pvalue")), as.p(), Tol.ASYMP_P);
            close(failures, at + "ks asymp D", "ks D", asy.get("statistic").asDouble(), as.d(), Tol.CLOSED);
            JsonNode welch = g.get("ttest_ind_welch");
            double[] w = MomentStatistics.tTest(fs.sorted(Side.REFERENCE), fs.sorted(Side.CURRENT), true);
            close(failures, at + "welch t", "t statistic", welch.get("statistic").asDouble(), w[0], Tol.CLOSED);
            close(failures, at + "welch p", "welch_t_test", num(welch.get("pvalue")), w[1], Tol.ASYMP_P);
            close(failures, at + "welch df", "t statistic", welch.get("df").asDouble(), w[2], Tol.CLOSED);
            JsonNode student = g.get("ttest_ind_student");
            close(failures, at + "student t", "t statistic", student.get("statistic").asDouble(),
                    DriftTest.T_TEST.test(fs).statistic(), Tol.CLOSED);
            JsonNode mw2 = g.get("mannwhitneyu_two_sided");
            TestStatistic two = RankStatistics.mannWhitney(p, true);
            close(failures, at + "U1", "U", mw2.get("U1").asDouble(), two.statistic(), Tol.CLOSED);
            close(failures, at + "mannw two-sided p", "mannw_two_sided", num(mw2.get("pvalue")), two.pValue(),
                    Tol.ASYMP_P);
            close(failures, at + "AD A2", "anderson A2", g.get("anderson_ksamp").get("statistic").asDouble(),
                    RankStatistics.andersonDarling(p).statistic(), Tol.CLOSED);
            JsonNode cvm = g.get("cramervonmises_2samp");
            RankStatistics.Cvm c = RankStatistics.cramerVonMises(p);
            close(failures, at + "CvM T", "cvm T", cvm.get("statistic").asDouble(), c.t(), Tol.CLOSED);
            close(failures, at + "CvM U", "cvm U", cvm.get("U").asDouble(), c.u(), Tol.CLOSED);
            close(failures, at + "CvM tn", "cvm T", cvm.get("tn").asDouble(), c.tn(), Tol.CLOSED);
            close(failures, at + "W1", "wasserstein W1", g.get("wasserstein_distance").asDouble(),
                    RankStatistics.cdfDistance(p, 1), Tol.CLOSED);
            close(failures, at + "std", "reference std", g.get("reference_std_ddof0").asDouble(),
                    MomentStatistics.stdPopulation(fs.sorted(Side.REFERENCE)), Tol.CLOSED);
            close(failures, at + "energy", "ed", g.get("energy_distance").asDouble(), RankStatistics.energy(p),
                    Tol.CLOSED);
            JsonNode es = g.get("epps_singleton_2samp");
            if (es.has("statistic")) {
                DriftResult r = DriftTest.ES.test(fs);
                close(failures, at + "ES W", "es W", es.get("statistic").asDouble(), r.statistic(), Tol.CLOSED);
            }
        } else {
            JsonNode chi = g.get("chi2_contingency");
            TestStatistic h = CountStatistics.chiSquareHomogeneity(fs.categories(), true);
            close(failures, at + "chi2_contingency stat", "chi2 statistic", chi.get("statistic").asDouble(),
                    h.statistic(), Tol.CLOSED);
            close(failures, at + "chi2_contingency p", "chi2_contingency", num(chi.get("p")), h.pValue(), Tol.ASYMP_P);
            close(failures, at + "chisquare stat", "chi2 statistic",
                    num(g.get("chisquare_evidently").get("statistic")), DriftTest.CHISQUARE.test(fs).statistic(),
                    Tol.CLOSED);
            close(failures, at + "z", "z statistic", num(g.get("z_evidently").get("z")),
                    DriftTest.Z.test(fs).statistic(), Tol.CLOSED);
            close(failures, at + "tvd", "TVD statistic", g.get("tvd_evidently").get("statistic").asDouble(),
                    CountStatistics.totalVariation(fs.categories()), Tol.CLOSED);
        }
    }

    private void checkDataset(DriftReport report, JsonNode s, List<String> failures) {
        JsonNode dd = s.get("dataset_drift");
        DatasetDrift d = report.dataset();
        eq(failures, "number_of_columns", dd.get("number_of_columns").asInt(), d.numberOfColumns());
        eq(failures, "number_of_drifted_columns", dd.get("number_of_drifted_columns").asInt(),
                d.numberOfDriftedColumns());
        close(failures, "share_of_drifted_columns", "dataset", dd.get("share_of_drifted_columns").asDouble(),
                d.shareOfDriftedColumns(), Tol.CLOSED);
        eq(failures, "dataset_drift", dd.get("dataset_drift").asBoolean(), d.datasetDrift());
        List<String> drifted = new ArrayList<>();
        dd.get("drifted_columns").forEach(n -> drifted.add(n.asText()));
        eq(failures, "drifted_columns", drifted, d.driftedColumns());
        JsonNode c = s.get("corrections");
        JsonNode features = c.get("features");
        for (int i = 0; i < features.size(); i++) {
            String f = features.get(i).asText();
            FeatureDrift fd = report.features().get(f);
            DriftTest src = DriftAnalysis.correctionSource(fd.kind());
            double p = fd.tests().get(src).pValue();
            Tol pt = src == DriftTest.KS && fd.tests().get(src).pValue() >= 0 && p != 0 ? tolFor(src, p) : Tol.ASYMP_P;
            close(failures, f + " correction p", "corrections", num(c.get("pvalues").get(i)), p, pt);
            close(failures, f + " bonferroni", "corrections", num(c.get("bonferroni").get(i)),
                    report.corrections().get(Correction.BONFERRONI).get(f), pt);
            close(failures, f + " fdr_bh", "corrections", num(c.get("benjamini_hochberg").get(i)),
                    report.corrections().get(Correction.FDR_BH).get(f), pt);
        }
    }

    private static Tol tolFor(DriftTest t, double golden) {
        return switch (t) {
            case KS, FISHER_EXACT -> Tol.EXACT_P; // KS asymptotic values are checked tighter above
            case CRAMER_VON_MISES -> Tol.CVM_P;
            case TVD -> Tol.EXACT;
            case CHISQUARE, Z, T_TEST, MANNW, ANDERSON, ES, G_TEST, WELCH_T_TEST, MANNW_TWO_SIDED, CHI2_CONTINGENCY ->
                    Tol.ASYMP_P;
            default -> Tol.CLOSED;
        };
    }

    private static double num(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private static void eq(List<String> failures, String where, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(where + ": expected " + expected + ", got " + actual);
        }
    }

    private static void close(List<String> failures, String where, String group, double exp, double act, Tol tol) {
        double dev;
        boolean ok;
        double scale = Math.max(Math.abs(exp), Math.abs(act));
        if (Double.isNaN(exp) || Double.isInfinite(exp)) {
            ok = Double.compare(exp, act) == 0;
            dev = ok ? 0 : Double.POSITIVE_INFINITY;
        } else {
            double abs = Math.abs(exp - act);
            switch (tol) {
                case CLOSED -> {
                    dev = abs / Math.max(1, Math.abs(exp));
                    ok = (group.equals("hellinger") && Math.abs(exp) < 1e-6) ? abs <= 1e-7 : dev <= 1e-9;
                }
                case EXACT_P -> {
                    dev = scale == 0 ? 0 : abs / scale;
                    ok = exp >= 1e-15 ? dev <= 1e-9 : abs <= 1e-15;
                }
                case ASYMP_P -> {
                    dev = scale == 0 ? 0 : abs / scale;
                    ok = exp >= 1e-15 ? dev <= 1e-12 : abs <= 1e-15;
                }
                case CVM_P -> {
                    dev = abs;
                    ok = abs <= 1e-12;
                }
                default -> {
                    dev = abs;
                    ok = exp == act;
                }
            }
        }
        synchronized (WORST) {
            double[] w = WORST.computeIfAbsent(group, k -> new double[1]);
            w[0] = Math.max(w[0], dev);
        }
        if (!ok) {
            failures.add(where + ": expected " + exp + ", got " + act + " (deviation " + dev + ")");
        }
    }

    @AfterAll
    static void printWorstDeviations() {
        StringBuilder sb = new StringBuilder("Worst deviation from the golden drift files, per quantity:\n");
        WORST.forEach((k, v) -> sb.append(String.format("  %-22s %.3g%n", k, v[0])));
        System.out.print(sb);
    }
}
