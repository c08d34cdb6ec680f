package dev.candor.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import dev.candor.monitor.UndefinedReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Monitoring the golden Bank log against a saved profile of its reference rows (0..9999): every
 * count-based drift value of every categorical feature in every window equals the run against the
 * raw reference, and what a profile cannot give is reported, not dropped.
 */
class ProfileMonitorTest {

    /** Profiles rows 0..9999 as {@code candor profile} does: Sturges bins over each numeric column's values. */
    static DatasetProfile referenceProfile(boolean withScore) {
        List<WindowRow> rows = BankMonitoring.rows().subList(0, 10000);
        List<FeatureProfile> out = new ArrayList<>();
        for (int j = 0; j < BankMonitoring.NUMERIC.size(); j++) {
            int col = j;
            double[] v = rows.stream().mapToDouble(r -> r.numeric()[col]).toArray();
            FeatureProfile p = FeatureProfile.numeric(BankMonitoring.NUMERIC.get(j), ReferenceBins.sturges(v));
            for (double x : v) {
                p = p.add(x);
            }
            out.add(p);
        }
        for (int j = 0; j < BankMonitoring.CATEGORICAL.size(); j++) {
            FeatureProfile p = FeatureProfile.categorical(BankMonitoring.CATEGORICAL.get(j));
            for (WindowRow r : rows) {
                p = p.add(r.categorical()[j]);
            }
            out.add(p);
        }
        if (withScore) {
            double[] s = rows.stream().mapToDouble(WindowRow::score).toArray();
            FeatureProfile p = FeatureProfile.numeric("score", ReferenceBins.sturges(s));
            for (double x : s) {
                p = p.add(x);
            }
            out.add(p);
        }
        return DatasetProfile.of(out);
    }

    @Test
    void countBasedDriftPerWindowEqualsTheRawReferenceRun() {
        MonitoringResult raw = Monitor.builder(BankMonitoring.reference()).privileged("age_group", "ge25")
                .bootstrap(0).build().run(BankMonitoring.current());
        MonitoringResult prof = Monitor.builder(referenceProfile(true), BankMonitoring.SCHEMA).score("score")
                .privileged("age_group", "ge25").bootstrap(0).build().run(BankMonitoring.current());
        assertThat(prof.windows()).hasSameSizeAs(raw.windows());
        assertThat(prof.referenceRows()).isEqualTo(10000);
        int compared = 0;
        for (int w = 0; w < raw.windows().size(); w++) {
            WindowResult a = raw.windows().get(w);
            WindowResult b = prof.windows().get(w);
            assertThat(b.window()).isEqualTo(a.window());
            for (String f : BankMonitoring.CATEGORICAL) {
                FeatureDrift x = a.drift().features().get(f);
                FeatureDrift y = b.drift().features().get(f);
                assertThat(y.defaultTest()).as(f).isEqualTo(x.defaultTest());
                for (DriftTest t : List.of(x.defaultTest(), DriftTest.CHISQUARE, DriftTest.JENSENSHANNON,
                        DriftTest.PSI)) {
                    DriftResult rx = x.tests().get(t);
                    DriftResult ry = y.tests().get(t);
                    String what = a.window().key() + " " + f + " " + t.key();
                    close(ry.statistic(), rx.statistic(), what);
                    close(ry.pValue(), rx.pValue(), what);
                    close(ry.value(), rx.value(), what);
                    assertThat(ry.drift()).as(what).isEqualTo(rx.drift());
                    compared++;
                }
                close(b.watched().get("drift.feature." + f), a.watched().get("drift.feature." + f), f);
            }
            for (String f : BankMonitoring.NUMERIC) {
                FeatureDrift y = b.drift().features().get(f);
                assertThat(y.tests().get(DriftTest.WASSERSTEIN).reason()).isEqualTo(UndefinedReason.NEEDS_RAW_VALUES);
                assertThat(y.tests().get(DriftTest.KS).warnings()).anyMatch(s -> s.contains("approximate"));
                assertThat(y.defaultTest()).isEqualTo(DriftTest.JENSENSHANNON);
            }
            // the labels, performance and fairness of a window need no reference
            assertThat(b.performance()).isEqualTo(a.performance());
            assertThat(b.fairness()).isEqualTo(a.fairness());
            assertThat(b.predictionDrift()).isNotNull();
            assertThat(b.cbpe()).isNull();
            assertThat(b.labelDrift()).isNull();
            assertThat(b.watched()).containsKeys("drift_share", "prediction_drift", "accuracy");
            assertThat(b.histograms().get("job").reference()).containsExactly(a.histograms().get("job").reference());
        }
        assertThat(compared).isEqualTo(raw.windows().size() * BankMonitoring.CATEGORICAL.size() * 4);
        assertThat(prof.provenance().parameters()).containsKeys("unavailable.cbpe", "unavailable.label_drift",
                "unavailable.reference_chunks", "unavailable.reference_band", "reference");
        assertThat(prof.thresholds()).containsOnlyKeys("drift_share");
        assertThat(prof.referenceChunks()).isEmpty();
    }

    @Test
    void withoutTheScoreColumnPredictionDriftIsReportedUnavailable() {
        MonitorReference ref = Monitor.builder(referenceProfile(false), BankMonitoring.SCHEMA).score("score")
                .bootstrap(0).build().reference();
        assertThat(ref.unavailable().get("prediction_drift")).contains("no numeric column 'score'");
        WindowProfile w = new WindowProfile(BankMonitoring.SCHEMA);
        BankMonitoring.rows().subList(10000, 15000).forEach(w::add);
        WindowResult r = w.evaluate(ref);
        assertThat(r.predictionDrift()).isNull();
        assertThat(r.watched()).doesNotContainKey("prediction_drift");
    }

    @Test
    void aProfileOfAnotherSchemaIsRefusedNamingBothFingerprints() {
        DatasetProfile p = referenceProfile(false);
        WindowSchema other = new WindowSchema(List.of("age", "income"), List.of("job"), List.of());
        assertThatThrownBy(() -> Monitor.builder(p, other).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(p.schemaFingerprint().hash())
                .hasMessageContaining("feature 'income' is not in the profile")
                .hasMessageMatching("(?s).*fingerprint [0-9a-f]+, features.*fingerprint [0-9a-f]+, numeric.*");
        WindowSchema kind = new WindowSchema(List.of("job"), List.of(), List.of());
        assertThatThrownBy(() -> Monitor.builder(p, kind).build())
                .hasMessageContaining("feature 'job' is categorical in the profile, numeric here");
    }

    private static void close(double actual, double expected, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-12));
        }
    }
}
