package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Drifted features ranked by drift effect times model importance. */
class DriftRankingTest {

    private static double[] normal(SplittableRandom r, int n, double mean) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + mean;
        }
        return x;
    }

    @Test
    void theFeatureThatDriftedAndMattersComesFirst() {
        SplittableRandom r = new SplittableRandom(5);
        String[] refC = new String[3000];
        String[] curC = new String[2000];
        for (int i = 0; i < refC.length; i++) {
            refC[i] = r.nextInt(10) < 7 ? "x" : "y";
        }
        for (int i = 0; i < curC.length; i++) {
            curC[i] = r.nextInt(10) < 2 ? "x" : "y";
        }
        DriftReport report = DriftAnalysis.builder()
                .numeric("big", normal(r, 3000, 0), normal(r, 2000, 1.5))
                .numeric("small", normal(r, 3000, 0), normal(r, 2000, 0.3))
                .numeric("none", normal(r, 3000, 0), normal(r, 2000, 0))
                .categorical("cat", refC, curC)
                .tests(EnumSet.of(DriftTest.KS))
                .build().run();
        assertThat(report.features().get("none").drifted()).isFalse();
        Map<String, Double> importance = Map.of("big", 0.1, "small", 2.0, "none", 9.0, "cat", 0.2);
        List<DriftRanking> ranking = report.rankByImportance(importance);
        assertThat(ranking).extracting(DriftRanking::feature).containsExactly("small", "big", "cat");
        for (DriftRanking d : ranking) {
            FeatureDrift f = report.features().get(d.feature());
            // the default tests here are distances (wasserstein, jensenshannon): the effect is their value
            assertThat(d.effectTest()).isEqualTo(f.defaultTest());
            assertThat(d.effect()).isEqualTo(f.defaultResult().value());
            assertThat(d.score()).isEqualTo(d.effect() * importance.get(d.feature()));
        }
        assertThat(report.rankByImportance(Map.of("big", 1.0))).extracting(DriftRanking::feature).containsExactly("big");
        assertThatThrownBy(() -> report.rankByImportance(Map.of("big", -1.0)))
                .hasMessageContaining("feature 'big': importance -1.0 must be finite and >= 0");
    }

    @Test
    void aPValueDefaultTakesItsEffectFromADistance() {
        SplittableRandom r = new SplittableRandom(9);
        DriftReport small = DriftAnalysis.builder().numeric("a", normal(r, 400, 0), normal(r, 300, 2))
                .tests(EnumSet.of(DriftTest.KS)).build().run();
        FeatureDrift a = small.features().get("a");
        assertThat(a.defaultTest()).isEqualTo(DriftTest.KS); // 400 reference rows: Evidently's p-value default
        DriftRanking d = small.rankByImportance(Map.of("a", 3.0)).get(0);
        assertThat(d.effectTest()).isEqualTo(DriftTest.KS);
        assertThat(d.effect()).isEqualTo(a.defaultResult().statistic());
        assertThat(d.score()).isEqualTo(3.0 * a.defaultResult().statistic());
    }
}
