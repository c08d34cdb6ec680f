package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.explain.Background;
import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** KernelShap.explainAll on the shared row runner. */
class KernelShapParallelTest {

    private final GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
    private final Background bg = Background.of(GoldenGerman.csv("german_background.csv", 24));
    private final double[][] rows = GoldenGerman.csv("german_explain_rows.csv", 24);

    @Test
    void oneAndFourThreadsGiveByteIdenticalValues() {
        ShapExplanations one = KernelShap.builder(model, bg).nsamples(256).seed(5).threads(1).build().explainAll(rows);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ShapExplanations four;
        try {
            four = KernelShap.builder(model, bg).nsamples(256).seed(5).threads(4).executor(pool).build()
                    .explainAll(rows);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < rows.length; i++) {
            long[] a = Arrays.stream(one.get(i).values()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] b = Arrays.stream(four.get(i).values()).mapToLong(Double::doubleToRawLongBits).toArray();
            assertThat(b).containsExactly(a);
            assertThat(four.get(i).provenance().parameters()).isEqualTo(one.get(i).provenance().parameters());
        }
    }

    @Test
    void aModelFailingOnRow7IsReportedAsRow7WithTheModelsExceptionAsCause() {
        UnsupportedOperationException down = new UnsupportedOperationException("scoring service unavailable");
        Model failsOnRow7 = r -> {
            for (double[] row : r) {
                if (Arrays.equals(row, rows[7])) {
                    throw down;
                }
            }
            return model.predict(r);
        };
        for (int threads : new int[] {1, 3}) {
            KernelShap shap = KernelShap.builder(failsOnRow7, bg).nsamples(100).threads(threads).build();
            assertThatThrownBy(() -> shap.explainAll(rows))
                    .isInstanceOf(ExplanationFailedException.class)
                    .hasMessage("explaining row 7 failed: java.lang.UnsupportedOperationException: scoring service "
                            + "unavailable")
                    .hasCause(down);
        }
    }
}
