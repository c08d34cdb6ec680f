package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Candor's LIME against lime 0.2.0.1 on German credit (golden/explain/german_lime.json): 10 rows,
 * 50 independent runs each with the reference's settings (quartiles, 5000 samples, width 0.75·√24,
 * all 24 features, ridge alpha 1) and the reference's handling of bins without spread, which the
 * README shows changes the means (f0, f4, f8, f11..f14 are fed 0 in their bottom bin).
 */
class LimeGoldenTest {

    private static final int RUNS = 50;
    private static final List<Row> ROWS = new ArrayList<>();

    private record Row(JsonNode golden, LimeStability candor) {
    }

    @BeforeAll
    static void explainEveryGoldenRowFiftyTimes() {
        LimeTabular lime = LimeTabular.builder(GermanFixtures.model(), GermanFixtures.training())
                .numSamples(5000).seed(7L).numFeatures(24).referenceCompatibleUndiscretize(true).build();
        assertThat(lime.kernelWidth()).isEqualTo(GermanFixtures.limeJson().get("settings").get("kernel_width").asDouble());
        for (JsonNode inst : GermanFixtures.limeJson().get("instances")) {
            ROWS.add(new Row(inst, lime.explainStability(GermanFixtures.doubles(inst.get("x")), RUNS, 5)));
        }
    }

    private static double[] column(List<LimeExplanation> runs, java.util.function.ToDoubleFunction<LimeExplanation> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** |mean_candor - mean_lime| / sqrt(se_candor² + se_lime²). */
    private static double z(double meanC, double sdC, double meanL, double seL) {
        double se = Math.sqrt(sdC * sdC / RUNS + seL * seL);
        return Math.abs(meanC - meanL) / se;
    }

    @Test
    void everyMeanWeightIsWithinFourCombinedStandardErrorsOfLime() {
        double worst = 0;
        int above2 = 0;
        int points = 0;
        for (Row r : ROWS) {
            double[] meanL = GermanFixtures.doubles(r.golden.get("weights_mean"));
            double[] seL = GermanFixtures.doubles(r.golden.get("weights_standard_error"));
            for (int j = 0; j < 24; j++) {
                if (j == 10 || j == 17) {
                    continue;
                }
                LimeStability.FeatureStability f = r.candor.features().get(j);
                double zz = z(f.meanWeight(), f.stdWeight(), meanL[j], seL[j]);
                assertThat(zz).as("row %s feature f%d: candor %s lime %s", r.golden.get("row_index"), j,
                        f.meanWeight(), meanL[j]).isLessThanOrEqualTo(4.0);
                worst = Math.max(worst, zz);
                above2 += zz > 2 ? 1 : 0;
                points++;
            }
        }
        // under the null about 4.6% of points exceed 2 SE; 220 points -> expect ~10
        assertThat(above2).as("points beyond 2 SE").isLessThanOrEqualTo(25);
        System.out.printf("LIME golden: %d weight means, worst |z| = %.2f, %d beyond 2 SE%n", points, worst, above2);
    }

    @Test
    void interceptScoreAndLocalPredictionAgreeWithLime() {
        for (Row r : ROWS) {
            List<LimeExplanation> runs = r.candor.explanations();
            String[][] keys = {{"intercept_mean", "intercept_std"}, {"score_mean", "score_std"},
                    {"local_pred_mean", "local_pred_std"}};
            double[][] values = {column(runs, LimeExplanation::intercept), column(runs, LimeExplanation::score),
                    column(runs, LimeExplanation::localPrediction)};
            for (int k = 0; k < 3; k++) {
                double meanL = r.golden.get(keys[k][0]).asDouble();
                double seL = r.golden.get(keys[k][1]).asDouble() / Math.sqrt(RUNS);
                double zz = z(mean(values[k]), sd(values[k]), meanL, seL);
                assertThat(zz).as("row %s %s: candor %s lime %s", r.golden.get("row_index"), keys[k][0],
                        mean(values[k]), meanL).isLessThanOrEqualTo(4.0);
            }
            // the model's own prediction is exact
            assertThat(runs.get(0).modelPrediction()).isEqualTo(r.golden.get("prediction").asDouble());
        }
    }

    @Test
    void featuresWithASingleObservedBinGetExactlyZero() {
        for (Row r : ROWS) {
            for (LimeExplanation e : r.candor.explanations()) {
                assertThat(e.weights()[10]).isEqualTo(0.0);
                assertThat(e.weights()[17]).isEqualTo(0.0);
            }
        }
    }

    @Test
    void spreadOverSeedsIsOfTheSameOrderAsLime() {
        // Ratio of standard deviations over 50 runs each: sqrt of an F(49, 49) variable, whose
        // 0.9995 quantile is about 2.6 (ratio 1.6); a per-point band [0.5, 2] and a median in
        // [0.8, 1.25] detect a sampler with the wrong variance.
        List<Double> ratios = new ArrayList<>();
        for (Row r : ROWS) {
            double[] sdL = GermanFixtures.doubles(r.golden.get("weights_std"));
            for (int j = 0; j < 24; j++) {
                if (j == 10 || j == 17) {
                    continue;
                }
                double ratio = r.candor.features().get(j).stdWeight() / sdL[j];
                assertThat(ratio).as("row %s f%d", r.golden.get("row_index"), j).isBetween(0.5, 2.0);
                ratios.add(ratio);
            }
        }
        ratios.sort(Double::compare);
        double median = ratios.get(ratios.size() / 2);
        System.out.printf("LIME golden: sd ratio candor/lime median %.3f, min %.3f, max %.3f%n", median,
                ratios.get(0), ratios.get(ratios.size() - 1));
        assertThat(median).isBetween(0.8, 1.25);
    }

    @Test
    void conditionsReadLikeTheReference() {
        JsonNode disc = GermanFixtures.limeJson().get("discretizer");
        for (Row r : ROWS) {
            LimeExplanation e = r.candor.explanations().get(0);
            for (int j = 0; j < 24; j++) {
                int bin = r.golden.get("x_bins").get(j).asInt();
                assertThat(e.conditions().get(j)).isEqualTo(disc.get(j).get("bins").get(bin).get("condition").asText());
            }
        }
    }

    @Test
    void theDefaultFeedsRealBinValuesAndSoDepartsFromLimeWhereTheQuirkMatters() {
        // Without the compatibility option the bottom bin "f0 <= 1" is fed 1 instead of 0, so the
        // model's output in that bin, and f0's weight for row 100 (x in bin 2), move far beyond the
        // sampling error: evidence that the golden comparison above is sensitive to the quirk.
        LimeTabular candor = LimeTabular.builder(GermanFixtures.model(), GermanFixtures.training())
                .numSamples(5000).seed(7L).numFeatures(24).build();
        JsonNode row = GermanFixtures.limeJson().get("instances").get(0);
        LimeStability s = candor.explainStability(GermanFixtures.doubles(row.get("x")), RUNS, 5);
        LimeStability.FeatureStability f0 = s.features().get(0);
        double zz = z(f0.meanWeight(), f0.stdWeight(), row.get("weights_mean").get(0).asDouble(),
                row.get("weights_standard_error").get(0).asDouble());
        System.out.printf("LIME golden: default mode, row 100 f0 weight %.4f vs lime %.4f (|z| = %.0f)%n",
                f0.meanWeight(), row.get("weights_mean").get(0).asDouble(), zz);
        assertThat(zz).isGreaterThan(10);
    }
}
