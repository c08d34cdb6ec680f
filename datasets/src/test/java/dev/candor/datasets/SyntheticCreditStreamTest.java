package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stated properties of the drifting log, measured on the default log (20,000 rows, seed 12345). */
class SyntheticCreditStreamTest {

    private static SyntheticCreditStream log;
    private static Dataset d;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        log = SyntheticCreditStream.generate();
        d = log.dataset();
    }

    @Test
    void timeAdvancesOneStepPerRowAndTheReferencePeriodDoesNotDrift() {
        assertThat(log.rows()).isEqualTo(20_000);
        Instant[] t = log.timestamps();
        assertThat(t[0]).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(t[1]).isEqualTo(Instant.parse("2025-01-01T00:10:00Z"));
        assertThat(t[19_999]).isEqualTo(Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofMinutes(10 * 19_999L)));
        // d_i = max(0, (i/19999 - 0.25) / 0.75) is 0 up to i = floor(0.25 * 19999) = 4999.
        assertThat(log.referenceRows()).isEqualTo(5_000);
        assertThat(log.drift(4_999)).isZero();
        assertThat(log.drift(5_000)).isPositive();
        assertThat(log.drift(19_999)).isEqualTo(1.0);
        assertThat(log.gapRow()).isEqualTo(10_000);
    }

    @Test
    void incomeAndCreditDriftByTheStatedLogShiftsAndTheOtherFeaturesDoNot() {
        int ref = log.referenceRows();
        int last = 18_000; // the last 10% of the log
        double meanD = 0;
        for (int i = last; i < 20_000; i++) {
            meanD += log.drift(i) / 2_000;
        }
        // E[ln income] = ln 45 + 0.4 d and E[ln credit] = ln 8 + 0.3 d (rounding to 0.1 aside); the shift of
        // the mean between the reference and the last 10% is 0.4 * mean(d) = 0.3733 and 0.3 * mean(d) = 0.2800.
        assertThat(meanD).isCloseTo(0.9333, org.assertj.core.data.Offset.offset(1e-3));
        assertShift(logs(d.column("income")), ref, last, 0.4 * meanD);
        assertShift(logs(d.column("credit_amount")), ref, last, 0.3 * meanD);
        assertShift(d.column("age"), ref, last, 0);
        assertShift(d.column("duration"), ref, last, 0);
        assertShift(d.column("existing_debt"), ref, last, 0);
        // And the reference level itself: E[ln income] = ln 45 = 3.8067 (the 0.1 floor and rounding move it little).
        assertThat(mean(logs(d.column("income")), 0, ref)).isCloseTo(Math.log(45), org.assertj.core.data.Offset.offset(
                4 * 0.5 / Math.sqrt(ref)));
    }

    /** The mean over [last, n) minus the mean over [0, ref) is {@code expected} within 4 standard errors. */
    private static void assertShift(double[] v, int ref, int last, double expected) {
        int n = v.length;
        double shift = mean(v, last, n) - mean(v, 0, ref);
        double se = Math.sqrt(variance(v, 0, ref) / ref + variance(v, last, n) / (n - last));
        assertThat(Math.abs(shift - expected)).as("shift %s, expected %s, standard error %s", shift, expected, se)
                .isLessThan(4 * se);
    }

    @Test
    void theModelScoreIsTheTrueProbabilityUntilTheGapOpensForFemaleApplicants() {
        double[] s = log.scores();
        int[] pred = log.predictions();
        double[][] x = d.x();
        ProtectedAttribute sex = d.protectedAttribute("sex");
        String firstMismatch = null;
        for (int i = 0; i < log.rows() && firstMismatch == null; i++) {
            double p = SyntheticCredit.sigmoid(SyntheticCredit.score(x[i]));
            boolean gapped = sex.value(i).equals("female") && i >= 10_000;
            double expected = gapped ? Math.max(0, p - 0.2) : p;
            if (s[i] != expected || pred[i] != (expected >= 0.5 ? 1 : 0)) {
                firstMismatch = "row " + i + ": score " + s[i] + " prediction " + pred[i] + ", expected score " + expected;
            }
        }
        assertThat(firstMismatch).isNull();
        // In the reference the score is calibrated: mean score = mean label within 4 standard errors.
        int ref = log.referenceRows();
        double[] y = new double[ref];
        for (int i = 0; i < ref; i++) {
            y[i] = d.labels()[i];
        }
        assertThat(Math.abs(mean(s, 0, ref) - mean(y, 0, ref))).isLessThan(4 * Math.sqrt(variance(y, 0, ref) / ref));
    }

    @Test
    void theSelectionRateGapOpensAtTheMidpoint() {
        int[] pred = log.predictions();
        ProtectedAttribute sex = d.protectedAttribute("sex");
        double[][] x = d.x();
        double[] before = selectionRates(pred, sex, 0, 10_000);
        double[] after = selectionRates(pred, sex, 10_000, 20_000);
        // Before: the same score rule for both groups, so male - female is sampling noise (SE about 0.009).
        double seBefore = Math.sqrt(before[0] * (1 - before[0]) / before[2] + before[1] * (1 - before[1]) / before[3]);
        assertThat(Math.abs(before[0] - before[1])).as("gap before").isLessThan(3 * seBefore);
        // After: female applicants are selected only when sigma(score) >= 0.7, so their rate is the share of them
        // with sigma >= 0.7, and the gap is at least the gap parameter's effect: measured 0.2512.
        int females = 0;
        int above = 0;
        for (int i = 10_000; i < 20_000; i++) {
            if (sex.value(i).equals("female")) {
                females++;
                above += SyntheticCredit.sigmoid(SyntheticCredit.score(x[i])) >= 0.7 ? 1 : 0;
            }
        }
        assertThat(after[1]).isEqualTo((double) above / females);
        assertThat(after[0] - after[1]).as("gap after").isGreaterThan(0.2).isLessThan(0.3);
        assertThat((after[0] - after[1]) - (before[0] - before[1])).isGreaterThan(0.2);
    }

    /** @return {male rate, female rate, male count, female count} over rows [from, to) */
    private static double[] selectionRates(int[] pred, ProtectedAttribute sex, int from, int to) {
        double[] c = new double[4];
        for (int i = from; i < to; i++) {
            int k = sex.value(i).equals("male") ? 0 : 1;
            c[k] += pred[i];
            c[k + 2]++;
        }
        return new double[] {c[0] / c[2], c[1] / c[3], c[2], c[3]};
    }

    @Test
    void labelsOfTheLastFourteenDaysAreNotKnownYet() {
        boolean[] known = log.labelKnown();
        // 14 days / 10 minutes = 2016 rows.
        int wrong = 0;
        for (int i = 0; i < known.length; i++) {
            wrong += known[i] == (i < 20_000 - 2_016) ? 0 : 1;
        }
        assertThat(wrong).isZero();
    }

    @Test
    void theCsvIsWhatAMonitorReadsAndRoundTrips() throws IOException {
        Path f = dir.resolve("log.csv");
        log.writeCsv(f);
        CsvTable t = CsvTable.read(f, ',');
        assertThat(t.header()).isEqualTo(SyntheticCreditStream.COLUMNS);
        assertThat(t.rows()).isEqualTo(20_000);
        double[] s = log.scores();
        int[] y = d.labels();
        int empty = 0;
        int wrong = 0;
        double[][] x = d.x();
        int ts = t.column("ts");
        int score = t.column("score");
        int income = t.column("income");
        int credit = t.column("credit");
        for (int i = 0; i < t.rows(); i++) {
            wrong += Instant.parse(t.value(i, ts)).equals(log.time(i)) ? 0 : 1;
            wrong += Double.parseDouble(t.value(i, score)) == s[i] ? 0 : 1;
            wrong += Double.parseDouble(t.value(i, income)) == x[i][1] ? 0 : 1;
            String label = t.value(i, credit);
            if (label.isEmpty()) {
                empty++;
            } else {
                wrong += Integer.parseInt(label) == y[i] ? 0 : 1;
            }
        }
        assertThat(wrong).isZero();
        assertThat(empty).isEqualTo(2_016);
        assertThat(t.value(0, t.column("age"))).isEqualTo("42");
        assertThat(t.value(0, t.column("housing"))).isEqualTo("rent");
        assertThat(Files.readString(f)).isEqualTo(log.toCsv());
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherLog() {
        String a = SyntheticCreditStream.builder().rows(500).seed(7).build().toCsv();
        assertThat(SyntheticCreditStream.builder().rows(500).seed(7).build().toCsv()).isEqualTo(a);
        assertThat(SyntheticCreditStream.builder().rows(500).seed(8).build().toCsv()).isNotEqualTo(a);
        // Without drift and gap, the features of row i are SyntheticCredit's row i for the same seed.
        SyntheticCreditStream flat = SyntheticCreditStream.builder().rows(300).incomeDrift(0).creditDrift(0).gap(0)
                .femaleShare(0.35).build();
        Dataset credit = SyntheticCredit.builder().rows(300).build().dataset();
        for (int i = 0; i < 300; i++) {
            assertThat(flat.dataset().x()[i]).as("row %d", i).containsExactly(credit.x()[i]);
        }
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> SyntheticCreditStream.builder().rows(1)).hasMessage("rows: must be >= 2, got 1");
        assertThatThrownBy(() -> SyntheticCreditStream.builder().referenceShare(1))
                .hasMessage("referenceShare: must be in [0.0, 1.0), got 1.0");
        assertThatThrownBy(() -> SyntheticCreditStream.builder().gap(1.5)).hasMessage("gap: must be in [0.0, 1.0], got 1.5");
        assertThatThrownBy(() -> SyntheticCreditStream.builder().step(Duration.ZERO)).hasMessageStartingWith("step:");
        assertThatThrownBy(() -> SyntheticCreditStream.builder().threshold(1)).hasMessageStartingWith("threshold:");
    }

    private static double[] logs(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    private static double variance(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return s / (to - from - 1);
    }
}
