package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the group metrics on random data (jqwik). */
class GroupMetricsPropertiesTest {

    /** Random rows: labels, predictions, codes of k groups, and dyadic weights (exact in binary sums). */
    record Data(int[] y, int[] p, int[] g, double[] w, int k) {
        static Data random(long seed, int n, int k) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] y = new int[n];
            int[] p = new int[n];
            int[] g = new int[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = r.nextInt(k);
                y[i] = r.nextDouble() < 0.3 + 0.1 * g[i] / k ? 1 : 0;
                p[i] = r.nextDouble() < (y[i] == 1 ? 0.7 : 0.2) ? 1 : 0;
                w[i] = (1 + r.nextInt(8)) / 4.0;
            }
            return new Data(y, p, g, w, k);
        }

        GroupAttribute attribute() {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < k; i++) {
                names.add("g" + i);
            }
            return new GroupAttribute("a", g, names);
        }
    }

    @Property(tries = 60)
    void privilegedDifferencesAreAntisymmetricUnderSwappingTheGroups(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                                     @ForAll @IntRange(min = 20, max = 400) int n) {
        Data d = Data.random(seed, n, 2);
        GroupCounts c = GroupCounter.count(d.y, d.p, d.w, d.attribute());
        GroupMetrics a = GroupMetrics.of(c).withPrivileged("g0");
        GroupMetrics b = GroupMetrics.of(c).withPrivileged("g1");
        for (Rate r : Rate.values()) {
            Comparison x = a.difference(r, ComparisonMethod.PRIVILEGED);
            Comparison y = b.difference(r, ComparisonMethod.PRIVILEGED);
            if (x.isDefined()) {
                assertThat(y.value()).isEqualTo(-x.value());
                assertThat(x.group()).isEqualTo(y.reference());
            }
            Comparison q = a.ratio(r, ComparisonMethod.PRIVILEGED);
            Comparison s = b.ratio(r, ComparisonMethod.PRIVILEGED);
            if (q.isDefined() && s.isDefined()) {
                assertThat(q.value() * s.value()).isCloseTo(1.0, within(1e-12));
            }
        }
        Comparison aod = a.metric("average_odds_difference");
        if (aod.isDefined()) {
            assertThat(b.metric("average_odds_difference").value()).isEqualTo(-aod.value());
            assertThat(b.metric("average_abs_odds_difference").value())
                    .isEqualTo(a.metric("average_abs_odds_difference").value());
        } else {
            assertThat(b.metric("average_odds_difference").reason()).isEqualTo(aod.reason());
        }
    }

    @Property(tries = 60)
    void betweenGroupsRatiosLieInUnitIntervalAndDifferencesAreNonNegative(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 2, max = 7) int k) {
        Data d = Data.random(seed, 300, k);
        GroupMetrics m = GroupMetrics.of(GroupCounter.count(d.y, d.p, d.w, d.attribute()));
        for (Rate r : Rate.values()) {
            Comparison q = m.ratio(r, ComparisonMethod.BETWEEN_GROUPS);
            if (q.isDefined()) {
                assertThat(q.value()).isBetween(0.0, 1.0);
            }
            Comparison t = m.ratio(r, ComparisonMethod.TO_OVERALL);
            if (t.isDefined()) {
                assertThat(t.value()).isBetween(0.0, 1.0);
            }
            Comparison diff = m.difference(r, ComparisonMethod.BETWEEN_GROUPS);
            if (diff.isDefined()) {
                assertThat(diff.value()).isGreaterThanOrEqualTo(0.0);
                assertThat(m.rate(diff.group(), r).value() - m.rate(diff.reference(), r).value()).isEqualTo(diff.value());
            }
        }
        for (String k2 : List.of("demographic_parity_ratio", "equalized_odds_ratio", "fairlearn_equal_opportunity_ratio",
                "gini_selection_rate", "max_min_contrast_selection_rate")) {
            Comparison c = m.metric(k2);
            if (c.isDefined()) {
                assertThat(c.value()).isBetween(0.0, 1.0);
            }
        }
    }

    @Property(tries = 40)
    void metricsAreInvariantToRowOrder(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Data d = Data.random(seed, 500, 4);
        int n = d.y.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] y = new int[n];
        int[] p = new int[n];
        int[] g = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.y[perm[i]];
            p[i] = d.p[perm[i]];
            g[i] = d.g[perm[i]];
            w[i] = d.w[perm[i]];
        }
        GroupCounts a = GroupCounter.count(d.y, d.p, d.w, d.attribute());
        GroupCounts b = GroupCounter.count(y, p, w, new GroupAttribute("a", g, d.attribute().values()));
        // dyadic weights sum exactly in any order
        assertThat(b).isEqualTo(a);
        assertThat(GroupMetrics.of(b).withPrivileged("g0").metrics().toString())
                .isEqualTo(GroupMetrics.of(a).withPrivileged("g0").metrics().toString());
    }

    @Property(tries = 40)
    void unitWeightsGiveExactlyTheUnweightedResult(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Data d = Data.random(seed, 400, 3);
        double[] ones = new double[d.y.length];
        java.util.Arrays.fill(ones, 1.0);
        GroupCounts u = GroupCounter.count(d.y, d.p, null, d.attribute());
        GroupCounts w = GroupCounter.count(d.y, d.p, ones, d.attribute());
        assertThat(w).isEqualTo(u);
        Map<String, Comparison> mu = GroupMetrics.of(u).withPrivileged("g1").metrics();
        Map<String, Comparison> mw = GroupMetrics.of(w).withPrivileged("g1").metrics();
        assertThat(mw).isEqualTo(mu);
    }

    @Property(tries = 40)
    void countsOfTwoHalvesMergeIntoTheCountsOfTheWhole(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                       @ForAll @IntRange(min = 0, max = 5000) int cut) {
        Data d = Data.random(seed, 5000, 5);
        for (double[] w : new double[][] {null, d.w}) {
            GroupCounts whole = GroupCounter.count(d.y, d.p, w, d.attribute());
            GroupCounts left = GroupCounter.count(java.util.Arrays.copyOf(d.y, cut), java.util.Arrays.copyOf(d.p, cut),
                    w == null ? null : java.util.Arrays.copyOf(w, cut),
                    new GroupAttribute("a", java.util.Arrays.copyOf(d.g, cut), d.attribute().values()));
            GroupCounts right = GroupCounter.count(java.util.Arrays.copyOfRange(d.y, cut, 5000),
                    java.util.Arrays.copyOfRange(d.p, cut, 5000), w == null ? null : java.util.Arrays.copyOfRange(w, cut, 5000),
                    new GroupAttribute("a", java.util.Arrays.copyOfRange(d.g, cut, 5000), d.attribute().values()));
            assertThat(left.plus(right)).isEqualTo(whole);
        }
    }
}
