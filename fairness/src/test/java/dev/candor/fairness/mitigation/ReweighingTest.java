package dev.candor.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class ReweighingTest {

    // Five rows, hand-computed reference (exact rationals):
    //   a: labels 1,1,0  -> n_a = 3, n_a1 = 2, n_a0 = 1;  b: labels 1,0 -> n_b = 2, n_b1 = 1, n_b0 = 1
    //   n = 5, n_1 = 3, n_0 = 2
    //   w(a,1) = 3*3/(5*2) = 9/10,  w(a,0) = 2*3/(5*1) = 6/5,
    //   w(b,1) = 3*2/(5*1) = 6/5,   w(b,0) = 2*2/(5*1) = 4/5;   sum = 2*0.9 + 1.2 + 1.2 + 0.8 = 5
    private static final int[] LABELS = {1, 1, 0, 1, 0};
    private static final String[] GROUPS = {"a", "a", "a", "b", "b"};

    @Test
    void smallExampleMatchesHandComputedWeights() {
        Reweighing rw = Reweighing.fit(LABELS, GROUPS);
        assertThat(rw.weights()).containsExactly(new double[] {0.9, 0.9, 1.2, 1.2, 0.8}, within(1e-15));
        assertThat(rw.weight("a", 1)).isCloseTo(0.9, within(1e-15));
        assertThat(rw.weight("b", 0)).isCloseTo(0.8, within(1e-15));
        assertThat(rw.cells()).extracting(ReweighingCell::group).containsExactly("a", "a", "b", "b");
        assertThat(rw.cells()).extracting(ReweighingCell::label).containsExactly(1, 0, 1, 0);
        assertThat(rw.cells()).extracting(ReweighingCell::rows).containsExactly(2L, 1L, 1L, 1L);
        assertThat(rw.groupValues()).containsExactly("a", "b");
        assertThat(rw.provenance().algorithm()).isEqualTo("Reweighing");
        assertThat(rw.provenance().input().rows()).isEqualTo(5);
    }

    @Test
    void priorWeightsEnterEverySumAndMultiplyTheResult() {
        // Prior weights p = (2, 1, 1, 0.5, 1.5). Weighted sums (exact):
        //   W = 6, W_a = 4, W_b = 2, W_1 = 2 + 1 + 0.5 = 3.5, W_0 = 1 + 1.5 = 2.5
        //   W_a1 = 3, W_a0 = 1, W_b1 = 0.5, W_b0 = 1.5
        //   w(a,1) = 3.5*4/(6*3) = 7/9, w(a,0) = 2.5*4/(6*1) = 5/3,
        //   w(b,1) = 3.5*2/(6*0.5) = 7/3, w(b,0) = 2.5*2/(6*1.5) = 5/9
        //   new weights = p * w(cell) = (14/9, 7/9, 5/3, 7/6, 5/6); their sum is W = 6
        double[] prior = {2, 1, 1, 0.5, 1.5};
        Reweighing rw = Reweighing.fit(LABELS, GROUPS, prior);
        assertThat(rw.weight("a", 1)).isCloseTo(7.0 / 9, within(1e-15));
        assertThat(rw.weight("a", 0)).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(rw.weight("b", 1)).isCloseTo(7.0 / 3, within(1e-15));
        assertThat(rw.weight("b", 0)).isCloseTo(5.0 / 9, within(1e-15));
        assertThat(rw.weights()).containsExactly(
                new double[] {14.0 / 9, 7.0 / 9, 5.0 / 3, 7.0 / 6, 5.0 / 6}, within(1e-15));
        assertThat(rw.totalWeight()).isEqualTo(6.0);
        assertThat(rw.cell("b", 1).weightSum()).isEqualTo(0.5);
        assertThat(rw.transform(LABELS, GROUPS, prior)).containsExactly(rw.weights());
    }

    @Test
    void priorWeightsThatDoNotSumToNKeepTheirTotalAndGiveScaleFreeCellWeights() {
        double[] prior = {0.2, 0.1, 0.1, 0.05, 0.15}; // sums to 0.6, not n = 5
        Reweighing rw = Reweighing.fit(LABELS, GROUPS, prior);
        Reweighing scaled = Reweighing.fit(LABELS, GROUPS, new double[] {2, 1, 1, 0.5, 1.5});
        for (ReweighingCell c : rw.cells()) {
            assertThat(c.weight()).isCloseTo(scaled.cell(c.group(), c.label()).weight(), within(1e-14));
        }
        double sum = 0;
        for (double w : rw.weights()) {
            sum += w;
        }
        assertThat(sum).isCloseTo(0.6, within(1e-15));
        assertThat(rw.totalWeight()).isCloseTo(0.6, within(1e-15));
    }

    @Test
    void severalProtectedAttributesMakeOneGroupPerObservedCombination() {
        GermanPredictions g = GermanPredictions.load();
        Reweighing rw = Reweighing.fit(g.credit(), new String[][] {g.sex(), g.ageGroup()});
        assertThat(rw.groupValues()).containsExactly("female&gt25", "female&le25", "male&gt25", "male&le25");
        // Exact reference: w(g,l) = n_l n_g / (n n_gl) in rational arithmetic from counts made here.
        int n = g.credit().length;
        for (String group : rw.groupValues()) {
            for (int label : new int[] {0, 1}) {
                long ng = 0;
                long nl = 0;
                long ngl = 0;
                for (int i = 0; i < n; i++) {
                    boolean inG = (g.sex()[i] + "&" + g.ageGroup()[i]).equals(group);
                    ng += inG ? 1 : 0;
                    nl += g.credit()[i] == label ? 1 : 0;
                    ngl += inG && g.credit()[i] == label ? 1 : 0;
                }
                double exact = new BigFraction(nl * ng).divide(new BigFraction(n * ngl)).doubleValue();
                assertThat(rw.weight(group, label)).as("%s|%d", group, label).isCloseTo(exact, within(1e-15));
            }
        }
        // The label is independent of the combined group: equal weighted base rates (0.7) everywhere.
        double[] w = rw.weights();
        String[] joined = Reweighing.intersect(g.sex(), g.ageGroup());
        for (String group : rw.groupValues()) {
            LabelParity p = LabelParity.of(g.credit(), joined, w, 1, group);
            assertThat(p.baseRatePrivileged()).isCloseTo(0.7, within(1e-12));
            assertThat(p.statisticalParityDifference()).isCloseTo(0.0, within(1e-12));
        }
        assertThat(rw.transform(g.credit(), new String[][] {g.sex(), g.ageGroup()})).containsExactly(w);
    }

    @Test
    void privilegedFormPoolsTheOtherValues() {
        int[] labels = {1, 0, 1, 0, 1, 0, 1, 1};
        String[] race = {"W", "W", "B", "B", "A", "A", "W", "A"};
        Reweighing rw = Reweighing.builder().privileged("W").fit(labels, race);
        // Pooled: privileged W: 3 rows (2 fav, 1 unfav); unprivileged {A,B}: 5 rows (3 fav, 2 unfav);
        // n = 8, n_fav = 5, n_unfav = 3.
        //   w_p_fav = 5*3/(8*2) = 15/16, w_p_unfav = 3*3/(8*1) = 9/8,
        //   w_up_fav = 5*5/(8*3) = 25/24, w_up_unfav = 3*5/(8*2) = 15/16
        assertThat(rw.weight("W", 1)).isCloseTo(15.0 / 16, within(1e-15));
        assertThat(rw.weight("W", 0)).isCloseTo(9.0 / 8, within(1e-15));
        assertThat(rw.weight("A", 1)).isCloseTo(25.0 / 24, within(1e-15));
        assertThat(rw.weight("B", 1)).isCloseTo(25.0 / 24, within(1e-15));
        assertThat(rw.weight("B", 0)).isCloseTo(15.0 / 16, within(1e-15));
        assertThat(rw.cells()).extracting(ReweighingCell::group)
                .containsExactly("privileged", "privileged", "unprivileged", "unprivileged");
        assertThat(rw.cell("A", 0).members()).containsExactly("A", "B");
        assertThat(rw.privilegedValues()).containsExactly("W");
        // Two privileged values are OR-ed: {A, W} against B.
        Reweighing two = Reweighing.builder().privileged("W", "A").fit(labels, race);
        assertThat(two.cell("A", 1).members()).containsExactly("A", "W");
        // {A,W}: 6 rows, 4 fav, 2 unfav; B: 2 rows, 1 fav, 1 unfav; w_up_fav = 5*2/(8*1) = 5/4
        assertThat(two.weight("B", 1)).isCloseTo(1.25, within(1e-15));
        assertThat(two.weight("W", 1)).isCloseTo(5.0 * 6 / (8 * 4), within(1e-15));
        // Every group separately differs: B and A are not pooled.
        Reweighing separate = Reweighing.fit(labels, race);
        assertThat(separate.weight("B", 1)).isNotCloseTo(separate.weight("A", 1), within(1e-3));
        assertThat(separate.privilegedValues()).isEmpty();
    }

    @Test
    void emptyCellIsRefusedAndNamed() {
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 0, 1, 1}, new String[] {"a", "a", "b", "b"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (group 'b', label 0) has no rows");
        assertThatThrownBy(() -> Reweighing.builder().privileged("x")
                        .fit(new int[] {1, 0, 0, 0}, new String[] {"x", "x", "y", "z"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (group unprivileged [y, z], label 1) has no rows");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, GROUPS, new double[] {1, 1, 1, 0, 1}))
                .hasMessageContaining("cell (group 'b', label 1) has 1 rows whose prior weights sum to 0");
    }

    @Test
    void oneLabelValueIsRefused() {
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 1}, new String[] {"a", "b"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every label is the favorable label 1");
        assertThatThrownBy(() -> Reweighing.fit(new int[] {0, 0}, new String[] {"a", "b"}))
                .hasMessageContaining("no row has the favorable label 1 (every label is 0)");
    }

    @Test
    void nonBinaryLabelIsRefusedWithRowAndValue() {
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 0, 2}, new String[] {"a", "b", "a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2 has label 2");
    }

    @Test
    void singleGroupIsRefused() {
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 0}, new String[] {"a", "a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one group 'a'");
        assertThatThrownBy(() -> Reweighing.builder().privileged("a").fit(new int[] {1, 0}, new String[] {"a", "a"}))
                .hasMessageContaining("every row is in the privileged group 'a'");
        assertThatThrownBy(() -> Reweighing.builder().privileged("c").fit(LABELS, GROUPS))
                .hasMessageContaining("privileged value 'c' does not occur in groups (values: [a, b])");
    }

    @Test
    void badArraysAreRefused() {
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 0}, new String[] {"a"}))
                .hasMessageContaining("groups has 1 rows but labels has 2");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, GROUPS, new double[] {1}))
                .hasMessageContaining("priorWeights has 1 rows but labels has 5");
        assertThatThrownBy(() -> Reweighing.fit(new int[0], new String[0])).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Reweighing.fit(new int[] {1, 0}, new String[] {"a", null}))
                .hasMessageContaining("groups at row 1 is null");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, GROUPS, new double[] {1, 1, Double.NaN, 1, 1}))
                .hasMessageContaining("priorWeights at row 2 is NaN");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, GROUPS, new double[] {1, -1, 1, 1, 1}))
                .hasMessageContaining("priorWeights at row 1 is -1.0");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, new String[][] {GROUPS, {"x", "y&z", "x", "y", "x"}}))
                .hasMessageContaining("protectedColumns[1][1] = 'y&z' contains '&'");
        assertThatThrownBy(() -> Reweighing.fit(LABELS, new String[][] {GROUPS, {"x"}}))
                .hasMessageContaining("column 1 has 1 rows but column 0 has 5");
    }

    @Test
    void transformRefusesUnseenGroupsAndLabels() {
        Reweighing rw = Reweighing.builder().privileged("a").fit(LABELS, GROUPS);
        assertThat(rw.transform(new int[] {0, 1}, new String[] {"b", "a"}))
                .containsExactly(rw.weight("b", 0), rw.weight("a", 1));
        assertThatThrownBy(() -> rw.transform(new int[] {1, 1}, new String[] {"a", "c"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groups at row 1: group 'c' was not seen when fitting (groups: [a, b])");
        assertThatThrownBy(() -> rw.transform(new int[] {1, 7}, new String[] {"a", "b"}))
                .hasMessageContaining("labels at row 1: label 7 is neither the favorable (1) nor the unfavorable (0)");
        assertThatThrownBy(() -> rw.weight("z", 1)).hasMessageContaining("group 'z' was not seen");
        assertThatThrownBy(() -> rw.transform(new int[] {1}, new String[] {"a", "b"}))
                .hasMessageContaining("groups has 2 rows but labels has 1");
    }

    @Test
    void resultIsImmutable() {
        Reweighing rw = Reweighing.fit(LABELS, GROUPS);
        rw.weights()[0] = 99;
        assertThat(rw.weights()[0]).isCloseTo(0.9, within(1e-15));
        List<ReweighingCell> cells = rw.cells();
        assertThatThrownBy(() -> cells.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
