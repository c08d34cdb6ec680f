package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.Models;
import dev.candor.explain.MultiOutputModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Determinism, batching, groups, multi-output models, cost and bad input. */
class KernelShapBehaviourTest {

    private final GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
    private final Background bg = Background.of(GoldenGerman.csv("german_background.csv", 24));
    private final double[][] rows = GoldenGerman.csv("german_explain_rows.csv", 24);

    private KernelShap.Builder shap() {
        return KernelShap.builder(model, bg).nsamples(300).seed(11L);
    }

    @Test
    void sameSeedGivesIdenticalValuesForAnyThreadCountAndRowOrder() {
        double[][] one = shap().threads(1).build().explainAll(rows).values();
        double[][] two = shap().threads(2).build().explainAll(rows).values();
        double[][] eight = shap().threads(8).build().explainAll(rows).values();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        double[][] pooled;
        try {
            pooled = shap().threads(5).executor(pool).build().explainAll(rows).values();
        } finally {
            pool.shutdown();
        }
        KernelShap single = shap().build();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(5));
        double[][] shuffled = new double[rows.length][];
        for (int i : order) {
            shuffled[i] = single.explain(rows[i], i).values();
        }
        for (int i = 0; i < rows.length; i++) {
            assertThat(two[i]).containsExactly(one[i]);
            assertThat(eight[i]).containsExactly(one[i]);
            assertThat(pooled[i]).containsExactly(one[i]);
            assertThat(shuffled[i]).containsExactly(one[i]);
        }
        // a different seed gives different (sampled) values
        assertThat(KernelShap.builder(model, bg).nsamples(300).seed(12L).threads(1).build().explain(rows[0], 0).values())
                .isNotEqualTo(one[0]);
    }

    @Test
    void batchSizeDoesNotChangeTheValuesAndModelIsCalledInFewBatches() {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong maxBatch = new AtomicLong();
        Model counting = r -> {
            calls.incrementAndGet();
            maxBatch.accumulateAndGet(r.length, Math::max);
            return model.predict(r);
        };
        KernelShap big = KernelShap.builder(counting, bg).nsamples(2048).threads(1).maxBatchRows(1 << 20)
                .deduplicateRows(false).build();
        calls.set(0);
        double[] a = big.explain(rows[3]).values();
        assertThat(calls.get()).isEqualTo(1); // 2048 x 50 coalition rows + x in one call
        assertThat(maxBatch.get()).isEqualTo(2048L * 50 + 1);
        KernelShap small = KernelShap.builder(counting, bg).nsamples(2048).threads(1).maxBatchRows(5000)
                .deduplicateRows(false).build();
        calls.set(0);
        maxBatch.set(0);
        double[] b = small.explain(rows[3]).values();
        assertThat(maxBatch.get()).isLessThanOrEqualTo(5001);
        assertThat(calls.get()).isEqualTo((2048 + 99) / 100);
        assertThat(b).containsExactly(a);
        KernelShap distinct = KernelShap.builder(counting, bg).nsamples(2048).threads(1).maxBatchRows(1 << 20).build();
        calls.set(0);
        assertThat(distinct.explain(rows[3]).values()).containsExactly(a);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void distinctRowEvaluationGivesBitIdenticalValuesFromFewerModelRows() {
        AtomicLong modelRows = new AtomicLong();
        Model counting = r -> {
            modelRows.addAndGet(r.length);
            return model.predict(r);
        };
        for (int nsamples : new int[] {64, 512, 2048}) {
            KernelShap plain = KernelShap.builder(counting, bg).nsamples(nsamples).seed(4).threads(1)
                    .deduplicateRows(false).build();
            KernelShap distinct = KernelShap.builder(counting, bg).nsamples(nsamples).seed(4).threads(1)
                    .maxBatchRows(7777).build();
            for (int i = 0; i < rows.length; i++) {
                modelRows.set(0);
                ShapExplanation a = plain.explain(rows[i], i);
                long plainRows = modelRows.getAndSet(0);
                ShapExplanation b = distinct.explain(rows[i], i);
                long distinctRows = modelRows.get();
                assertThat(b.values()).containsExactly(a.values());
                assertThat(b.baseValue()).isEqualTo(a.baseValue());
                assertThat(b.prediction()).isEqualTo(a.prediction());
                assertThat(plainRows).isEqualTo((long) a.coalitions() * 50 + 1);
                assertThat(distinctRows).isLessThan(plainRows);
                assertThat(b.provenance().parameters()).containsEntry("modelRows", String.valueOf(distinctRows));
            }
        }
        // with groups too
        int[][] g6 = {{0, 1, 2}, {3, 4, 5, 6, 7, 8, 9, 10, 11}, {12}, {13, 14}, {15, 16, 17, 18}, {19, 20, 21, 22, 23}};
        FeatureGroups six = FeatureGroups.of(24, g6, null);
        assertThat(KernelShap.builder(model, bg).groups(six).nsamples(40).threads(1).build().explain(rows[5]).values())
                .containsExactly(KernelShap.builder(model, bg).groups(six).nsamples(40).threads(1).deduplicateRows(false)
                        .build().explain(rows[5]).values());
    }

    @Test
    void progressReachesTheTotalAndProvenanceRecordsTheSeed() {
        AtomicLong last = new AtomicLong();
        AtomicInteger count = new AtomicInteger();
        ShapExplanations all = shap().threads(2).progress((done, total) -> {
            assertThat(total).isEqualTo(10);
            count.incrementAndGet();
            last.accumulateAndGet(done, Math::max);
        }).build().explainAll(rows);
        assertThat(count.get()).isEqualTo(10);
        assertThat(last.get()).isEqualTo(10);
        assertThat(all.provenance().seed()).isEqualTo(11L);
        assertThat(all.provenance().algorithm()).isEqualTo("KernelShap");
        assertThat(all.provenance().parameters()).containsEntry("nsamples", "300");
        assertThat(all.provenance().input().rows()).isEqualTo(10);
        assertThat(all.get(0).provenance().parameters()).containsEntry("rowIndex", "0");
        AtomicInteger perCall = new AtomicInteger();
        ShapExplanations again = shap().threads(2).build().explainAll(rows, (done, total) -> perCall.incrementAndGet());
        assertThat(perCall.get()).isEqualTo(10);
        assertThat(again.values()).isDeepEqualTo(all.values());
        GlobalImportance gi = all.globalImportance();
        assertThat(gi.rows()).isEqualTo(10);
        assertThat(gi.names()).hasSize(24);
        double mean0 = 0;
        for (int i = 0; i < 10; i++) {
            mean0 += Math.abs(all.get(i).value(0)) / 10;
        }
        assertThat(gi.meanAbs()[0]).isCloseTo(mean0, within(1e-15));
        String[] labels = new String[10];
        for (int i = 0; i < 10; i++) {
            labels[i] = rows[i][8] > 2 ? "older" : "younger";
        }
        assertThat(all.globalImportanceByGroup(labels).values().stream().mapToInt(GlobalImportance::rows).sum())
                .isEqualTo(10);
    }

    @Test
    void costEstimateCountsBackgroundTimesCoalitionsTimesRows() {
        KernelShap s = KernelShap.builder(model, bg).build();
        CostEstimate c = s.estimateCost(100);
        assertThat(c.coalitions()).isEqualTo(2 * 24 + 2048);
        assertThat(c.modelRows()).isEqualTo(100L * ((2 * 24 + 2048) * 50L + 1));
        assertThat(KernelShap.builder(model, bg).nsamples(1 << 30).build().budget(10)).isEqualTo(1022);
    }

    @Test
    void explainAllWarnsWhenTheCostExceedsTheThreshold() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(KernelShap.class.getName());
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                messages.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        try {
            KernelShap.builder(model, bg).nsamples(100).threads(1).costWarningRows(10_000).build()
                    .explainAll(Arrays.copyOf(rows, 2));
            assertThat(messages).anyMatch(m -> m.contains("10,002 model rows (2 instances x (100 coalitions x 50 "
                    + "background rows + 1))"));
            messages.clear();
            KernelShap.builder(model, bg).nsamples(100).threads(1).build().explainAll(Arrays.copyOf(rows, 2));
            assertThat(messages).noneMatch(m -> m.contains("model rows"));
        } finally {
            jul.removeHandler(h);
        }
    }

    @Test
    void groupsActAsSinglePlayers() {
        // columns {0,1,2} as one player, the rest singletons: a linear model gives the block's summed
        // w_j (x_j - mean_j); with the logistic model, exhaustive KernelShap equals ExactShap.
        int[][] g = new int[22][];
        g[0] = new int[] {0, 1, 2};
        for (int j = 3; j < 24; j++) {
            g[j - 2] = new int[] {j};
        }
        FeatureGroups groups = FeatureGroups.of(24, g, null);
        double[] w = new double[24];
        for (int j = 0; j < 24; j++) {
            w[j] = j - 11.5;
        }
        Model linear = r -> Arrays.stream(r).mapToDouble(x -> {
            double s = 0;
            for (int j = 0; j < 24; j++) {
                s += w[j] * x[j];
            }
            return s;
        }).toArray();
        double[][] b = bg.rows();
        ShapExplanation e = KernelShap.builder(linear, bg).groups(groups).threads(1).build().explain(rows[0]);
        assertThat(e.size()).isEqualTo(22);
        double block = 0;
        for (int j = 0; j < 3; j++) {
            final int jj = j;
            double mean = Arrays.stream(b).mapToDouble(z -> z[jj]).average().orElseThrow();
            block += w[j] * (rows[0][j] - mean);
        }
        assertThat(e.value(0)).isCloseTo(block, within(1e-9));

        int[][] g6 = {{0, 1, 2}, {3, 4, 5, 6, 7, 8, 9, 10, 11}, {12}, {13, 14}, {15, 16, 17, 18}, {19, 20, 21, 22, 23}};
        FeatureGroups six = FeatureGroups.of(24, g6, new String[] {"a", "b", "c", "d", "e", "f"});
        ShapExplanation k = KernelShap.builder(model, bg).groups(six).threads(1).build().explain(rows[1]);
        ShapExplanation x = ExactShap.builder(model, bg).groups(six).build().explain(rows[1]);
        assertThat(k.exact()).isTrue();
        assertThat(k.values()).containsExactly(x.values(), within(1e-12));
    }

    @Test
    void multiOutputModelExplainsEveryOutputFromOneSetOfCalls() {
        MultiOutputModel twoClass = new MultiOutputModel() {
            @Override
            public double[][] predict(double[][] r) {
                double[] p = model.predict(r);
                double[][] out = new double[r.length][];
                for (int i = 0; i < r.length; i++) {
                    out[i] = new double[] {1 - p[i], p[i]};
                }
                return out;
            }

            @Override
            public int outputs() {
                return 2;
            }
        };
        KernelShap both = KernelShap.builder(twoClass, bg).nsamples(400).seed(3).threads(1).build();
        List<ShapExplanation> e = both.explainOutputs(rows[2], 2);
        ShapExplanation p1 = KernelShap.builder(Models.output(twoClass, 1), bg).nsamples(400).seed(3).threads(1)
                .build().explain(rows[2], 2);
        ShapExplanation direct = KernelShap.builder(model, bg).nsamples(400).seed(3).threads(1).build()
                .explain(rows[2], 2);
        assertThat(e).hasSize(2);
        assertThat(e.get(1).values()).containsExactly(p1.values());
        assertThat(e.get(1).values()).containsExactly(direct.values());
        for (int j = 0; j < 24; j++) {
            assertThat(e.get(0).value(j)).isCloseTo(-e.get(1).value(j), within(1e-12));
        }
        List<ShapExplanations> all = both.explainAllOutputs(rows);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).get(2).values()).containsExactly(direct.values());
    }

    @Test
    void logitLinkAddsUpInLogOdds() {
        ShapExplanation e = KernelShap.builder(model, bg).link(Link.LOGIT).threads(1).build().explain(rows[4]);
        assertThat(e.modelPrediction()).isCloseTo(model.p(rows[4]), within(1e-15));
        assertThat(e.prediction()).isCloseTo(Math.log(model.p(rows[4]) / (1 - model.p(rows[4]))), within(1e-12));
        assertThat(e.efficiencyResidual()).isCloseTo(0, within(1e-12));
    }

    @Test
    void featureEqualToEveryBackgroundValueGetsZeroAndIsSkipped() {
        double[][] b = bg.rows();
        for (double[] z : b) {
            z[5] = 2;
        }
        double[] x = rows[0].clone();
        x[5] = 2;
        ShapExplanation e = KernelShap.builder(model, Background.of(b)).nsamples(500).threads(1).build().explain(x);
        assertThat(e.value(5)).isZero();
        assertThat(e.provenance().parameters()).containsEntry("varyingPlayers", "23");
        assertThat(e.efficiencyResidual()).isCloseTo(0, within(1e-12));
    }

    @Test
    void badInputGetsClearErrors() {
        KernelShap s = shap().threads(1).build();
        assertThatThrownBy(() -> s.explain(new double[23])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("23 columns").hasMessageContaining("24");
        double[] nan = rows[0].clone();
        nan[7] = Double.NaN;
        assertThatThrownBy(() -> s.explain(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 7").hasMessageContaining("NaN");
        double[][] withNan = {rows[0], rows[1], nan};
        assertThatThrownBy(() -> s.explainAll(withNan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows row 2, column 7");
        double[][] b = bg.rows();
        b[4][3] = Double.NaN;
        assertThatThrownBy(() -> Background.of(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("background row 4, column 3 is NaN");
        assertThatThrownBy(() -> Background.of(new double[][] {{1, 2}, {1}}))
                .hasMessageContaining("background row 1 has 1 columns, expected 2");
        Model wrongCount = r -> new double[r.length + 1];
        assertThatThrownBy(() -> KernelShap.builder(wrongCount, bg).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("51 values for a batch of 50 rows");
        Model nanModel = r -> Arrays.stream(r).mapToDouble(x -> x[1] == rows[0][1] && x[3] == rows[0][3] && x[9] == rows[0][9]
                ? Double.NaN
                : 0.5).toArray();
        KernelShap nanShap = KernelShap.builder(nanModel, bg).threads(1).build();
        assertThatThrownBy(() -> nanShap.explain(rows[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model returned NaN for coalition");
        assertThatThrownBy(() -> KernelShap.builder(model, bg).nsamples(20).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nsamples = 20 is too small for 24 players");
        assertThatThrownBy(() -> KernelShap.builder(model, bg).nsamples(1)).hasMessageContaining("nsamples must be >= 2");
        assertThatThrownBy(() -> FeatureGroups.of(3, new int[][] {{0, 1}, {1, 2}}, null))
                .hasMessageContaining("column 1 is in group 0 and in group 1");
        assertThatThrownBy(() -> FeatureGroups.of(3, new int[][] {{0}, {2}}, null))
                .hasMessageContaining("column 1 is in no group");
        assertThatThrownBy(() -> KernelShap.builder(model, bg).groups(FeatureGroups.singletons(10)).build())
                .hasMessageContaining("groups cover 10 columns but the background has 24");
        Model certain = r -> new double[r.length];
        assertThatThrownBy(() -> KernelShap.builder(certain, bg).link(Link.LOGIT).build())
                .hasMessageContaining("logit link needs model outputs strictly between 0 and 1");
        assertThatThrownBy(() -> ExactShap.builder(model, bg).build().explain(rows[0]))
                .hasMessageContaining("24 players vary, above the exact enumeration limit of 20");
        assertThatThrownBy(() -> Background.weighted(bg.rows(), new double[3])).hasMessageContaining("50 rows, 3 weights");
    }
}
