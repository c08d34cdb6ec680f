package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Model;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LimePropertiesTest {

    private static double[][] data(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] d = new double[120][4];
        for (double[] r : d) {
            r[0] = rng.nextInt(0, 4);
            r[1] = rng.nextGaussian();
            r[2] = 7; // constant column: a single observed bin
            r[3] = rng.nextDouble() < 0.5 ? 0 : 1;
        }
        return d;
    }

    private static final Model MODEL = rows -> {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = 1 / (1 + Math.exp(-(0.5 * rows[i][0] - rows[i][1] + 0.1 * rows[i][2] - 0.7 * rows[i][3])));
        }
        return out;
    };

    @Property(tries = 15)
    void outputDependsOnlyOnSeedAndRowIndexNotOnThreads(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int threads,
                                                        @ForAll boolean reference) {
        double[][] train = data(seed);
        double[][] rows = java.util.Arrays.copyOfRange(train, 0, 6);
        List<LimeExplanation> serial = LimeTabular.builder(MODEL, train).seed(seed).numSamples(300).threads(1)
                .referenceCompatibleUndiscretize(reference).build().explainAll(rows);
        List<LimeExplanation> parallel = LimeTabular.builder(MODEL, train).seed(seed).numSamples(300).threads(threads)
                .referenceCompatibleUndiscretize(reference).build().explainAll(rows);
        assertThat(parallel).isEqualTo(serial);
    }

    @Property(tries = 15)
    void surrogateIsConsistentWithItsParts(@ForAll long seed) {
        double[][] train = data(seed);
        LimeExplanation e = LimeTabular.builder(MODEL, train).seed(seed).numSamples(300).build().explain(train[1]);
        // a feature with one observed bin has an all-ones indicator: weight exactly 0
        assertThat(e.weights()[2]).isEqualTo(0.0);
        // the local prediction is the surrogate at z = 1: intercept + sum of weights
        double sum = e.intercept();
        for (double w : e.weights()) {
            sum += w;
        }
        assertThat(e.localPrediction()).isCloseTo(sum, within(1e-12));
        assertThat(e.score()).isBetween(0.0, 1.0);
        assertThat(e.modelPrediction()).isEqualTo(MODEL.predict(new double[][] {train[1]})[0]);
    }
}
