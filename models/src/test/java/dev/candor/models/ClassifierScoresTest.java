package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClassifierScoresTest {

    @Test
    void smallExampleByHand() {
        // labels 1 1 0 0 1, scores .9 .4 .4 .1 .6; threshold .5 -> predictions 1 0 0 0 1
        // TP = 2, TN = 2, P = 3, N = 2: accuracy 4/5, balanced (2/3 + 1)/2 = 5/6
        // AUC over the 6 (pos, neg) pairs: (.9>.4, .9>.1, .4=.4 -> 1/2, .4>.1, .6>.4, .6>.1) = 5.5/6
        ClassifierScores s = ClassifierScores.of(new int[] {1, 1, 0, 0, 1}, new double[] {.9, .4, .4, .1, .6}, 0.5);
        assertThat(s.accuracy()).isCloseTo(0.8, within(1e-15));
        assertThat(s.balancedAccuracy()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(s.auc()).isCloseTo(5.5 / 6, within(1e-15));
    }

    @Property(tries = 50)
    void aucEqualsTheShareOfCorrectlyOrderedPairs(@ForAll long seed, @ForAll @IntRange(min = 2, max = 200) int n) {
        Random r = new Random(seed);
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < 2 ? i : r.nextInt(2);
            s[i] = r.nextInt(10) / 10.0; // many ties
        }
        // Exact enumeration of every (positive, negative) pair; a tie counts one half.
        double num = 0;
        long pairs = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (y[a] == 1 && y[b] == 0) {
                    pairs++;
                    num += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
                }
            }
        }
        assertThat(ClassifierScores.of(y, s, 0.5).auc()).isCloseTo(num / pairs, within(1e-12));
    }

    @Test
    void oneClassGivesNaNAndBadInputIsNamed() {
        ClassifierScores s = ClassifierScores.of(new int[] {1, 1}, new double[] {0.2, 0.7}, 0.5);
        assertThat(s.auc()).isNaN();
        assertThat(s.balancedAccuracy()).isNaN();
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThatThrownBy(() -> ClassifierScores.of(new int[] {1, 2}, new double[] {0.2, 0.7}, 0.5))
                .hasMessageContaining("labels at row 1 is 2");
        assertThatThrownBy(() -> ClassifierScores.of(new int[] {1, 0}, new double[] {0.2, Double.NaN}, 0.5))
                .hasMessageContaining("scores at row 1 is NaN");
        assertThatThrownBy(() -> ClassifierScores.of(new int[] {1}, new double[] {0.2, 0.3}, 0.5))
                .hasMessageContaining("scores has 2 rows but labels has 1");
    }
}
