package dev.candor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void weightsAreNormalised() {
        Background b = Background.weighted(new double[][] {{1}, {2}, {3}}, new double[] {1, 1, 2});
        assertThat(b.weights()).containsExactly(0.25, 0.25, 0.5);
        assertThat(Background.of(new double[][] {{1}, {2}}).weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void sampleIsSeededAndWithoutReplacement() {
        double[][] data = new double[100][];
        for (int i = 0; i < data.length; i++) {
            data[i] = new double[] {i, -i};
        }
        Background a = Background.sample(data, 10, 7);
        Background b = Background.sample(data, 10, 7);
        Background c = Background.sample(data, 10, 8);
        assertThat(a.rows()).isDeepEqualTo(b.rows());
        assertThat(a.rows()).isNotEqualTo(c.rows());
        assertThat(Arrays.stream(a.rows()).mapToDouble(r -> r[0]).distinct().count()).isEqualTo(10);
        assertThat(Background.sample(data, 500, 1).size()).isEqualTo(100);
    }

    /**
     * Two well separated clouds, 30 rows near (0, 0) and 10 rows near (10, 1): k = 2 must find them,
     * weight them 30/40 and 10/40, and snap each coordinate to a value present in the data.
     */
    @Test
    void kmeansFindsClustersWeightsThemBySizeAndSnapsToObservedValues() {
        double[][] data = new double[40][];
        for (int i = 0; i < 30; i++) {
            data[i] = new double[] {i % 3 * 0.1, 0};
        }
        for (int i = 30; i < 40; i++) {
            data[i] = new double[] {10 + (i % 2) * 0.2, 1};
        }
        Background k = Background.kmeans(data, 2, 3);
        assertThat(k.size()).isEqualTo(2);
        double[][] c = k.rows();
        double[] w = k.weights();
        int small = c[0][0] > 5 ? 0 : 1;
        assertThat(w[small]).isCloseTo(0.25, within(1e-15));
        assertThat(w[1 - small]).isCloseTo(0.75, within(1e-15));
        // centers: mean 10.1 snapped to 10.0 or 10.2 (equidistant; the first in data order wins: 10.0),
        // mean 0.1 (exact in data), binary column stays 0/1
        assertThat(c[small]).containsExactly(10.0, 1.0);
        assertThat(c[1 - small][0]).isCloseTo(0.1, within(1e-12));
        assertThat(c[1 - small][1]).isEqualTo(0.0);
        assertThat(Background.kmeans(data, 2, 3).rows()).isDeepEqualTo(c);
    }

    @Test
    void badBackgroundsAreRejected() {
        assertThatThrownBy(() -> Background.of(new double[0][])).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Background.weighted(new double[][] {{1}}, new double[] {-1}))
                .hasMessageContaining("weights[0] must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Background.weighted(new double[][] {{1}}, new double[] {0}))
                .hasMessageContaining("positive sum");
        assertThatThrownBy(() -> Background.of(new double[][] {{1, Double.POSITIVE_INFINITY}}))
                .hasMessageContaining("background row 0, column 1 is Infinity");
        assertThatThrownBy(() -> Background.kmeans(new double[][] {{1}}, 0, 1)).hasMessageContaining("k must be >= 1");
    }

    @Test
    void rowwiseAdapterAndOutputSelection() {
        Model m = Models.rowwise(x -> x[0] * 2);
        assertThat(m.predict(new double[][] {{1}, {3}})).containsExactly(2, 6);
        MultiOutputModel two = Models.stack(m, r -> Arrays.stream(r).mapToDouble(x -> -x[0]).toArray());
        assertThat(two.outputs()).isEqualTo(2);
        assertThat(Models.output(two, 1).predict(new double[][] {{4}})).containsExactly(-4);
        assertThatThrownBy(() -> Models.output(two, 2)).hasMessageContaining("output must be in [0, 2), got 2");
    }
}
