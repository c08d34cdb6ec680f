package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.core.SharedData;
import dev.candor.fairness.audit.DefaultPolicy;
import dev.candor.fairness.audit.Policy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric registry: every constant's key is what {@link GroupMetrics} computes under that key. */
class FairnessMetricTest {

    /**
     * Two groups of 10 rows. Privileged p: tp 3, fp 1, tn 4, fn 2; unprivileged u: tp 1, fp 1, tn 5, fn 3.
     * p: SR 4/10, TPR 3/5, FPR 1/5, FNR 2/5, ERR 3/10, FDR 1/4, FOR 2/6.
     * u: SR 2/10, TPR 1/4, FPR 1/6, FNR 3/4, ERR 4/10, FDR 1/2, FOR 3/8.
     */
    private static GroupMetrics handExample() {
        List<Integer> y = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        List<String> g = new ArrayList<>();
        add(y, p, g, "p", 3, 1, 4, 2);
        add(y, p, g, "u", 1, 1, 5, 3);
        GroupAttribute a = GroupAttribute.of("grp", g.toArray(String[]::new));
        int[] yy = y.stream().mapToInt(Integer::intValue).toArray();
        int[] pp = p.stream().mapToInt(Integer::intValue).toArray();
        return GroupMetrics.of(GroupCounter.count(yy, pp, null, List.of(a)).get(0)).withPrivileged("p");
    }

    private static void add(List<Integer> y, List<Integer> p, List<String> g, String group, int tp, int fp, int tn,
                            int fn) {
        int[][] cells = {{1, 1, tp}, {0, 1, fp}, {0, 0, tn}, {1, 0, fn}};
        for (int[] c : cells) {
            for (int i = 0; i < c[2]; i++) {
                y.add(c[0]);
                p.add(c[1]);
                g.add(group);
            }
        }
    }

    /** The hand-computed value of every constant on {@link #handExample()}. */
    private static Map<FairnessMetric, Double> handValues() {
        Map<FairnessMetric, Double> m = new EnumMap<>(FairnessMetric.class);
        m.put(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, 0.2 - 0.4);
        m.put(FairnessMetric.DISPARATE_IMPACT, 0.5);
        m.put(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, 0.25 - 0.6);
        // ½[(1/6 − 1/5) + (1/4 − 3/5)] and ½[|1/6 − 1/5| + |1/4 − 3/5|]
        m.put(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, 0.5 * (-1.0 / 30 - 0.35));
        m.put(FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE, 0.5 * (1.0 / 30 + 0.35));
        m.put(FairnessMetric.ERROR_RATE_DIFFERENCE, 0.1);
        m.put(FairnessMetric.ERROR_RATE_RATIO, 4.0 / 3);
        m.put(FairnessMetric.FALSE_POSITIVE_RATE_DIFFERENCE, -1.0 / 30);
        m.put(FairnessMetric.FALSE_POSITIVE_RATE_RATIO, 5.0 / 6);
        m.put(FairnessMetric.FALSE_NEGATIVE_RATE_DIFFERENCE, 0.35);
        m.put(FairnessMetric.FALSE_NEGATIVE_RATE_RATIO, 1.875);
        m.put(FairnessMetric.FALSE_DISCOVERY_RATE_DIFFERENCE, 0.25);
        m.put(FairnessMetric.FALSE_DISCOVERY_RATE_RATIO, 2.0);
        m.put(FairnessMetric.FALSE_OMISSION_RATE_DIFFERENCE, 1.0 / 24);
        m.put(FairnessMetric.FALSE_OMISSION_RATE_RATIO, 1.125);
        m.put(FairnessMetric.TRUE_POSITIVE_RATE_DIFFERENCE, -0.35);
        m.put(FairnessMetric.TRUE_POSITIVE_RATE_RATIO, 5.0 / 12);
        // Benefits b = ŷ − y + 1: tp 1, fp 2, tn 1, fn 0. Group means 9/10 (p) and 8/10 (u), μ = 17/20.
        // GE(1) = ½[(18/17) ln(18/17) + (16/17) ln(16/17)]; GE(2) = 1/(20·2) · 10[(18/17)² + (16/17)² − 2] = 1/578.
        m.put(FairnessMetric.BETWEEN_GROUP_THEIL_INDEX,
                0.5 * (18.0 / 17 * Math.log(18.0 / 17) + 16.0 / 17 * Math.log(16.0 / 17)));
        m.put(FairnessMetric.BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX, 1.0 / 578);
        m.put(FairnessMetric.BETWEEN_GROUP_COEFFICIENT_OF_VARIATION, 1.0 / 17); // √(2/578)
        m.put(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.2);
        m.put(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, 0.5);
        m.put(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE, 0.35); // max(ΔTPR 0.35, ΔFPR 1/30)
        m.put(FairnessMetric.EQUALIZED_ODDS_RATIO, 5.0 / 12); // min(TPR ratio 5/12, FPR ratio 5/6)
        m.put(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE_MEAN, 0.5 * (0.35 + 1.0 / 30));
        m.put(FairnessMetric.EQUALIZED_ODDS_RATIO_MEAN, 0.5 * (5.0 / 12 + 5.0 / 6));
        m.put(FairnessMetric.FAIRLEARN_EQUAL_OPPORTUNITY_DIFFERENCE, 0.35);
        m.put(FairnessMetric.FAIRLEARN_EQUAL_OPPORTUNITY_RATIO, 5.0 / 12);
        // Σᵢ Σⱼ |rᵢ − rⱼ| = 2 · 0.2 over 2 k² mean r = 2 · 4 · 0.3
        m.put(FairnessMetric.GINI_SELECTION_RATE, 0.4 / 2.4);
        m.put(FairnessMetric.MAX_MIN_CONTRAST_SELECTION_RATE, 0.2 / 0.6);
        return m;
    }

    @Test
    void everyConstantComputesItsHandValueUnderItsKey() {
        GroupMetrics gm = handExample();
        Map<FairnessMetric, Double> expected = handValues();
        assertThat(expected.keySet()).as("a hand value for every constant").isEqualTo(EnumSet.allOf(FairnessMetric.class));
        for (FairnessMetric m : FairnessMetric.values()) {
            double v = expected.get(m);
            assertThat(gm.metric(m).value()).as(m.key()).isCloseTo(v, within(1e-12));
            assertThat(gm.metric(m.key()).value()).as(m.key() + " by key").isEqualTo(gm.metric(m).value());
            assertThat(gm.metrics().get(m.key()).value()).as(m.key() + " in metrics()").isEqualTo(gm.metric(m).value());
        }
    }

    @Test
    void keysAreGeneratedUniqueAndInTheAuditOrder() {
        List<String> keys = FairnessMetric.keys();
        assertThat(keys).doesNotHaveDuplicates().hasSize(FairnessMetric.values().length);
        assertThat(keys).startsWith("statistical_parity_difference", "disparate_impact",
                "equal_opportunity_difference", "average_odds_difference", "average_abs_odds_difference",
                "error_rate_difference", "error_rate_ratio");
        assertThat(keys).contains("equalized_odds_difference_mean", "equalized_odds_ratio_mean",
                "fairlearn_equal_opportunity_ratio", "gini_selection_rate", "max_min_contrast_selection_rate",
                "between_group_generalized_entropy_index", "true_positive_rate_ratio");
        for (FairnessMetric m : FairnessMetric.values()) {
            assertThat(FairnessMetric.fromKey(m.key())).isSameAs(m);
            assertThat(m.key()).isEqualTo(m.name().toLowerCase(java.util.Locale.ROOT));
        }
        // With a privileged group every key is computed, in registry order; without one only the others.
        assertThat(new ArrayList<>(handExample().metrics().keySet())).isEqualTo(keys);
        List<String> noPrivileged = new ArrayList<>(handExample().withPrivileged(null).metrics().keySet());
        assertThat(noPrivileged).isEqualTo(FairnessMetric.keys().stream()
                .filter(k -> !FairnessMetric.fromKey(k).needsPrivileged()).toList());
        assertThat(noPrivileged).startsWith("between_group_theil_index");
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        assertThatThrownBy(() -> handExample().metric("disparate_impact_ratio"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fairness metric 'disparate_impact_ratio'")
                .hasMessageContaining("disparate_impact, equal_opportunity_difference");
        assertThat(FairnessMetric.find("selection_rate")).isEmpty();
    }

    @Test
    void kindsFormsRatesAndBandsComeFromTheTable() {
        assertThat(FairnessMetric.DISPARATE_IMPACT.kind()).isEqualTo(MetricKind.RATIO);
        assertThat(FairnessMetric.DISPARATE_IMPACT.band()).isEqualTo(Band.FOUR_FIFTHS);
        assertThat(FairnessMetric.DISPARATE_IMPACT.ideal()).isEqualTo(1.0);
        assertThat(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE.band()).isEqualTo(new Band(-0.1, 0.1));
        assertThat(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE.band()).isEqualTo(Band.atMost(0.1));
        assertThat(FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE.band()).isEqualTo(Band.atMost(0.1));
        assertThat(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO.band()).isEqualTo(Band.atLeast(0.8));
        assertThat(FairnessMetric.GINI_SELECTION_RATE.band()).isEqualTo(Band.NONE);
        assertThat(FairnessMetric.GINI_SELECTION_RATE.kind()).isEqualTo(MetricKind.INDEX);
        assertThat(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE_MEAN.kind()).isEqualTo(MetricKind.DIFFERENCE);
        assertThat(FairnessMetric.EQUALIZED_ODDS_RATIO_MEAN.kind()).isEqualTo(MetricKind.RATIO);
        assertThat(FairnessMetric.FAIRLEARN_EQUAL_OPPORTUNITY_RATIO.form()).isEqualTo(ComparisonMethod.BETWEEN_GROUPS);
        assertThat(FairnessMetric.ERROR_RATE_RATIO.rate()).contains(Rate.ERROR_RATE);
        assertThat(FairnessMetric.AVERAGE_ODDS_DIFFERENCE.rate()).isEmpty();
        assertThat(FairnessMetric.BETWEEN_GROUP_THEIL_INDEX.rates()).isEmpty();
        assertThat(FairnessMetric.DISPARATE_IMPACT.reference()).contains("AIF360").contains("Feldman");
        assertThat(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE.reference()).contains("fairlearn");
        for (FairnessMetric m : FairnessMetric.values()) {
            assertThat(m.displayName()).isNotBlank();
            assertThat(m.formula()).isNotBlank();
            // Every value computed on the hand example lies on the side the band allows for a one-sided metric.
            if (m.band().hasLower() && !m.band().hasUpper()) {
                assertThat(handExample().metric(m).value()).as(m.key()).isLessThanOrEqualTo(1.0);
            }
            if (m.band().hasUpper() && !m.band().hasLower()) {
                assertThat(handExample().metric(m).value()).as(m.key()).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Test
    void defaultPolicyIsTheFourFifthsRuleAndTwoTenthBounds() {
        Policy p = DefaultPolicy.get();
        assertThat(p.rules()).containsExactly(
                new Policy.Rule("disparate_impact", 0.8, 1.25, List.of(), true),
                new Policy.Rule("statistical_parity_difference", -0.1, 0.1, List.of(), true),
                new Policy.Rule("equalized_odds_difference", null, 0.1, List.of(), true));
        assertThat(p.undefinedViolates()).isTrue();
        assertThat(DefaultPolicy.NAME).isEqualTo("default (four-fifths rule, |SPD| <= 0.1, EOD <= 0.1)");
    }

    @Test
    void labelMetricsAreTheSameTransformsOfTheBaseRate() {
        GroupMetrics gm = handExample();
        // Base rates: p 5/10, u 4/10.
        assertThat(gm.labelMetrics().keySet()).containsExactly("statistical_parity_difference", "disparate_impact");
        assertThat(gm.labelMetrics().get("statistical_parity_difference").value()).isCloseTo(-0.1, within(1e-15));
        assertThat(gm.labelMetrics().get("disparate_impact").value()).isCloseTo(0.8, within(1e-15));
    }

    @Test
    void everyGoldenMetricKeyIsARegisteredConstantWithTheLibraryValue() throws IOException {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        GroupAttribute sex = GroupAttribute.of("sex", csv.strings("sex"));
        GroupAttribute age = GroupAttribute.of("age_group", csv.strings("age_group"));
        List<GroupCounts> counts = GroupCounter.count(csv.ints("credit"), csv.ints("pred"), null, List.of(sex, age));
        Map<String, GroupMetrics> attrs = Map.of(
                "sex", GroupMetrics.of(counts.get(0)).withPrivileged("male"),
                "age_group", GroupMetrics.of(counts.get(1)).withPrivileged("gt25"));
        JsonNode golden = GoldenFairnessTest.JsonFile.read("fairness/german_audit.json");
        Set<FairnessMetric> seen = EnumSet.noneOf(FairnessMetric.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] p = e.getKey().split("\\.");
            if (p.length != 4 || !p[0].equals("protected") || !p[2].equals("metrics") || !attrs.containsKey(p[1])) {
                continue;
            }
            FairnessMetric m = FairnessMetric.fromKey(p[3]);
            seen.add(m);
            double actual = attrs.get(p[1]).metric(m).value();
            if (e.getValue().isNull()) {
                assertThat(actual).as(e.getKey()).isNaN();
            } else {
                assertThat(actual).as(e.getKey()).isCloseTo(e.getValue().asDouble(), within(1e-9));
            }
        }
        // The golden files hold every key but the TPR ratio and fairlearn's agg='mean' variants.
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).containsExactlyInAnyOrder(
                FairnessMetric.TRUE_POSITIVE_RATE_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE_MEAN,
                FairnessMetric.EQUALIZED_ODDS_RATIO_MEAN);
    }
}
