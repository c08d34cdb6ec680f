package dev.candor.monitor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The drift of one feature: its default test's result, every other requested test's result, and
 * the share of missing values on each side (a signal of its own: a pipeline that starts losing a
 * field shows here before any distribution test notices).
 *
 * @param feature        the feature's name
 * @param kind           numeric or categorical
 * @param defaultTest    the test that decides whether the feature drifted
 * @param tests          every test run, in {@link DriftTest} order (includes the default)
 * @param missingShareReference share of missing values in the reference
 * @param missingShareCurrent   share of missing values in the current sample
 * @since 0.1.0
 */
public record FeatureDrift(String feature, FeatureKind kind, DriftTest defaultTest, Map<DriftTest, DriftResult> tests,
        double missingShareReference, double missingShareCurrent) {

    /** Copies the map. */
    public FeatureDrift {
        EnumMap<DriftTest, DriftResult> m = new EnumMap<>(DriftTest.class);
        m.putAll(tests);
        if (!m.containsKey(defaultTest)) {
            throw new IllegalArgumentException("the default test's result is missing");
        }
        tests = Collections.unmodifiableMap(m);
    }

    /** @return the default test's result */
    public DriftResult defaultResult() {
        return tests.get(defaultTest);
    }

    /** @return whether the default test flags drift */
    public boolean drifted() {
        return defaultResult().drift();
    }

    /**
     * @param test a test
     * @return its result, if it was run
     */
    public Optional<DriftResult> result(DriftTest test) {
        return Optional.ofNullable(tests.get(test));
    }
}
