package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quartile bins of German credit against the reference's discretizer block in german_lime.json. */
class DiscretizerGoldenTest {

    private static Discretizer quartiles() {
        String[] names = new String[24];
        for (int j = 0; j < 24; j++) {
            names[j] = "f" + j;
        }
        return Discretizer.fit(Discretization.QUARTILE, GermanFixtures.training(), new boolean[24], null, names);
    }

    @Test
    void edgesBoundsCountsAndConditionsEqualTheReference() {
        Discretizer d = quartiles();
        JsonNode golden = GermanFixtures.limeJson().get("discretizer");
        assertThat(golden.size()).isEqualTo(24);
        for (int j = 0; j < 24; j++) {
            JsonNode g = golden.get(j);
            assertThat(d.edges(j)).as("edges of f%d", j).containsExactly(GermanFixtures.doubles(g.get("edges_after_np_unique")));
            assertThat(d.numBins(j)).isEqualTo(g.get("n_bins").asInt());
            List<BinStats> bins = d.bins(j);
            for (int k = 0; k < bins.size(); k++) {
                JsonNode gb = g.get("bins").get(k);
                BinStats b = bins.get(k);
                assertThat(d.condition(j, k)).isEqualTo(gb.get("condition").asText());
                assertThat(b.count()).as("count f%d bin %d", j, k).isEqualTo(gb.get("train_count").asInt());
                assertThat(b.min()).isEqualTo(gb.get("min").asDouble());
                assertThat(b.max()).isEqualTo(gb.get("max").asDouble());
                // numpy sums pairwise, Candor left to right: equal to a few ulps
                assertThat(b.mean()).isCloseTo(gb.get("mean").asDouble(), within(1e-12));
                assertThat(b.std() + LevelSampler.REFERENCE_STD_EPSILON)
                        .isCloseTo(gb.get("std_plus_1e-11").asDouble(), within(1e-12));
            }
            // observed bins and their training frequencies
            JsonNode obs = g.get("observed_bins");
            JsonNode freq = g.get("observed_bin_frequencies");
            int t = 0;
            for (int k = 0; k < bins.size(); k++) {
                if (bins.get(k).count() > 0) {
                    assertThat(k).isEqualTo(obs.get(t).asInt());
                    assertThat(bins.get(k).count() / 1000.0).isEqualTo(freq.get(t).asDouble());
                    t++;
                }
            }
            assertThat(t).isEqualTo(obs.size());
        }
    }

    @Test
    void rawPercentilesEqualNumpyLinearInterpolation() {
        JsonNode golden = GermanFixtures.limeJson().get("discretizer");
        double[][] train = GermanFixtures.training();
        for (int j = 0; j < 24; j++) {
            double[] col = new double[train.length];
            for (int i = 0; i < col.length; i++) {
                col[i] = train[i][j];
            }
            java.util.Arrays.sort(col);
            assertThat(Percentiles.of(col, new double[] {25, 50, 75}))
                    .containsExactly(GermanFixtures.doubles(golden.get(j).get("percentiles_25_50_75")));
        }
    }

    @Test
    void explainedRowsFallInTheReferenceBins() {
        Discretizer d = quartiles();
        for (JsonNode inst : GermanFixtures.limeJson().get("instances")) {
            double[] x = GermanFixtures.doubles(inst.get("x"));
            int[] bins = new int[24];
            for (int j = 0; j < 24; j++) {
                bins[j] = d.bin(j, x[j]);
            }
            int[] ref = new int[24];
            for (int j = 0; j < 24; j++) {
                ref[j] = inst.get("x_bins").get(j).asInt();
            }
            assertThat(bins).as("row %d", inst.get("row_index").asInt()).containsExactly(ref);
        }
    }

    @Test
    void referenceModeFeedsZeroForBinsWithoutSpreadAndDefaultFeedsTheBinValue() {
        Discretizer d = quartiles();
        JsonNode golden = GermanFixtures.limeJson().get("discretizer");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int j = 0; j < 24; j++) {
            LevelSampler ref = LevelSampler.bins(d.bins(j), true);
            LevelSampler def = LevelSampler.bins(d.bins(j), false);
            for (int pos = 0; pos < ref.size(); pos++) {
                JsonNode gb = golden.get(j).get("bins").get(ref.level(pos));
                BinStats b = d.bins(j).get(ref.level(pos));
                if (gb.get("minz_equals_maxz").asBoolean()) {
                    assertThat(ref.value(pos, rng)).isEqualTo(gb.get("value_lime_feeds_to_model_when_sampled").asDouble());
                    assertThat(def.value(pos, rng)).isEqualTo(b.min());
                } else {
                    for (int r = 0; r < 20; r++) {
                        assertThat(def.value(pos, rng)).isBetween(b.min(), b.max());
                    }
                }
            }
        }
        // f0's bottom bin "f0 <= 1": the reference feeds 0, Candor 1
        LevelSampler f0 = LevelSampler.bins(d.bins(0), true);
        assertThat(f0.value(0, rng)).isEqualTo(0.0);
        assertThat(LevelSampler.bins(d.bins(0), false).value(0, rng)).isEqualTo(1.0);
    }
}
