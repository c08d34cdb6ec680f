package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LimeTabular.explainAll on the shared row runner, and the builder's copy of its inputs. */
class LimeTabularParallelTest {

    private static double[][] training() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] t = new double[300][4];
        for (double[] row : t) {
            row[0] = r.nextGaussian();
            row[1] = r.nextInt(3);
            row[2] = r.nextDouble() * 10;
            row[3] = r.nextGaussian() * 2 + 1;
        }
        return t;
    }

    private static final Model MODEL = rows -> Arrays.stream(rows)
            .mapToDouble(x -> 1 / (1 + Math.exp(-(0.8 * x[0] - 0.5 * x[1] + 0.1 * x[2] - 0.3 * x[3]))))
            .toArray();

    private static double[][] explained() {
        return Arrays.copyOf(training(), 12);
    }

    @Test
    void oneAndFourThreadsGiveByteIdenticalWeights() {
        double[][] rows = explained();
        List<LimeExplanation> one = LimeTabular.builder(MODEL, training()).numSamples(400).categoricalFeatures(1)
                .threads(1).build().explainAll(rows);
        List<LimeExplanation> four = LimeTabular.builder(MODEL, training()).numSamples(400).categoricalFeatures(1)
                .threads(4).build().explainAll(rows);
        for (int i = 0; i < rows.length; i++) {
            long[] a = Arrays.stream(one.get(i).weights()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] b = Arrays.stream(four.get(i).weights()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertThat(b).containsExactly(a);
            assertThat(four.get(i).intercept()).isEqualTo(one.get(i).intercept());
        }
    }

    @Test
    void aModelFailingOnRow7IsReportedAsRow7WithTheModelsExceptionAsCause() {
        double[][] rows = explained();
        ArithmeticException down = new ArithmeticException("overflow in the scorer");
        // row 0 of every neighbourhood is the explained row itself
        Model failsOnRow7 = r -> {
            if (Arrays.equals(r[0], rows[7])) {
                throw down;
            }
            return MODEL.predict(r);
        };
        for (int threads : new int[] {1, 4}) {
            LimeTabular lime = LimeTabular.builder(failsOnRow7, training()).numSamples(200).threads(threads).build();
            assertThatThrownBy(() -> lime.explainAll(rows))
                    .isInstanceOf(ExplanationFailedException.class)
                    .hasMessage("explaining row 7 failed: java.lang.ArithmeticException: overflow in the scorer")
                    .hasCause(down);
        }
    }

    @Test
    void changingTheTrainingDataAfterBuilderOrBuildChangesNothing() {
        LimeExplanation reference = LimeTabular.builder(MODEL, training()).numSamples(300).build()
                .explain(explained()[2]);
        double[][] train = training();
        LimeTabular.Builder builder = LimeTabular.builder(MODEL, train).numSamples(300);
        for (double[] row : train) {
            row[2] = Double.NaN; // would be rejected by builder(), and would change every bin
        }
        LimeTabular lime = builder.build();
        assertThat(lime.explain(explained()[2]).weights()).containsExactly(reference.weights());
        double[] w = lime.explain(explained()[2]).weights();
        w[0] = 99;
        assertThat(lime.explain(explained()[2]).weights()).containsExactly(reference.weights());
    }
}
