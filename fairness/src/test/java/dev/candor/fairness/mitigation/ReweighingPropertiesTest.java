package dev.candor.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The Kamiran–Calders invariants on random data: after reweighing, label and group are independent
 * under the weights, and the total, group and label weights are those of the prior weights.
 */
class ReweighingPropertiesTest {

    /** Random data in which every (group, label) cell has at least one row of positive weight. */
    private record Data(int[] labels, String[] groups, double[] prior, int k) {
        static Data make(long seed, int k, int extraRows, boolean withPrior) {
            Random r = new Random(seed);
            int n = 2 * k + extraRows;
            int[] labels = new int[n];
            String[] groups = new String[n];
            double[] prior = withPrior ? new double[n] : null;
            double fav = 0.1 + 0.8 * r.nextDouble();
            for (int i = 0; i < n; i++) {
                int g = i < 2 * k ? i / 2 : r.nextInt(k);
                groups[i] = "g" + g;
                labels[i] = i < 2 * k ? i % 2 : (r.nextDouble() < fav * (g + 1) / k ? 1 : 0);
                if (withPrior) {
                    prior[i] = i < 2 * k ? 0.1 + r.nextDouble() : (r.nextInt(10) == 0 ? 0 : 3 * r.nextDouble());
                }
            }
            return new Data(labels, groups, prior, k);
        }
    }

    @Property(tries = 200)
    void weightedBaseRateIsEqualInEveryGroup(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int k,
                                             @ForAll @IntRange(min = 0, max = 300) int extra,
                                             @ForAll boolean withPrior) {
        Data d = Data.make(seed, k, extra, withPrior);
        double[] w = Reweighing.fit(d.labels(), d.groups(), d.prior()).weights();
        for (int g = 0; g < k; g++) {
            LabelParity p = LabelParity.of(d.labels(), d.groups(), w, 1, "g" + g);
            assertThat(p.statisticalParityDifference()).as("SPD of g%d", g).isCloseTo(0.0, within(1e-12));
            assertThat(p.disparateImpact()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Property(tries = 200)
    void totalGroupAndLabelWeightsAreKept(@ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int k,
                                          @ForAll @IntRange(min = 0, max = 300) int extra,
                                          @ForAll boolean withPrior) {
        Data d = Data.make(seed, k, extra, withPrior);
        double[] w = Reweighing.fit(d.labels(), d.groups(), d.prior()).weights();
        int n = w.length;
        double[] before = new double[k + 2];
        double[] after = new double[k + 2];
        for (int i = 0; i < n; i++) {
            double p = d.prior() == null ? 1 : d.prior()[i];
            int g = Integer.parseInt(d.groups()[i].substring(1));
            before[g] += p;
            after[g] += w[i];
            before[k + d.labels()[i]] += p;
            after[k + d.labels()[i]] += w[i];
        }
        for (int j = 0; j < k + 2; j++) {
            assertThat(after[j]).isCloseTo(before[j], within(1e-9 * Math.max(1, before[j])));
        }
    }

    @Property(tries = 100)
    void integerPriorWeightsEqualDuplicatedRows(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int k,
                                               @ForAll @IntRange(min = 0, max = 100) int extra) {
        Data d = Data.make(seed, k, extra, false);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        int n = d.labels().length;
        double[] counts = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = 1 + r.nextInt(3);
            total += (int) counts[i];
        }
        int[] dupLabels = new int[total];
        String[] dupGroups = new String[total];
        for (int i = 0, j = 0; i < n; i++) {
            for (int c = 0; c < counts[i]; c++, j++) {
                dupLabels[j] = d.labels()[i];
                dupGroups[j] = d.groups()[i];
            }
        }
        Reweighing weighted = Reweighing.fit(d.labels(), d.groups(), counts);
        Reweighing duplicated = Reweighing.fit(dupLabels, dupGroups);
        for (ReweighingCell c : weighted.cells()) {
            // Integer sums are exact, so the same formula gives bit-identical weights.
            assertThat(c.weight()).isEqualTo(duplicated.weight(c.group(), c.label()));
        }
    }

    @Property(tries = 100)
    void cellWeightsDoNotDependOnTheScaleOrOrderOfRows(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int k,
                                                       @ForAll @IntRange(min = 0, max = 200) int extra) {
        Data d = Data.make(seed, k, extra, true);
        int n = d.labels().length;
        double[] scaled = new double[n];
        int[] revLabels = new int[n];
        String[] revGroups = new String[n];
        double[] revPrior = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = d.prior()[i] * 1e-3;
            revLabels[n - 1 - i] = d.labels()[i];
            revGroups[n - 1 - i] = d.groups()[i];
            revPrior[n - 1 - i] = d.prior()[i];
        }
        Reweighing a = Reweighing.fit(d.labels(), d.groups(), d.prior());
        Reweighing b = Reweighing.fit(d.labels(), d.groups(), scaled);
        Reweighing c = Reweighing.fit(revLabels, revGroups, revPrior);
        for (ReweighingCell cell : a.cells()) {
            assertThat(b.weight(cell.group(), cell.label())).isCloseTo(cell.weight(), within(1e-12));
            assertThat(c.weight(cell.group(), cell.label())).isCloseTo(cell.weight(), within(1e-12));
        }
    }
}
