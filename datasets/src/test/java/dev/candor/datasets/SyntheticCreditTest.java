package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticCreditTest {

    /**
     * The labelling rule, re-implemented here from the class javadoc (not from the generator) so that
     * the expected gap is an independent reference: p = clamp(sigma(score) - bias [female], 0, 1).
     */
    private static double sigmaOfScore(double[] v) {
        double age = v[0];
        double income = v[1];
        double credit = v[2];
        double duration = v[3];
        double debt = v[4];
        int housing = (int) v[5];
        int purpose = (int) v[6];
        int employment = (int) v[7];
        double[] purposeEffect = {0, 0, 0.1, -0.3, -0.1};
        double dti = (debt + credit) / income;
        double s = 1.2 + Math.log(income / 45) - 2 * dti + 0.25 * (employment - 2) + (housing == 0 ? 0.3 : 0)
                - 0.015 * (duration - 24) + 0.01 * (age - 40) + purposeEffect[purpose];
        return 1 / (1 + Math.exp(-s));
    }

    private record Gap(double observed, double expected, double standardError) {
    }

    /** Observed male-minus-female favorable rate, and its expectation from the clipped probabilities. */
    private static Gap gap(Dataset d, double bias) {
        ProtectedAttribute sex = d.protectedAttribute("sex");
        int[] y = d.labels();
        double[][] x = d.x();
        int nm = 0;
        int nf = 0;
        int ym = 0;
        int yf = 0;
        double sumSigma = 0;
        double sumClipped = 0;
        for (int i = 0; i < d.rows(); i++) {
            double sg = sigmaOfScore(x[i]);
            // The legitimate features have the same law in both groups, so every row estimates both
            // E[sigma] and E[clamp(sigma - bias)].
            sumSigma += sg;
            sumClipped += Math.min(1, Math.max(0, sg - bias));
            if (sex.value(i).equals("male")) {
                nm++;
                ym += y[i];
            } else {
                nf++;
                yf += y[i];
            }
        }
        double pm = (double) ym / nm;
        double pf = (double) yf / nf;
        double se = Math.sqrt(pm * (1 - pm) / nm + pf * (1 - pf) / nf);
        return new Gap(pm - pf, (sumSigma - sumClipped) / d.rows(), se);
    }

    @Test
    void sameSeedGivesIdenticalDataAndAnotherSeedDoesNot() {
        Dataset a = SyntheticCredit.builder().rows(2000).seed(7).build().dataset();
        Dataset b = SyntheticCredit.builder().rows(2000).seed(7).build().dataset();
        Dataset c = SyntheticCredit.builder().rows(2000).seed(8).build().dataset();
        assertThat(a.x()).isDeepEqualTo(b.x());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.protectedAttribute("sex").values()).isEqualTo(b.protectedAttribute("sex").values());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(Arrays.deepEquals(a.x(), c.x())).isFalse();
    }

    @Test
    void firstRowsDoNotDependOnTheRowCount() {
        Dataset small = SyntheticCredit.builder().rows(100).seed(3).build().dataset();
        Dataset big = SyntheticCredit.builder().rows(1000).seed(3).build().dataset();
        assertThat(big.select(Dataset.range(100)).x()).isDeepEqualTo(small.x());
        assertThat(Arrays.copyOf(big.labels(), 100)).isEqualTo(small.labels());
    }

    @Test
    void withoutBiasTheGroupsHaveTheSameRateUpToSamplingNoise() {
        Dataset d = SyntheticCredit.builder().rows(40_000).bias(0).seed(11).build().dataset();
        Gap g = gap(d, 0);
        assertThat(g.expected()).isEqualTo(0.0);
        assertThat(Math.abs(g.observed())).isLessThan(4 * g.standardError());
    }

    @Test
    void withBiasTheGapIsTheExpectedClippedGap() {
        for (double bias : new double[] {0.1, 0.15, 0.3}) {
            Dataset d = SyntheticCredit.builder().rows(40_000).bias(bias).seed(21).build().dataset();
            Gap g = gap(d, bias);
            assertThat(g.expected()).as("expected gap for bias %s", bias).isBetween(bias - 0.02, bias);
            assertThat(Math.abs(g.observed() - g.expected())).as("bias %s: %s", bias, g)
                    .isLessThan(4 * g.standardError());
        }
    }

    @Test
    void legitimateFeaturesAreIdenticallyDistributedButTheProxyIsNot() {
        Dataset d = SyntheticCredit.builder().rows(40_000).seed(5).build().dataset();
        ProtectedAttribute sex = d.protectedAttribute("sex");
        double[] income = d.column("income");
        double[] region = d.column("zip_region");
        double[] sumIncome = new double[2];
        double[] west = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < d.rows(); i++) {
            int g = sex.value(i).equals("male") ? 0 : 1;
            n[g]++;
            sumIncome[g] += income[i];
            west[g] += region[i] == 3 ? 1 : 0;
        }
        // Mean income about 45 exp(0.125) = 51.0 in both groups (lognormal mean), within 2%.
        assertThat(sumIncome[0] / n[0]).isCloseTo(45 * Math.exp(0.125), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(sumIncome[1] / n[1]).isCloseTo(45 * Math.exp(0.125), org.assertj.core.data.Percentage.withPercentage(2));
        // The proxy: P(west | male) = 0.05, P(west | female) = 0.50.
        assertThat(west[0] / n[0]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.01));
        assertThat(west[1] / n[1]).isCloseTo(0.50, org.assertj.core.data.Offset.offset(0.015));
        // Imbalance: female share 0.35 (binomial sd at n = 40000 is 0.0024).
        assertThat((double) n[1] / d.rows()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void defaultsAreDocumented() {
        Dataset d = Datasets.load("synthetic-credit");
        assertThat(d.rows()).isEqualTo(5000);
        assertThat(d.protectedAttribute("sex").privileged()).containsExactly("male");
        assertThat(d.protectedAttribute("sex").groups()).containsExactly("male", "female");
        assertThat(d.featureNames()).containsExactly("age", "income", "credit_amount", "duration", "existing_debt",
                "housing", "purpose", "employment", "zip_region");
    }
}
