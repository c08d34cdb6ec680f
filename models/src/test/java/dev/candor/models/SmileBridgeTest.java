package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Feature;
import dev.candor.datasets.GermanCreditDataset;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import org.junit.jupiter.api.Test;

class SmileBridgeTest {

    @Test
    void dataFrameViewHasFeaturesAsFactorsAndTheLabel() {
        Dataset g = GermanCreditDataset.load();
        DataFrame df = SmileBridge.toDataFrame(g);
        assertThat(df.nrow()).isEqualTo(1000);
        assertThat(df.ncol()).isEqualTo(21);
        assertThat(df.names()[20]).isEqualTo("credit");
        assertThat(df.getInt(0, "credit")).isEqualTo(1);
        assertThat(df.getDouble(0, "credit_amount")).isEqualTo(1169.0);
        assertThat(df.column("checking_status").measure()).isInstanceOf(NominalScale.class);
        assertThat(df.toString(0, "checking_status")).isEqualTo("A11");
        int[] labels = df.column("credit").toIntArray();
        assertThat(labels).isEqualTo(g.labels());
        // Smile formulas see the categoricals as factors and dummy-encode them with k - 1 columns each:
        // 7 numeric + sum over the 13 categoricals of (levels - 1).
        int expected = 0;
        for (Feature f : g.features()) {
            expected += f.isCategorical() ? f.levels().size() - 1 : 1;
        }
        assertThat(expected).isEqualTo(48);
        assertThat(smile.data.formula.Formula.lhs("credit").matrix(df, false).ncol()).isEqualTo(expected);
    }
}
