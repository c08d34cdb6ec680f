package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GermanModelTest {

    @Test
    void reproducesTheGoldenProbabilitiesBitForBit() {
        GermanFixtures.LogisticModel model = GermanFixtures.model();
        double[] bg = model.predict(GermanFixtures.csv("explain/german_background.csv"));
        double[] ex = model.predict(GermanFixtures.csv("explain/german_explain_rows.csv"));
        double[] bgRef = GermanFixtures.doubles(GermanFixtures.modelJson().get("checks").get("background_p"));
        double[] exRef = GermanFixtures.doubles(GermanFixtures.modelJson().get("checks").get("explain_rows_p"));
        assertThat(bg).hasSize(50).containsExactly(bgRef);
        assertThat(ex).hasSize(10).containsExactly(exRef);
    }

    @Test
    void trainingDataIsTheFullGermanNumericFile() {
        double[][] t = GermanFixtures.training();
        assertThat(t.length).isEqualTo(1000);
        // rows 100..109 are the explained rows of the golden files
        double[][] ex = GermanFixtures.csv("explain/german_explain_rows.csv");
        for (int i = 0; i < 10; i++) {
            assertThat(t[100 + i]).containsExactly(ex[i]);
        }
    }
}
