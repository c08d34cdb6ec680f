package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.explain.Background;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Leverage SHAP sampling (Musco and Witter, ICLR 2025, arXiv:2410.01917): the plan's structure
 * (complementary pairs, no repeats, sizes stratified uniformly, Horvitz-Thompson weights that restore
 * each size's kernel mass), efficiency, exactness under full enumeration, and its error against the
 * exact Shapley values of the golden German model (M = 24) beside shap's.
 */
class LeverageSamplingTest {

    @Property(tries = 80)
    void planHoldsDistinctComplementaryPairsWithEveryHalfSizeEquallyRepresented(
            @ForAll @IntRange(min = 3, max = 16) int m, @ForAll @IntRange(min = 0, max = 4000) int extra,
            @ForAll @LongRange long seed) {
        long all = (1L << m) - 2;
        int ns = (int) Math.min(all - 1, 2L * m + extra);
        if (ns < 2 * m) {
            return;
        }
        Coalitions co = new Coalitions();
        co.planLeverage(m, ns, new SplittableRandom(seed));
        assertThat(co.count).isEqualTo(ns / 2 * 2);
        Set<Long> seen = new HashSet<>();
        int[] perSize = new int[m + 1];
        double[] mass = new double[m + 1];
        for (int c = 0; c < co.count; c++) {
            long bits = 0;
            int size = 0;
            for (int j = 0; j < m; j++) {
                if (co.masks[c * m + j] != 0) {
                    bits |= 1L << j;
                    size++;
                }
            }
            assertThat(size).isBetween(1, m - 1);
            assertThat(seen.add(bits)).as("coalition %d repeats", c).isTrue();
            if (c % 2 == 1) {
                long prev = 0;
                for (int j = 0; j < m; j++) {
                    prev |= (long) co.masks[(c - 1) * m + j] << j;
                }
                assertThat(bits).as("coalition %d is the complement of %d", c, c - 1).isEqualTo(~prev & ((1L << m) - 1));
            }
            perSize[size]++;
            mass[size] += co.weights[c];
        }
        int lowUncapped = Integer.MAX_VALUE;
        int highUncapped = 0;
        for (int s = 1; s < m; s++) {
            double cs = Coalitions.binomial(m, s);
            if (perSize[s] > 0) {
                // weight = kernel / inclusion probability: the sampled coalitions carry the size's whole kernel mass
                assertThat(mass[s]).as("size %d", s).isCloseTo((m - 1.0) / (s * (double) (m - s)), within(1e-12));
            }
            if (perSize[s] < cs) {
                lowUncapped = Math.min(lowUncapped, perSize[s]);
                highUncapped = Math.max(highUncapped, perSize[s]);
            }
        }
        // uniform over sizes: the sizes not fully enumerated get the same count, up to one pair of rounding
        assertThat(highUncapped - lowUncapped).isLessThanOrEqualTo(2);
        // a size is enumerated completely only when it has no more subsets than the sampled sizes receive
        for (int s = 1; s < m && highUncapped > 0; s++) {
            if (perSize[s] == Coalitions.binomial(m, s)) {
                assertThat(perSize[s]).as("size %d", s).isLessThanOrEqualTo(highUncapped + 2);
            }
        }
    }

    @Test
    void valuesAddUpExactlyAtEveryBudget() {
        GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
        Background bg = Background.of(GoldenGerman.csv("german_background.csv", 24));
        double[][] rows = GoldenGerman.csv("german_explain_rows.csv", 24);
        for (int ns : new int[] {48, 64, 513, 2048}) {
            KernelShap shap = KernelShap.builder(model, bg).nsamples(ns).seed(9L).threads(1)
                    .sampling(CoalitionSampling.LEVERAGE).build();
            for (double[] x : rows) {
                ShapExplanation e = shap.explain(x);
                double sum = 0;
                for (double v : e.values()) {
                    sum += v;
                }
                assertThat(sum).as("nsamples %d", ns).isCloseTo(e.prediction() - e.baseValue(), within(1e-9));
                assertThat(e.coalitions()).isEqualTo(ns / 2 * 2);
            }
        }
    }

    @Test
    void fullEnumerationGivesTheBruteForceShapleyValues() {
        GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model10.json");
        JsonNode golden = GoldenGerman.json("german_shap_exact.json");
        Background bg = Background.of(GoldenGerman.csv("german_background.csv", 10));
        KernelShap kernel = KernelShap.builder(model, bg).nsamples(1022).sampling(CoalitionSampling.LEVERAGE)
                .threads(1).build();
        for (JsonNode inst : golden.get("instances")) {
            double[] ref = GoldenGerman.doubles(inst.get("exact"));
            double scale = 0;
            for (double r : ref) {
                scale = Math.max(scale, Math.abs(r));
            }
            ShapExplanation e = kernel.explain(GoldenGerman.doubles(inst.get("x")));
            assertThat(e.exact()).isTrue();
            assertThat(e.values()).containsExactly(ref, within(1e-9 * scale));
        }
    }

    /**
     * 30 seeds, 10 rows, 24 features at nsamples 512: shap 0.51.0's mean absolute error against the exact
     * values is 5.19e-4 (golden file); Leverage SHAP must reach 0.6 of it. At 64 and 2048 it must not be
     * worse than Candor's shap scheme on the same seeds.
     */
    @Test
    void errorAgainstExactValuesIsAtMostSixTenthsOfShapsAt512AndNoWorseAtOtherBudgets() {
        GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
        JsonNode golden = GoldenGerman.json("german_shap_sampled.json");
        Background bg = Background.of(GoldenGerman.csv("german_background.csv", 24));
        JsonNode inst = golden.get("instances");
        double[][] rows = new double[inst.size()][];
        double[][] exact = new double[inst.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = GoldenGerman.doubles(inst.get(i).get("x"));
            exact[i] = GoldenGerman.doubles(inst.get(i).get("exact"));
        }
        double shapMae = golden.get("mae_vs_exact_mean_over_instances").asDouble();
        double lev512 = mae(model, bg, rows, exact, 512, 30, CoalitionSampling.LEVERAGE);
        System.out.printf("Leverage SHAP, M=24, nsamples=512, 30 seeds: MAE %.4e, shap %.4e, ratio %.3f%n", lev512,
                shapMae, lev512 / shapMae);
        assertThat(lev512).isLessThanOrEqualTo(0.6 * shapMae);
        for (int ns : new int[] {64, 2048}) {
            double lev = mae(model, bg, rows, exact, ns, 10, CoalitionSampling.LEVERAGE);
            double shapScheme = mae(model, bg, rows, exact, ns, 10, CoalitionSampling.SHAP);
            assertThat(lev).as("nsamples %d", ns).isLessThan(shapScheme);
        }
    }

    private static double mae(GoldenGerman.Logistic model, Background bg, double[][] rows, double[][] exact, int ns,
                              int seeds, CoalitionSampling sampling) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            double[][] v = KernelShap.builder(model, bg).nsamples(ns).seed(s).sampling(sampling).threads(2).build()
                    .explainAll(rows).values();
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 24; j++) {
                    sum += Math.abs(v[i][j] - exact[i][j]);
                }
            }
        }
        return sum / (seeds * rows.length * 24.0);
    }
}
