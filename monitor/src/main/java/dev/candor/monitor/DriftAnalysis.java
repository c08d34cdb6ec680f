package dev.candor.monitor;

import dev.candor.core.Provenance;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares a current sample with a reference, feature by feature, with Evidently's default test
 * per feature and any further tests, then decides dataset drift and corrects for multiple testing.
 *
 * <pre>{@code
 * DriftReport r = DriftAnalysis.builder()
 *         .numeric("age", refAge, curAge)
 *         .categorical("sex", refSex, curSex)
 *         .tests(EnumSet.of(DriftTest.KS, DriftTest.PSI))   // besides each feature's default
 *         .build()
 *         .run();
 * r.dataset().datasetDrift();
 * r.features().get("age").defaultResult().value();
 * }</pre>
 *
 * <p>Features are analysed in parallel, each on one thread from preparation (sorting its columns
 * once) to its last test; {@link Builder#threads(int)} sets how many threads (default: the available
 * processors). Each feature's computation is the same whatever thread runs it, so results do not
 * depend on the thread count. Instances are immutable.
 *
 * @since 0.1.0
 */
public final class DriftAnalysis {

    /** The default number of threads: the processors available to the JVM. */
    public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    private final List<FeatureSamples> features;
    private final Set<DriftTest> tests;
    private final boolean allApplicable;
    private final Map<String, DriftTest> overrides;
    private final double driftShare;
    private final int threads;
    private final boolean correct;

    private DriftAnalysis(Builder b) {
        this.correct = b.correct;
        this.features = List.copyOf(b.features);
        this.tests = EnumSet.noneOf(DriftTest.class);
        this.tests.addAll(b.tests);
        this.allApplicable = b.allApplicable;
        this.overrides = Map.copyOf(b.overrides);
        this.driftShare = b.driftShare;
        this.threads = b.threads;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a comparison against a reference kept only as a profile (see {@link ProfileDrift} for
     * which tests a profile gives exactly, approximately or not at all).
     *
     * @param reference the reference profile
     * @return a builder of the comparison
     */
    public static ProfileDrift.Builder againstProfile(DatasetProfile reference) {
        return ProfileDrift.builder(reference);
    }

    /** @return the analysis of every feature */
    public DriftReport run() {
        FeatureDrift[] out = analyseAll();
        Map<String, FeatureDrift> byName = new LinkedHashMap<>();
        List<String> drifted = new ArrayList<>();
        for (FeatureDrift f : out) {
            byName.put(f.feature(), f);
            if (f.drifted()) {
                drifted.add(f.feature());
            }
        }
        long refRows = 0;
        long curRows = 0;
        double[] p = new double[features.size()];
        for (int i = 0; i < features.size(); i++) {
            FeatureSamples s = features.get(i);
            refRows = Math.max(refRows, s.size(Side.REFERENCE) + s.missing(Side.REFERENCE));
            curRows = Math.max(curRows, s.size(Side.CURRENT) + s.missing(Side.CURRENT));
            if (correct) {
                DriftTest source = correctionSource(s.kind());
                DriftResult r = out[i].tests().get(source);
                p[i] = r != null ? r.pValue() : source.test(s).pValue();
            }
        }
        Map<Correction, Map<String, Double>> corrections = new EnumMap<>(Correction.class);
        for (Correction c : correct ? List.of(Correction.BONFERRONI, Correction.FDR_BH) : List.<Correction>of()) {
            double[] adj = c.adjust(p);
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < adj.length; i++) {
                m.put(features.get(i).feature(), adj[i]);
            }
            corrections.put(c, m);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tests", allApplicable ? "all" : tests.stream().map(DriftTest::key).toList());
        params.put("drift_share", driftShare);
        params.put("tvd_iterations", CountStatistics.TVD_ITERATIONS);
        Provenance provenance = Provenance.of("candor-monitor drift (Evidently 0.7.21 semantics)", params, 0L, null);
        return new DriftReport(refRows, curRows, byName, DatasetDrift.of(driftShare, out.length, drifted),
                corrections, provenance);
    }

    /** The p-value corrected across features: {@code ks} for numeric, {@code chisquare} for categorical. */
    public static DriftTest correctionSource(FeatureKind kind) {
        return kind == FeatureKind.NUMERIC ? DriftTest.KS : DriftTest.CHISQUARE;
    }

    private FeatureDrift[] analyseAll() {
        int n = features.size();
        FeatureDrift[] out = new FeatureDrift[n];
        int workers = Math.min(threads, n);
        if (workers <= 1) {
            for (int i = 0; i < n; i++) {
                out[i] = analyse(features.get(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "candor-drift");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FeatureDrift>> futures = new ArrayList<>(n);
            for (FeatureSamples f : features) {
                futures.add(pool.submit(() -> analyse(f)));
            }
            for (int i = 0; i < n; i++) {
                out[i] = futures.get(i).get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("drift analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private FeatureDrift analyse(FeatureSamples s) {
        DriftTest def = overrides.getOrDefault(s.feature(), DefaultTests.of(s));
        Map<DriftTest, DriftResult> results = new EnumMap<>(DriftTest.class);
        results.put(def, def.test(s));
        Iterable<DriftTest> extra = allApplicable ? DriftTest.evidentlyTests(s.kind()) : tests;
        for (DriftTest t : extra) {
            if (t.appliesTo(s.kind()) && !results.containsKey(t)) {
                results.put(t, t.test(s));
            }
        }
        return new FeatureDrift(s.feature(), s.kind(), def, results, s.missingShare(Side.REFERENCE),
                s.missingShare(Side.CURRENT));
    }

    /** Collects the features and options of an analysis. */
    public static final class Builder {
        private final List<FeatureSamples> features = new ArrayList<>();
        private final Set<DriftTest> tests = EnumSet.noneOf(DriftTest.class);
        private final Map<String, DriftTest> overrides = new LinkedHashMap<>();
        private boolean allApplicable;
        private double driftShare = DatasetDrift.DEFAULT_DRIFT_SHARE;
        private int threads = DEFAULT_THREADS;
        private boolean correct;

        private Builder() {
        }

        /** Adds a numeric feature ({@code NaN} = missing). */
        public Builder numeric(String feature, double[] reference, double[] current) {
            return feature(FeatureSamples.numeric(feature, reference, current));
        }

        /** Adds a categorical feature ({@code null} = missing). */
        public Builder categorical(String feature, String[] reference, String[] current) {
            return feature(FeatureSamples.categorical(feature, reference, current));
        }

        /**
         * Adds a weighted numeric feature ({@code NaN} = missing; see {@link WeightedStatistics} for
         * the tests that use weights).
         */
        public Builder numeric(String feature, double[] reference, double[] referenceWeights, double[] current,
                double[] currentWeights) {
            return feature(FeatureSamples.numeric(feature, reference, referenceWeights, current, currentWeights));
        }

        /** Adds a weighted categorical feature ({@code null} = missing). */
        public Builder categorical(String feature, String[] reference, double[] referenceWeights, String[] current,
                double[] currentWeights) {
            return feature(FeatureSamples.categorical(feature, reference, referenceWeights, current, currentWeights));
        }

        /** Adds prepared samples; feature names must be unique. */
        public Builder feature(FeatureSamples samples) {
            Objects.requireNonNull(samples, "samples");
            for (FeatureSamples f : features) {
                if (f.feature().equals(samples.feature())) {
                    throw new IllegalArgumentException("feature '" + samples.feature() + "' added twice");
                }
            }
            features.add(samples);
            return this;
        }

        /** Runs these tests (where they apply) besides each feature's default test. */
        public Builder tests(Set<DriftTest> extra) {
            tests.addAll(extra);
            return this;
        }

        /** Runs every Evidently test registered for each feature's kind. */
        public Builder allTests() {
            allApplicable = true;
            return this;
        }

        /** Uses this test instead of Evidently's default for one feature. */
        public Builder defaultTest(String feature, DriftTest test) {
            overrides.put(feature, test);
            return this;
        }

        /** Sets the share of drifted features that makes the dataset drift (default 0.5). */
        public Builder driftShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("drift share must be in (0, 1], got " + share);
            }
            driftShare = share;
            return this;
        }

        /**
         * Also adjusts one p-value per feature (ks for numeric, chisquare for categorical) by
         * Bonferroni and Benjamini–Hochberg; off by default, since it runs those tests on every feature.
         */
        public Builder corrections() {
            correct = true;
            return this;
        }

        /**
         * Analyses features on {@link #DEFAULT_THREADS} threads (default) or on the calling thread alone.
         * The same as {@code threads(on ? DEFAULT_THREADS : 1)}.
         */
        public Builder parallel(boolean on) {
            threads = on ? DEFAULT_THREADS : 1;
            return this;
        }

        /**
         * Sets the number of threads analysing features (each feature on one thread; 1 = the calling
         * thread). Results are the same for every count.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + count);
            }
            threads = count;
            return this;
        }

        /** @return the analysis */
        public DriftAnalysis build() {
            if (features.isEmpty()) {
                throw new IllegalArgumentException("no feature to analyse");
            }
            return new DriftAnalysis(this);
        }
    }
}
