package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapExplanationsRenderingTest {

    private static ShapExplanation explanation(double base, double[] values, double prediction) {
        return new ShapExplanation(base, values, prediction, Link.IDENTITY, 6, true,
                Provenance.of("test", Map.of(), 1L, null));
    }

    @Test
    void summaryNamesSizeBaseResidualAndTheLargestMeanAbsoluteValues() {
        // Base 0.5. Row 1: values (0.1, -0.3, 0.0), prediction 0.3 (residual 0). Row 2: values
        // (0.3, 0.1, 0.05), prediction 0.951 (residual 0.001). Mean |phi|: a 0.2, b 0.2, c 0.025;
        // a and b tie and keep index order.
        ShapExplanations all = new ShapExplanations(new double[][] {{1, 2, 3}, {4, 5, 6}},
                List.of(explanation(0.5, new double[] {0.1, -0.3, 0.0}, 0.3),
                        explanation(0.5, new double[] {0.3, 0.1, 0.05}, 0.951)),
                FeatureGroups.singletons("a", "b", "c"), Provenance.of("test", Map.of(), 1L, null));
        assertThat(all.toString()).isEqualTo(
                "ShapExplanations: 2 rows x 3 players, base value 0.5000, max |efficiency residual| 1.0e-03, 2 exact\n"
                        + "  mean |SHAP|: a 0.2000, b 0.2000, c 0.0250");
    }
}
