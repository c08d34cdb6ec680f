package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Properties from the definitions: identity, row-order invariance, closed forms. */
class DriftPropertiesTest {

    private static double[] sample(long seed, int n, boolean integers) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = integers ? r.nextInt(12) : r.nextGaussian() * 3 + 1;
        }
        return x;
    }

    private static double[] shuffled(double[] x, long seed) {
        double[] y = x.clone();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = y.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }

    @Property(tries = 25)
    void identicalNumericSamplesGiveZeroDistanceAndPValueOne(@ForAll @IntRange(min = 30, max = 400) int n,
            @ForAll boolean integers, @ForAll long seed) {
        double[] x = sample(seed, n, integers);
        FeatureSamples s = FeatureSamples.numeric("x", x, shuffled(x, seed + 1));
        for (DriftTest t : new DriftTest[] {DriftTest.WASSERSTEIN, DriftTest.ED, DriftTest.PSI, DriftTest.KL_DIV,
            DriftTest.JENSENSHANNON}) {
            assertThat(t.test(s).value()).as(t.key()).isEqualTo(0.0);
        }
        assertThat(DriftTest.HELLINGER.test(s).value()).isLessThan(1e-7);
        for (DriftTest t : new DriftTest[] {DriftTest.KS, DriftTest.T_TEST, DriftTest.WELCH_T_TEST,
            DriftTest.MANNW_TWO_SIDED, DriftTest.CRAMER_VON_MISES}) {
            assertThat(t.test(s).value()).as(t.key()).isCloseTo(1.0, within(1e-12));
        }
        assertThat(DriftTest.KS.test(s).statistic()).isEqualTo(0.0);
    }

    @Property(tries = 20)
    void numericStatisticsDoNotDependOnRowOrder(@ForAll @IntRange(min = 30, max = 300) int n, @ForAll long seed) {
        double[] a = sample(seed, n, false);
        double[] b = sample(seed + 7, n + 13, true);
        FeatureSamples s1 = FeatureSamples.numeric("x", a, b);
        FeatureSamples s2 = FeatureSamples.numeric("x", shuffled(a, seed), shuffled(b, seed + 3));
        for (DriftTest t : DriftTest.values()) {
            if (t.appliesTo(FeatureKind.NUMERIC)) {
                assertThat(t.test(s2).value()).as(t.key()).isEqualTo(t.test(s1).value());
            }
        }
    }

    @Test
    void categoricalStatisticsOtherThanThePermutationTestDoNotDependOnRowOrder() {
        String[] ref = {"a", "b", "b", "c", "a", "a", "c", "b", "a", "d"};
        String[] cur = {"b", "b", "c", "c", "a", "e", "b", "b", "c", "c"};
        String[] refRev = new String[ref.length];
        for (int i = 0; i < ref.length; i++) {
            refRev[i] = ref[ref.length - 1 - i];
        }
        FeatureSamples s1 = FeatureSamples.categorical("c", ref, cur);
        FeatureSamples s2 = FeatureSamples.categorical("c", refRev, cur);
        for (DriftTest t : DriftTest.values()) {
            if (t.appliesTo(FeatureKind.CATEGORICAL) && t != DriftTest.TVD) {
                DriftResult r1 = t.test(s1);
                DriftResult r2 = t.test(s2);
                assertThat(Double.valueOf(r2.value())).as(t.key()).isEqualTo(Double.valueOf(r1.value()));
                assertThat(r2.reason()).isEqualTo(r1.reason());
            }
        }
        assertThat(DriftTest.TVD.test(s2).statistic()).isEqualTo(DriftTest.TVD.test(s1).statistic());
    }

    @Test
    void unseenCategoryMakesEvidentlysChiSquareInfiniteButTheHomogeneityTestFinite() {
        String[] ref = {"a", "a", "b", "b", "b", "a"};
        String[] cur = {"a", "b", "z", "a", "b", "b"};
        FeatureSamples s = FeatureSamples.categorical("c", ref, cur);
        DriftResult gof = DriftTest.CHISQUARE.test(s);
        assertThat(gof.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(gof.value()).isEqualTo(0.0);
        assertThat(gof.drift()).isTrue();
        DriftResult hom = DriftTest.CHI2_CONTINGENCY.test(s);
        // 2 x 3 table [[3,3,0],[2,3,1]]: expected [[2.5,3,0.5],[2.5,3,0.5]]; stat = 0.1+0.1+0.5+0.5 = 1.2
        assertThat(hom.statistic()).isCloseTo(1.2, within(1e-12));
        assertThat(hom.value()).isCloseTo(Math.exp(-0.6), within(1e-12)); // chi2(2) sf = exp(-x/2)
    }

    @Test
    void zTestMatchesTheClosedForm() {
        // ref: 30 of 100 are "a"; cur: 50 of 100. p1 = 0.7, p2 = 0.5, P = 0.6, z = 0.2 / sqrt(0.24 * 0.02)
        String[] ref = new String[100];
        String[] cur = new String[100];
        for (int i = 0; i < 100; i++) {
            ref[i] = i < 30 ? "a" : "b";
            cur[i] = i < 50 ? "a" : "b";
        }
        DriftResult r = DriftTest.Z.test(FeatureSamples.categorical("c", ref, cur));
        assertThat(r.statistic()).isCloseTo(0.2 / Math.sqrt(0.24 * 0.02), within(1e-12));
        // scipy: 2 * (1 - norm.cdf(0.2 / sqrt(0.24 * 0.02))) = 0.0038924171227785465
        assertThat(r.value()).isCloseTo(0.0038924171227785465, within(1e-15));
    }

    @Test
    void correctionsFollowTheirDefinitions() {
        double[] p = {0.01, 0.04, 0.03, 0.5, Double.NaN};
        assertThat(Correction.BONFERRONI.adjust(p)).containsExactly(new double[] {0.04, 0.16, 0.12, 1.0, Double.NaN},
                within(1e-15));
        // BH: sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, 0.06, 0.0533.., 0.5 -> min from the right
        assertThat(Correction.FDR_BH.adjust(p)).containsExactly(
                new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5, Double.NaN}, within(1e-15));
    }
}
