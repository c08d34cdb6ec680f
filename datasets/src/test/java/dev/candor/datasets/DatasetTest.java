package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset small() {
        return Dataset.builder("toy")
                .features(List.of(Feature.numeric("age"), Feature.categorical("job", List.of("a", "b", "c"))),
                        new double[][] {{20, 0}, {30, 1}, {40, 2}, {50, 1}})
                .labels("y", "yes", new int[] {1, 0, 1, 1})
                .protectedAttribute(ProtectedAttribute.of("sex", new String[] {"f", "m", "m", "f"}, "m"))
                .weights(new double[] {1, 2, 3, 4})
                .build();
    }

    @Test
    void validatesInputAndNamesRowAndColumn() {
        List<Feature> f = List.of(Feature.numeric("a"), Feature.categorical("c", List.of("x", "y")));
        assertThatThrownBy(() -> Dataset.builder("t").features(f, new double[][] {{1, 0}, {Double.NaN, 1}})
                .labels("y", "1", new int[] {0, 1}).build()).hasMessage("x: row 1, feature 'a' is NaN");
        assertThatThrownBy(() -> Dataset.builder("t").features(f, new double[][] {{1, 2}})
                .labels("y", "1", new int[] {0}).build())
                .hasMessage("x: row 0, categorical feature 'c' has code 2.0, expected an integer in 0..1");
        assertThatThrownBy(() -> Dataset.builder("t").features(f, new double[][] {{1, 0}})
                .labels("y", "1", new int[] {2}).build()).hasMessageContaining("row 0 has label 2");
        assertThatThrownBy(() -> Dataset.builder("t").features(f, new double[][] {{1, 0}})
                .labels("y", "1", new int[] {0, 1}).build()).hasMessage("x: 1 rows but 2 labels");
        assertThatThrownBy(() -> small().withWeights(new double[] {1, -1, 1, 1}))
                .hasMessageContaining("row 1 has weight -1.0");
        assertThatThrownBy(() -> small().withWeights(new double[] {1})).hasMessageContaining("1 weights but 4 rows");
        assertThatThrownBy(() -> small().protectedAttribute("race")).hasMessageContaining("no protected attribute 'race'");
        assertThatThrownBy(() -> small().select(new int[] {4})).hasMessageContaining("index 4");
        assertThatThrownBy(() -> new ProtectedAttribute("s", new String[] {"a", null}, Set.of()))
                .hasMessageContaining("row 1");
    }

    @Test
    void isImmutable() {
        Dataset d = small();
        d.x()[0][0] = 99;
        d.labels()[0] = 0;
        d.weights()[0] = 7;
        d.protectedAttribute("sex").values()[0] = "z";
        assertThat(d.value(0, 0)).isEqualTo(20);
        assertThat(d.labels()[0]).isEqualTo(1);
        assertThat(d.weights()[0]).isEqualTo(1);
        assertThat(d.protectedAttribute("sex").value(0)).isEqualTo("f");
    }

    @Test
    void selectKeepsColumnsAndOrder() {
        Dataset s = small().select(new int[] {3, 1, 3});
        assertThat(s.x()).isDeepEqualTo(new double[][] {{50, 1}, {30, 1}, {50, 1}});
        assertThat(s.labels()).containsExactly(1, 0, 1);
        assertThat(s.weights()).containsExactly(4, 2, 4);
        assertThat(s.protectedAttribute("sex").values()).containsExactly("f", "m", "f");
        assertThat(s.features()).isEqualTo(small().features());
    }

    @Test
    void describeCountsGroupsAndBaseRates() {
        DatasetSummary s = small().describe();
        assertThat(s.rows()).isEqualTo(4);
        assertThat(s.favorable()).isEqualTo(3);
        assertThat(s.baseRate()).isEqualTo(0.75);
        assertThat(s.weighted()).isTrue();
        DatasetSummary.AttributeSummary sex = s.attribute("sex");
        // Privileged "m" first although both groups have two rows.
        // Rows: (f, y1, w1), (m, y0, w2), (m, y1, w3), (f, y1, w4).
        assertThat(sex.groups()).containsExactly(new DatasetSummary.GroupSummary("m", true, 2, 1, 5, 3),
                new DatasetSummary.GroupSummary("f", false, 2, 2, 5, 5));
        assertThat(sex.group("m").baseRate()).isEqualTo(0.5);
        assertThat(sex.group("m").weightedBaseRate()).isEqualTo(3.0 / 5);
        DatasetSummary.GroupSummary unweighted = small().withWeights(null).describe().attribute("sex").group("m");
        assertThat(unweighted).isEqualTo(new DatasetSummary.GroupSummary("m", true, 2, 1));
        assertThat(unweighted.weightedBaseRate()).isEqualTo(0.5);
    }

    @Test
    void groupsArePrivilegedFirstThenByCountThenByName() {
        ProtectedAttribute p = ProtectedAttribute.of("r", new String[] {"b", "c", "c", "a", "w", "c", "d", "d"}, "w");
        assertThat(p.groups()).containsExactly("w", "c", "d", "a", "b");
        assertThat(ProtectedAttribute.of("r", new String[] {"b", "a"}).groups()).containsExactly("a", "b");
    }

    @Property(tries = 50)
    void splitIsStratifiedSeededAndAPartition(@ForAll @IntRange(min = 20, max = 400) int rows,
                                              @ForAll @DoubleRange(min = 0.1, max = 0.9) double fraction,
                                              @ForAll long seed) {
        Dataset d = SyntheticCredit.builder().rows(rows).seed(rows).build().dataset();
        TrainTestSplit a = d.split(fraction, seed);
        TrainTestSplit b = d.split(fraction, seed);
        assertThat(a.train().x()).isDeepEqualTo(b.train().x());
        assertThat(a.test().labels()).isEqualTo(b.test().labels());
        assertThat(a.train().rows() + a.test().rows()).isEqualTo(rows);
        int[] y = d.labels();
        int pos = Arrays.stream(y).sum();
        int testPos = Arrays.stream(a.test().labels()).sum();
        assertThat(testPos).isEqualTo((int) Math.round(fraction * pos));
        assertThat(a.test().rows() - testPos).isEqualTo((int) Math.round(fraction * (rows - pos)));
        // Every row ends up in exactly one part: the multisets of rows add up.
        Set<List<Double>> all = new HashSet<>();
        for (double[] r : d.x()) {
            all.add(Arrays.stream(r).boxed().toList());
        }
        Set<List<Double>> parts = new HashSet<>();
        for (Dataset part : List.of(a.train(), a.test())) {
            for (double[] r : part.x()) {
                parts.add(Arrays.stream(r).boxed().toList());
            }
        }
        assertThat(parts).isEqualTo(all);
    }

    @Test
    void splitRejectsFractionsOutsideTheOpenInterval() {
        assertThatThrownBy(() -> small().split(0, 1)).hasMessageContaining("testFraction");
        assertThatThrownBy(() -> small().split(1, 1)).hasMessageContaining("testFraction");
    }

    @Test
    void oneHotEncodesCategoricalsAsFeatureGroups() {
        EncodedMatrix e = small().oneHot();
        assertThat(e.columnNames()).containsExactly("age", "job=a", "job=b", "job=c");
        assertThat(e.featureColumns()).isDeepEqualTo(new int[][] {{0}, {1, 2, 3}});
        assertThat(e.x()).isDeepEqualTo(new double[][] {{20, 1, 0, 0}, {30, 0, 1, 0}, {40, 0, 0, 1}, {50, 0, 1, 0}});
    }

    @Test
    void encoderFittedOnTrainMatchesLevelsByTextAndRejectsUnseenLevels() {
        Dataset train = small();
        Encoder enc = Encoder.fit(train);
        Dataset reordered = Dataset.builder("other")
                .features(List.of(Feature.categorical("job", List.of("c", "a")), Feature.numeric("age")),
                        new double[][] {{0, 5}, {1, 6}})
                .labels("y", "yes", new int[] {0, 1}).build();
        assertThat(enc.apply(reordered).x()).isDeepEqualTo(new double[][] {{5, 0, 0, 1}, {6, 1, 0, 0}});
        Dataset unseen = Dataset.builder("other")
                .features(List.of(Feature.numeric("age"), Feature.categorical("job", List.of("a", "z"))),
                        new double[][] {{1, 0}, {2, 1}})
                .labels("y", "yes", new int[] {0, 1}).build();
        assertThatThrownBy(() -> enc.apply(unseen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1, feature 'job' has level 'z'");
        assertThat(enc.encode(new double[][] {{1, 2}})).isDeepEqualTo(new double[][] {{1, 0, 0, 1}});
        // Split parts keep the parent's levels, so a level absent from the train part still encodes.
        TrainTestSplit s = SyntheticCredit.builder().rows(300).build().dataset().split(0.3, 1);
        assertThat(Encoder.fit(s.train()).apply(s.test()).columns()).isEqualTo(5 + 3 + 5 + 5 + 4);
    }

    @Test
    void dropFeaturesKeepsEverythingElse() {
        Dataset d = small().dropFeatures("age");
        assertThat(d.featureNames()).containsExactly("job");
        assertThat(d.x()).isDeepEqualTo(new double[][] {{0}, {1}, {2}, {1}});
        assertThat(d.weights()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> small().dropFeatures("nope")).hasMessageContaining("no feature 'nope'");
    }

    @Test
    void intersectionJoinsValuesAndHasNoPrivilegedValue() {
        Dataset g = GermanCreditDataset.load();
        ProtectedAttribute both = ProtectedAttribute.intersection(
                List.of(g.protectedAttribute("sex"), g.protectedAttribute("age_group")));
        assertThat(both.name()).isEqualTo("sex&age_group");
        assertThat(both.privileged()).isEmpty();
        // Row 0 of german_predictions.csv: male, gt25; row 1: female, le25.
        assertThat(both.value(0)).isEqualTo("male&gt25");
        assertThat(both.value(1)).isEqualTo("female&le25");
        Dataset withBoth = g.withProtectedAttribute(both);
        assertThat(withBoth.protectedAttributes()).extracting(ProtectedAttribute::name)
                .containsExactly("sex", "age_group", "sex&age_group");
        int total = withBoth.describe().attribute("sex&age_group").groups().stream()
                .mapToInt(DatasetSummary.GroupSummary::count).sum();
        assertThat(total).isEqualTo(1000);
        assertThatThrownBy(() -> ProtectedAttribute.intersection(List.of(both))).hasMessageContaining("at least two");
    }

    @Test
    void registryListsTheBuiltInDatasets() {
        assertThat(Datasets.names()).containsExactly("synthetic-credit", "german", "adult", "compas", "bank");
        assertThatThrownBy(() -> Datasets.load("iris")).hasMessageContaining("known datasets are");
    }
}
