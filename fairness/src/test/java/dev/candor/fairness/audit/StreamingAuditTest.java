package dev.candor.fairness.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.GroupScores;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rows added one by one give the in-memory {@link Audit}'s result: counts, metrics, indices and
 * intervals to the last bit (groups renumbered from first-appearance codes to sorted order); with
 * more distinct scores than the compressed sample holds, ROC AUC moves by no more than the bound
 * reported, and log loss stays exact.
 */
class StreamingAuditTest {

    private static final String[] SEX = {"m", "f"};
    private static final String[] RACE = {"w", "b", "a", "o"};

    /** Rows, with group codes in first-appearance order (as a CSV reader's dictionary gives them). */
    private record Rows(int[] y, int[] p, double[] s, double[] w, String[] sex, String[] race) {
    }

    private static Rows rows(int n, long seed, boolean fewScores) {
        SplittableRandom r = new SplittableRandom(seed);
        Rows x = new Rows(new int[n], new int[n], new double[n], new double[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            int sx = r.nextInt(2);
            int rc = r.nextDouble() < 0.6 ? 0 : 1 + r.nextInt(3);
            x.sex[i] = SEX[sx];
            x.race[i] = RACE[rc];
            x.y[i] = r.nextDouble() < 0.3 + 0.1 * sx ? 1 : 0;
            double s = Math.min(1, 0.3 * x.y[i] + 0.05 * rc + 0.6 * r.nextDouble());
            x.s[i] = fewScores ? Math.round(s * 100) / 100.0 : s;
            x.p[i] = x.s[i] > 0.5 ? 1 : 0;
            x.w[i] = 0.5 + r.nextInt(4) * 0.25;
        }
        return x;
    }

    private static StreamingAudit stream(Rows x, boolean weighted, StreamingAudit.Builder b, List<List<String>> values) {
        StreamingAudit s = b.weighted(weighted).scores(true).build();
        List<String> sexSeen = new ArrayList<>();
        List<String> raceSeen = new ArrayList<>();
        int[] codes = new int[2];
        for (int i = 0; i < x.y.length; i++) {
            codes[0] = code(sexSeen, x.sex[i]);
            codes[1] = code(raceSeen, x.race[i]);
            s.add(x.y[i], x.p[i], weighted ? x.w[i] : 1.0, x.s[i], codes);
        }
        values.add(sexSeen);
        values.add(raceSeen);
        return s;
    }

    private static int code(List<String> seen, String v) {
        int c = seen.indexOf(v);
        if (c < 0) {
            seen.add(v);
            c = seen.size() - 1;
        }
        return c;
    }

    @Test
    void equalsTheInMemoryAuditToTheLastBitWithIntervals() {
        Rows x = rows(30_000, 1, true);
        Bootstrap boot = Bootstrap.builder().resamples(200).seed(9).build();
        AuditResult memory = Audit.builder(x.y, x.p).attribute("sex", x.sex, "m").attribute("race", x.race, null)
                .intersection("sex", "race").scores(x.s).intervals(boot).build().run();
        List<List<String>> values = new ArrayList<>();
        StreamingAudit s = stream(x, false, StreamingAudit.builder(List.of("sex", "race")).intersectional(true)
                .privileged("sex", "m").intervals(boot), values);
        AuditResult streamed = s.result(values);
        assertThat(s.scoreBits()).isEqualTo(53);
        assertThat(streamed.rows()).isEqualTo(30_000);
        assertThat(streamed.overall()).isEqualTo(memory.overall());
        assertThat(streamed.individual()).isEqualTo(memory.individual());
        assertThat(streamed.overallScores()).isEqualTo(memory.overallScores());
        assertThat(streamed.individualBootstrap().intervals()).isEqualTo(memory.individualBootstrap().intervals());
        for (int a = 0; a < 3; a++) {
            AttributeAudit m = memory.attributes().get(a);
            AttributeAudit t = streamed.attributes().get(a);
            assertThat(t.name()).isEqualTo(m.name());
            assertThat(t.metrics().counts()).isEqualTo(m.metrics().counts());
            assertThat(t.metrics().metrics().toString()).isEqualTo(m.metrics().metrics().toString());
            assertThat(t.scores()).isEqualTo(m.scores());
            assertThat(t.bootstrap().intervals()).isEqualTo(m.bootstrap().intervals());
            assertThat(t.significance().toString()).isEqualTo(m.significance().toString());
        }
        assertThat(streamed.attribute("sex&race").metrics().counts().groups())
                .containsExactly("f&a", "f&b", "f&o", "f&w", "m&a", "m&b", "m&o", "m&w");
    }

    @Test
    void weightedCountsAreSummedInRowOrderAsInMemory() {
        Rows x = rows(20_000, 2, true);
        AuditResult memory = Audit.builder(x.y, x.p).attribute("sex", x.sex, null).attribute("race", x.race, "w")
                .weights(x.w).scores(x.s).build().run();
        List<List<String>> values = new ArrayList<>();
        AuditResult streamed = stream(x, true, StreamingAudit.builder(List.of("sex", "race")).privileged("race", "w"),
                values).result(values);
        assertThat(streamed.weighted()).isTrue();
        for (int a = 0; a < 2; a++) {
            assertThat(streamed.attributes().get(a).metrics().counts())
                    .isEqualTo(memory.attributes().get(a).metrics().counts());
            GroupScores m = memory.attributes().get(a).scores();
            GroupScores t = streamed.attributes().get(a).scores();
            assertThat(t.logLoss()).isEqualTo(m.logLoss());
            for (int g = 0; g < m.groups().size(); g++) {
                assertThat(t.rocAuc().get(g).value()).isCloseTo(m.rocAuc().get(g).value(), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThatThrownBy(() -> stream(x, true, StreamingAudit.builder(List.of("sex", "race"))
                .intervals(Bootstrap.builder().build()), new ArrayList<>()).result(values))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in memory");
    }

    @Test
    void manyDistinctScoresAreRoundedWithinTheReportedAucBound() {
        Rows x = rows(200_000, 3, false);
        AuditResult memory = Audit.builder(x.y, x.p).attribute("sex", x.sex, null).attribute("race", x.race, null)
                .intersection("sex", "race").scores(x.s).build().run();
        List<List<String>> values = new ArrayList<>();
        StreamingAudit s = stream(x, false, StreamingAudit.builder(List.of("sex", "race")).intersectional(true), values);
        AuditResult streamed = s.result(values);
        assertThat(s.scoreBits()).isLessThan(53);
        double bound = s.rocAucErrorBound(values);
        assertThat(bound).isPositive().isLessThan(1e-3);
        assertThat(streamed.provenance().parameters()).containsEntry("score_significant_bits", String.valueOf(s.scoreBits()));
        double worst = 0;
        for (int a = 0; a < 3; a++) {
            GroupScores m = memory.attributes().get(a).scores();
            GroupScores t = streamed.attributes().get(a).scores();
            assertThat(t.logLoss()).isEqualTo(m.logLoss());
            assertThat(streamed.attributes().get(a).metrics().counts()).isEqualTo(memory.attributes().get(a).metrics().counts());
            for (int g = 0; g < m.groups().size(); g++) {
                worst = Math.max(worst, Math.abs(t.rocAuc().get(g).value() - m.rocAuc().get(g).value()));
            }
            worst = Math.max(worst, Math.abs(t.overallRocAuc().value() - m.overallRocAuc().value()));
        }
        assertThat(worst).isLessThanOrEqualTo(bound).isPositive();
    }
}
