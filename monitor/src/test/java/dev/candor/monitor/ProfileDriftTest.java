package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A profile stands in for the raw reference: every count-based test gives the same value as the raw
 * data binned the same way (run through the raw-sample code that reproduces the golden files), the
 * t-test agrees from moments, KS from sketches keeps its stated bound.
 */
class ProfileDriftTest {

    private static final List<DriftTest> BINNED = List.of(DriftTest.PSI, DriftTest.JENSENSHANNON, DriftTest.KL_DIV,
            DriftTest.HELLINGER, DriftTest.CHISQUARE, DriftTest.Z, DriftTest.CHI2_CONTINGENCY, DriftTest.G_TEST,
            DriftTest.FISHER_EXACT, DriftTest.TVD);

    private static double[] numbers(List<String[]> rows, String feature) {
        int c = AdultSamples.column(feature);
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }

    private static String[] labels(List<String[]> rows, String feature) {
        int c = AdultSamples.column(feature);
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    private static FeatureProfile profileOf(String feature, ReferenceBins bins, List<String[]> rows) {
        if (bins == null) {
            FeatureProfile p = FeatureProfile.categorical(feature);
            Arrays.stream(labels(rows, feature)).forEach(p::add);
            return p;
        }
        FeatureProfile p = FeatureProfile.numeric(feature, bins);
        Arrays.stream(numbers(rows, feature)).forEach(p::add);
        return p;
    }

    /** The raw values replaced by their reference-bin slot, as labels that sort in slot order. */
    private static String[] slotLabels(ReferenceBins bins, double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%03d", bins.slot(x))).toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drift", "small_equal_n", "identical"})
    void countBasedTestsFromTheProfileEqualTheRawReferenceBinnedAlike(String scenario) {
        List<List<String[]>> s = AdultSamples.scenario(scenario);
        List<String[]> ref = s.get(0);
        List<String[]> cur = s.get(1);
        // TVD's 1000 permutations of 45,000 rows per feature take long; the small scenarios cover it
        List<DriftTest> tests = ref.size() > 1000 ? BINNED.subList(0, BINNED.size() - 1) : BINNED;
        for (String f : AdultSamples.CATEGORICAL) {
            DatasetProfile rp = DatasetProfile.of(List.of(profileOf(f, null, ref)));
            DriftReport r = DriftAnalysis.againstProfile(rp).tests(EnumSet.copyOf(tests)).build()
                    .compare(DatasetProfile.of(List.of(profileOf(f, null, cur))));
            // the raw rows grouped by category, so that TVD's permutation stream sees the same order
            String[] rawRef = labels(ref, f);
            String[] rawCur = labels(cur, f);
            Arrays.sort(rawRef);
            Arrays.sort(rawCur);
            FeatureSamples raw = FeatureSamples.categorical(f, rawRef, rawCur);
            FeatureDrift fd = r.features().get(f);
            assertThat(fd.defaultTest()).isEqualTo(DefaultTests.of(raw));
            for (DriftTest t : tests) {
                assertSame(f + " " + t, fd.tests().get(t), t.test(raw));
            }
        }
        for (String f : AdultSamples.NUMERIC) {
            ReferenceBins bins = ReferenceBins.sturges(numbers(ref, f));
            DatasetProfile rp = DatasetProfile.of(List.of(profileOf(f, bins, ref)));
            DriftReport r = DriftAnalysis.againstProfile(rp).tests(EnumSet.copyOf(tests)).build()
                    .compare(DatasetProfile.of(List.of(profileOf(f, bins, cur))));
            String[] rawRef = slotLabels(bins, numbers(ref, f));
            String[] rawCur = slotLabels(bins, numbers(cur, f));
            Arrays.sort(rawRef);
            Arrays.sort(rawCur);
            FeatureSamples raw = FeatureSamples.categorical(f, rawRef, rawCur);
            FeatureDrift fd = r.features().get(f);
            assertThat(fd.defaultTest()).isEqualTo(DriftTest.JENSENSHANNON);
            for (DriftTest t : tests) {
                assertSame(f + " " + t, fd.tests().get(t), t.test(raw));
            }
        }
    }

    private static void assertSame(String what, DriftResult fromProfile, DriftResult fromRaw) {
        assertThat(fromProfile.undefined()).as(what).isEqualTo(fromRaw.undefined());
        assertThat((Double) fromProfile.statistic()).as(what).isEqualTo((Double) fromRaw.statistic());
        assertThat((Double) fromProfile.value()).as(what).isEqualTo((Double) fromRaw.value());
        assertThat(fromProfile.drift()).as(what).isEqualTo(fromRaw.drift());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_drift", "drift", "small"})
    void tTestsFromWelfordMomentsEqualTheRawTests(String scenario) {
        List<List<String[]>> s = AdultSamples.scenario(scenario);
        for (String f : AdultSamples.NUMERIC) {
            ReferenceBins bins = ReferenceBins.sturges(numbers(s.get(0), f));
            DriftReport r = DriftAnalysis.againstProfile(DatasetProfile.of(List.of(profileOf(f, bins, s.get(0)))))
                    .tests(EnumSet.of(DriftTest.T_TEST, DriftTest.WELCH_T_TEST)).build()
                    .compare(DatasetProfile.of(List.of(profileOf(f, bins, s.get(1)))));
            FeatureSamples raw = AdultSamples.samples(f, s.get(0), s.get(1));
            for (DriftTest t : List.of(DriftTest.T_TEST, DriftTest.WELCH_T_TEST)) {
                DriftResult p = r.features().get(f).tests().get(t);
                DriftResult q = t.test(raw);
                assertThat(p.statistic()).as(f).isCloseTo(q.statistic(), within(1e-10 * Math.abs(q.statistic())));
                assertThat(p.pValue()).as(f).isCloseTo(q.pValue(), within(Math.max(1e-15, 1e-9 * q.pValue())));
            }
        }
    }

    @Test
    void ksFromSketchesThatHoldEveryValueIsScipysKs() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = new double[150];
        double[] b = new double[120];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.rint(rnd.nextGaussian() * 10);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.rint(rnd.nextGaussian() * 10 + 3);
        }
        ReferenceBins bins = ReferenceBins.sturges(a);
        FeatureProfile pa = FeatureProfile.numeric("x", bins);
        FeatureProfile pb = FeatureProfile.numeric("x", bins);
        Arrays.stream(a).forEach(pa::add);
        Arrays.stream(b).forEach(pb::add);
        assertThat(pa.rankError()).isZero();
        DriftResult fromSketch = ProfileDrift.ksFromSketches(pa, pb, 0.05);
        DriftResult raw = DriftTest.KS.test(FeatureSamples.numeric("x", a, b));
        assertThat(fromSketch.statistic()).isEqualTo(raw.statistic());
        assertThat(fromSketch.pValue()).isEqualTo(raw.pValue());
        assertThat(fromSketch.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_drift", "drift"})
    void ksFromLargeSketchesStaysWithinTheStatedRankErrorBound(String scenario) {
        List<List<String[]>> s = AdultSamples.scenario(scenario);
        for (String f : AdultSamples.NUMERIC) {
            ReferenceBins bins = ReferenceBins.sturges(numbers(s.get(0), f));
            FeatureProfile r = profileOf(f, bins, s.get(0));
            FeatureProfile c = profileOf(f, bins, s.get(1));
            DriftResult approx = ProfileDrift.ksFromSketches(r, c, 0.05);
            double exactD = DriftTest.KS.test(AdultSamples.samples(f, s.get(0), s.get(1))).statistic();
            double eps = r.rankError() + c.rankError();
            assertThat(eps).isPositive();
            assertThat(Math.abs(approx.statistic() - exactD)).as(f).isLessThanOrEqualTo(eps);
            assertThat(approx.warnings()).singleElement().asString().startsWith("approximate, from sketch, |ΔD| ≤ ");
        }
    }

    @Test
    void testsThatNeedEveryValueAreUndefinedWithTheReason() {
        List<List<String[]>> s = AdultSamples.scenario("small");
        ReferenceBins bins = ReferenceBins.sturges(numbers(s.get(0), "age"));
        DriftReport r = DriftAnalysis.againstProfile(DatasetProfile.of(List.of(profileOf("age", bins, s.get(0)))))
                .allTests().build().compare(DatasetProfile.of(List.of(profileOf("age", bins, s.get(1)))));
        FeatureDrift age = r.features().get("age");
        for (DriftTest t : List.of(DriftTest.WASSERSTEIN, DriftTest.ED, DriftTest.ANDERSON, DriftTest.CRAMER_VON_MISES,
                DriftTest.MANNW, DriftTest.ES)) {
            assertThat(age.tests().get(t).undefined()).as(t.key()).contains(UndefinedReason.NEEDS_RAW_VALUES);
        }
        assertThat(age.tests().get(DriftTest.PSI).defined()).isTrue();
        assertThat(r.referenceRows()).isEqualTo(500);
        assertThat(r.currentRows()).isEqualTo(300);
    }

    @Test
    void aProfileOfAnotherSchemaIsRefusedByItsFingerprint() {
        DatasetProfile ref = DatasetProfile.of(List.of(FeatureProfile.numeric("x", ReferenceBins.ofEdges(new double[] {0, 1, 2})),
                FeatureProfile.categorical("c")));
        DatasetProfile otherBins = DatasetProfile.of(List.of(
                FeatureProfile.numeric("x", ReferenceBins.ofEdges(new double[] {0, 1, 3})), FeatureProfile.categorical("c")));
        DatasetProfile otherFeatures = DatasetProfile.of(List.of(FeatureProfile.categorical("c")));
        ProfileDrift d = DriftAnalysis.againstProfile(ref).build();
        assertThatThrownBy(() -> d.compare(otherBins)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fingerprint " + ref.schemaFingerprint().hash())
                .hasMessageContaining("feature 'x' has another kind or other bins");
        assertThatThrownBy(() -> d.compare(otherFeatures)).hasMessageContaining("features [x, c] vs [c]");
        assertThat(d.emptyCurrent().schemaFingerprint()).isEqualTo(ref.schemaFingerprint());
    }
}
