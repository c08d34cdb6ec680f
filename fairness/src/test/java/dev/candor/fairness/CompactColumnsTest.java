package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The compact columns count exactly what {@link GroupCounter} counts from int arrays, on every path
 * (eight byte rows at a time, one joint index per row, one histogram per attribute), and name the
 * column, row and value of bad input.
 */
class CompactColumnsTest {

    static List<String> names(int k) {
        return IntStream.range(0, k).mapToObj(i -> "g" + i).toList();
    }

    static int[] labels(int n, SplittableRandom r) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
        }
        return y;
    }

    static GroupAttribute attribute(String name, int n, int k, SplittableRandom r) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextInt(k);
        }
        return new GroupAttribute(name, c, names(k));
    }

    private static void assertSameCounts(int n, int... sizes) {
        SplittableRandom r = new SplittableRandom(n * 31L + sizes.length);
        int[] yTrue = labels(n, r);
        int[] yPred = labels(n, r);
        List<GroupAttribute> attrs = new ArrayList<>();
        for (int a = 0; a < sizes.length; a++) {
            attrs.add(attribute("a" + a, n, sizes[a], r));
        }
        List<GroupCounts> expected = GroupCounter.count(yTrue, yPred, null, attrs);
        List<GroupCounts> actual = CompactColumns.of(yTrue, yPred, attrs).counts();
        assertThat(actual).isEqualTo(expected);
        long total = 0;
        for (int g = 0; g < sizes[0]; g++) {
            total += actual.get(0).counts(g).rows();
        }
        assertThat(total).isEqualTo(n);
    }

    @Test
    void eightRowsAtATimeMatchTheIntCounterIncludingTheTail() {
        assertSameCounts(100_003, 2, 5);
        assertSameCounts(7, 2, 5);
        assertSameCounts(64, 1);
        assertSameCounts(10_001, 2, 2, 3, 4); // 1 + 1 + 2 + 2 bits + cell = 8 bits
    }

    @Test
    void wideCodesUseOneJointIndexOrOneHistogramPerAttribute() {
        assertSameCounts(20_000, 300, 2);          // short codes, 9 + 1 + 2 bits
        assertSameCounts(20_000, 2, 40, 7);        // bytes but 1 + 6 + 3 + 2 = 12 bits
        assertSameCounts(20_000, 2000, 2000, 3);   // 11 + 11 + 2 + 2 bits > 20: separately
    }

    @Property(tries = 60)
    void anyShapeCountsWhatTheIntCounterCounts(@ForAll @IntRange(min = 0, max = 3000) int n,
                                               @ForAll @IntRange(min = 1, max = 300) int k1,
                                               @ForAll @IntRange(min = 1, max = 9) int k2) {
        assertSameCounts(n, k1, k2);
    }

    @Test
    void byteColumnsBuiltDirectlyCountTheHandComputedCells() {
        byte[] y = {1, 1, 0, 0, 1, 0, 1, 0, 1};
        byte[] p = {1, 0, 1, 0, 1, 1, 0, 0, 1};
        byte[] sex = {0, 0, 0, 0, 1, 1, 1, 1, 1};
        GroupCounts c = CompactColumns.builder(y, p).attribute("sex", sex, List.of("f", "m")).build().counts().get(0);
        // f: (1,1) tp, (1,0) fn, (0,1) fp, (0,0) tn; m: tp, fp, fn, tn, tp
        assertThat(c.counts("f")).isEqualTo(ConfusionCounts.of(1, 1, 1, 1));
        assertThat(c.counts("m")).isEqualTo(ConfusionCounts.of(2, 1, 1, 1));
    }

    @Test
    void badInputNamesColumnRowAndValue() {
        int n = 5000;
        SplittableRandom r = new SplittableRandom(3);
        byte[] y = new byte[n];
        byte[] p = new byte[n];
        byte[] race = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) r.nextInt(2);
            p[i] = (byte) r.nextInt(2);
            race[i] = (byte) r.nextInt(5);
        }
        List<String> five = names(5);
        race[1001] = 5; // inside the 3-bit field, outside the groups
        assertThatThrownBy(() -> CompactColumns.builder(y, p).attribute("race", race, five).build().counts())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'race'").hasMessageContaining("row 1001").hasMessageContaining("code 5");
        race[1001] = (byte) 200; // outside the field
        assertThatThrownBy(() -> CompactColumns.builder(y, p).attribute("race", race, five).build().counts())
                .hasMessageContaining("row 1001").hasMessageContaining("code 200");
        race[1001] = 0;
        p[4998] = -1; // in the tail after the last full word
        assertThatThrownBy(() -> CompactColumns.builder(y, p).attribute("race", race, five).build().counts())
                .hasMessageContaining("yPred").hasMessageContaining("row 4998").hasMessageContaining("value -1");
        p[4998] = 0;
        y[13] = 2;
        assertThatThrownBy(() -> CompactColumns.builder(y, p).attribute("race", race, five).build().counts())
                .hasMessageContaining("yTrue").hasMessageContaining("row 13").hasMessageContaining("value 2");
        assertThatThrownBy(() -> CompactColumns.of(new int[] {0, 3}, new int[] {0, 1},
                List.of(new GroupAttribute("s", new int[] {0, 1}, names(2)))))
                .hasMessageContaining("yTrue").hasMessageContaining("row 1");
        assertThatThrownBy(() -> CompactColumns.builder(new byte[3], new byte[2]))
                .hasMessageContaining("yPred has length 2");
    }
}
