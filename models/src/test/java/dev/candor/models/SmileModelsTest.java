package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Model;
import dev.candor.explain.MultiOutputModel;
import dev.candor.explain.shap.KernelShap;
import dev.candor.explain.Background;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.classification.Classifier;
import smile.classification.LogisticRegression;
import smile.regression.Regression;

class SmileModelsTest {

    /** Two informative features and a noisy label; enough rows for a stable fit. */
    private static double[][] x;
    private static int[] y;

    static {
        SplittableRandom r = new SplittableRandom(3);
        x = new double[400][2];
        y = new int[400];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            double p = 1 / (1 + Math.exp(-(0.5 + 1.5 * x[i][0] - x[i][1])));
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
    }

    @Test
    void posteriorOfALogisticModelIsTheSigmoidOfItsLinearScore() {
        LogisticRegression.Binomial lr = LogisticRegression.binomial(x, y);
        double[] w = lr.coefficients();  // Smile: one weight per feature, then the intercept last (w[p])
        Model m = SmileModels.posterior(lr, 1);
        double[][] rows = {{0, 0}, {1, -2}, {-0.5, 0.3}};
        double[] p = m.predict(rows);
        for (int i = 0; i < rows.length; i++) {
            double z = w[0] * rows[i][0] + w[1] * rows[i][1] + w[2];
            assertThat(p[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
        }
        double[] q = SmileModels.posterior(lr, 0).predict(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(p[i] + q[i]).isCloseTo(1.0, within(1e-12));
        }
        MultiOutputModel all = SmileModels.posteriors(lr);
        assertThat(all.outputs()).isEqualTo(2);
        assertThat(all.predict(rows)[1][1]).isEqualTo(p[1]);
    }

    @Test
    void regressionAdapterReturnsThePredictionsAndExplainsAsALinearModel() {
        Regression<double[]> f = row -> 2 * row[0] - row[1] + 3;
        Model m = SmileModels.regression(f);
        assertThat(m.predict(new double[][] {{1, 1}, {0, 4}})).containsExactly(4.0, -1.0);
        // Linear model, identity link: phi_j = w_j (x_j - mean_j) (Lundberg & Lee 2017, corollary 1).
        double[][] bg = {{0, 0}, {2, 2}};
        double[] phi = KernelShap.builder(m, Background.of(bg)).build().explain(new double[] {3, 5}).values();
        assertThat(phi[0]).isCloseTo(2 * (3 - 1), within(1e-9));
        assertThat(phi[1]).isCloseTo(-(5 - 1), within(1e-9));
    }

    @Test
    void hardClassifiersAndUnknownClassesAreRefused() {
        Classifier<double[]> hard = new Classifier<>() {
            @Override
            public int numClasses() {
                return 2;
            }

            @Override
            public int[] classes() {
                return new int[] {0, 1};
            }

            @Override
            public int predict(double[] row) {
                return row[0] > 0 ? 1 : 0;
            }
        };
        assertThatThrownBy(() -> SmileModels.posterior(hard, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no class probabilities");
        LogisticRegression.Binomial lr = LogisticRegression.binomial(x, y);
        assertThatThrownBy(() -> SmileModels.posterior(lr, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 is not a class");
    }
}
