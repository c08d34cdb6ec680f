package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every key of the AIF360 / fairlearn golden files ({@code ../shared/golden/fairness/}, see its
 * README), recomputed through the Java API and compared to 1e-9.
 */
class GoldenFairnessTest {

    private static final double TOL = 1e-9;

    @Test
    void germanUnweightedMatchesAif360AndFairlearn() throws IOException {
        checkGerman("fairness/german_audit.json", false);
    }

    @Test
    void germanWeightedMatchesAif360AndFairlearn() throws IOException {
        checkGerman("fairness/german_audit_weighted.json", true);
    }

    @Test
    void adultWithFiveValuedRaceMatchesAif360AndFairlearn() throws IOException {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/adult_predictions.csv"));
        GroupAttribute sex = GroupAttribute.of("sex", csv.strings("sex"));
        GroupAttribute race = GroupAttribute.of("race", csv.strings("race"));
        List<GroupCounts> counts = GroupCounter.count(csv.ints("income"), csv.ints("pred"), null, List.of(sex, race));
        Map<String, GroupMetrics> attrs = Map.of(
                "sex", GroupMetrics.of(counts.get(0)).withPrivileged("Male"),
                "race", GroupMetrics.of(counts.get(1)).withPrivileged("White"));
        int checked = compare(JsonFile.read("fairness/adult_audit.json"), csv.size(), attrs);
        assertThat(checked).isEqualTo(194);
    }

    private void checkGerman(String golden, boolean weighted) throws IOException {
        GoldenCsv csv = GoldenCsv.read(SharedData.golden("fairness/german_predictions.csv"));
        GroupAttribute sex = GroupAttribute.of("sex", csv.strings("sex"));
        GroupAttribute age = GroupAttribute.of("age_group", csv.strings("age_group"));
        GroupAttribute both = GroupAttribute.intersection(sex, age);
        double[] w = weighted ? csv.doubles("weight") : null;
        List<GroupCounts> counts = GroupCounter.count(csv.ints("credit"), csv.ints("pred"), w, List.of(sex, age, both));
        Map<String, GroupMetrics> attrs = Map.of(
                "sex", GroupMetrics.of(counts.get(0)).withPrivileged("male"),
                "age_group", GroupMetrics.of(counts.get(1)).withPrivileged("gt25"),
                "sex&age_group", GroupMetrics.of(counts.get(2)));
        int checked = compare(JsonFile.read(golden), csv.size(), attrs);
        assertThat(checked).isEqualTo(219);
    }

    /** Compares every key except _settings; returns how many were compared. */
    private static int compare(JsonNode golden, int rows, Map<String, GroupMetrics> attrs) {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("_settings")) {
                continue;
            }
            double actual = value(key, rows, attrs);
            JsonNode exp = e.getValue();
            checked++;
            if (exp.isNull()) {
                if (!Double.isNaN(actual)) {
                    failures.add(key + ": expected null, got " + actual);
                }
            } else if (!(Math.abs(actual - exp.asDouble()) <= TOL)) {
                failures.add(key + ": expected " + exp.asDouble() + ", got " + actual);
            }
        }
        assertThat(failures).isEmpty();
        return checked;
    }

    private static double value(String key, int rows, Map<String, GroupMetrics> attrs) {
        String[] p = key.split("\\.");
        GroupMetrics any = attrs.values().iterator().next();
        switch (p[0]) {
            case "rows":
                return rows;
            case "overall":
                return any.overall(Rate.fromKey(p[1])).value();
            case "individual": {
                ConfusionCounts all = any.counts().overall();
                return switch (p[1]) {
                    case "theil_index" -> InequalityIndices.theil(all).value();
                    case "generalized_entropy_index" -> InequalityIndices.generalizedEntropy(all, 2).value();
                    case "coefficient_of_variation" -> InequalityIndices.coefficientOfVariation(all).value();
                    case "gini" -> InequalityIndices.giniOfBenefits(all).value();
                    default -> throw new AssertionError("unknown key " + key);
                };
            }
            case "protected": {
                GroupMetrics gm = attrs.get(p[1]);
                assertThat(gm).as("attribute of " + key).isNotNull();
                switch (p[2]) {
                    case "groups": {
                        ConfusionCounts c = gm.counts().counts(p[3]);
                        return switch (p[4]) {
                            case "count" -> c.total();
                            case "tp" -> c.tp();
                            case "fp" -> c.fp();
                            case "tn" -> c.tn();
                            case "fn" -> c.fn();
                            default -> gm.rate(p[3], Rate.fromKey(p[4])).value();
                        };
                    }
                    case "metrics": {
                        String name = p[3];
                        return gm.metric(name).value();
                    }
                    case "label_metrics":
                        return gm.labelMetrics().get(p[3]).value();
                    default:
                        throw new AssertionError("unknown key " + key);
                }
            }
            default:
                throw new AssertionError("unknown key " + key);
        }
    }

    /** Golden JSON reader. */
    static final class JsonFile {
        private static final Map<String, JsonNode> CACHE = new HashMap<>();

        static synchronized JsonNode read(String relative) throws IOException {
            JsonNode n = CACHE.get(relative);
            if (n == null) {
                n = new ObjectMapper().readTree(SharedData.golden(relative).toFile());
                CACHE.put(relative, n);
            }
            return n;
        }
    }
}
