package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.explain.Background;
import org.junit.jupiter.api.Test;

/**
 * Against {@code golden/explain}: the model reproduced bit for bit, then exact Shapley values (M = 10)
 * from brute force and from KernelSHAP with every coalition enumerated.
 */
class GoldenGermanTest {

    @Test
    void logisticModelReproducesTheGoldenProbabilitiesBitForBit() {
        GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
        JsonNode checks = GoldenGerman.json("german_model.json").get("checks");
        double[][] bg = GoldenGerman.csv("german_background.csv", 24);
        double[][] rows = GoldenGerman.csv("german_explain_rows.csv", 24);
        double[] bgP = GoldenGerman.doubles(checks.get("background_p"));
        double[] rowP = GoldenGerman.doubles(checks.get("explain_rows_p"));
        assertThat(bg).hasNumberOfRows(50);
        assertThat(rows).hasNumberOfRows(10);
        for (int i = 0; i < bg.length; i++) {
            assertThat(Double.doubleToLongBits(model.p(bg[i]))).as("background row %d", i)
                    .isEqualTo(Double.doubleToLongBits(bgP[i]));
        }
        for (int i = 0; i < rows.length; i++) {
            assertThat(Double.doubleToLongBits(model.p(rows[i]))).as("explained row %d", i)
                    .isEqualTo(Double.doubleToLongBits(rowP[i]));
        }
    }

    @Test
    void exhaustiveKernelShapAndExactShapMatchTheBruteForceValues() {
        GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model10.json");
        JsonNode golden = GoldenGerman.json("german_shap_exact.json");
        Background bg = Background.of(GoldenGerman.csv("german_background.csv", 10));
        KernelShap kernel = KernelShap.builder(model, bg).nsamples(1022).seed(3L).threads(1).build();
        ExactShap exact = ExactShap.builder(model, bg).build();
        int checked = 0;
        double worstKernel = 0;
        double worstExact = 0;
        for (JsonNode inst : golden.get("instances")) {
            double[] x = GoldenGerman.doubles(inst.get("x"));
            double[] ref = GoldenGerman.doubles(inst.get("exact"));
            double scale = 0;
            for (double r : ref) {
                scale = Math.max(scale, Math.abs(r));
            }
            double tol = 1e-9 * scale;
            ShapExplanation k = kernel.explain(x);
            ShapExplanation e = exact.explain(x);
            assertThat(k.exact()).isTrue();
            assertThat(k.coalitions()).isEqualTo(1022);
            assertThat(e.exact()).isTrue();
            for (int j = 0; j < 10; j++) {
                worstKernel = Math.max(worstKernel, Math.abs(k.value(j) - ref[j]) / scale);
                worstExact = Math.max(worstExact, Math.abs(e.value(j) - ref[j]) / scale);
                assertThat(k.value(j)).as("kernel row %d feature %d", inst.get("row_index").asInt(), j)
                        .isCloseTo(ref[j], org.assertj.core.data.Offset.offset(tol));
                assertThat(e.value(j)).as("exact row %d feature %d", inst.get("row_index").asInt(), j)
                        .isCloseTo(ref[j], org.assertj.core.data.Offset.offset(tol));
            }
            assertThat(k.baseValue()).isCloseTo(inst.get("base_value").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-15));
            assertThat(e.baseValue()).isCloseTo(inst.get("base_value").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-15));
            assertThat(Double.doubleToLongBits(k.prediction()))
                    .isEqualTo(Double.doubleToLongBits(inst.get("prediction").asDouble()));
            checked++;
        }
        assertThat(checked).isEqualTo(10);
        System.out.printf("M=10 exact values: max |error| / max|exact|: KernelShap %.2e, ExactShap %.2e%n", worstKernel,
                worstExact);
    }
}
