package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EncoderPropertiesTest {

    /**
     * For any synthetic sample: every categorical block is one-hot (one 1, the rest 0) at the level's
     * code, numeric columns are copied unchanged, and the blocks partition the encoded columns.
     */
    @Property(tries = 30)
    void oneHotBlocksInvertToTheLevelCodes(@ForAll @IntRange(min = 1, max = 300) int rows, @ForAll long seed) {
        Dataset d = SyntheticCredit.builder().rows(rows).seed(seed).build().dataset();
        EncodedMatrix e = d.oneHot();
        List<Feature> fs = d.features();
        int covered = 0;
        for (int f = 0; f < fs.size(); f++) {
            int[] cols = e.featureColumns()[f];
            covered += cols.length;
            for (int i = 0; i < rows; i++) {
                if (fs.get(f).isCategorical()) {
                    double sum = 0;
                    int hot = -1;
                    for (int k = 0; k < cols.length; k++) {
                        double v = e.x()[i][cols[k]];
                        assertThat(v).isIn(0.0, 1.0);
                        sum += v;
                        if (v == 1) {
                            hot = k;
                        }
                    }
                    assertThat(sum).isEqualTo(1.0);
                    assertThat((double) hot).isEqualTo(d.value(i, f));
                } else {
                    assertThat(e.x()[i][cols[0]]).isEqualTo(d.value(i, f));
                }
            }
        }
        assertThat(covered).isEqualTo(e.columns());
        assertThat(Encoder.fit(d).encode(d.x())).isDeepEqualTo(e.x());
    }
}
