package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightedResamplingTest {

    @Test
    void drawsAreSeededSortedAndProportionalToTheWeights() {
        double[] w = {1, 0, 2, 3, 4};
        int draws = 100_000;
        int[] a = WeightedResampling.draw(w, draws, 42L);
        assertThat(WeightedResampling.draw(w, draws, 42L)).containsExactly(a);
        assertThat(a).isSorted();
        int[] counts = new int[w.length];
        for (int i : a) {
            counts[i]++;
        }
        assertThat(counts[1]).isZero();
        // Multinomial: count_i ~ Bin(100000, w_i / 10); 5 standard deviations is at most 5 * 158 = 790.
        for (int i = 0; i < w.length; i++) {
            double p = w[i] / 10;
            double sd = Math.sqrt(draws * p * (1 - p));
            assertThat((double) counts[i]).isBetween(draws * p - 5 * sd, draws * p + 5 * sd);
        }
    }

    @Test
    void badWeightsAreRefused() {
        assertThatThrownBy(() -> WeightedResampling.draw(new double[] {0, 0}, 3, 1L))
                .hasMessageContaining("every weight is 0");
        assertThatThrownBy(() -> WeightedResampling.draw(new double[] {1, -2}, 3, 1L))
                .hasMessageContaining("weights at row 1 is -2.0");
        assertThatThrownBy(() -> WeightedResampling.draw(new double[] {1}, 0, 1L))
                .hasMessageContaining("draws must be >= 1");
    }
}
