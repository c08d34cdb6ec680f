package dev.candor.fairness.mitigation;

import dev.candor.core.Provenance;
import java.util.Map;

/**
 * A fitted bias mitigation: learned on calibration (or training) data, applied to new rows.
 *
 * <p>Pre-processing mitigations ({@link Reweighing}) change the data a model is trained on;
 * post-processing mitigations ({@link PostProcessor}) change a trained model's decisions. Both
 * describe what they learned as a map whose keys are the names the reference library uses for the
 * same quantity, so that it can be written as JSON and compared with that library, and both record
 * their provenance.
 *
 * @since 0.1.0
 */
public interface Mitigation {

    /** @return the method's name in snake case, as in JSON ({@code reweighing}, {@code threshold_optimizer}, ...) */
    String method();

    /**
     * What was learned, in insertion order, with the reference library's names. Values are numbers,
     * strings, booleans, lists or nested maps of these; an infinite threshold is a {@code Double}
     * infinity (JSON writers render it as the string {@code "Infinity"}).
     *
     * @return an unmodifiable description
     */
    Map<String, Object> describe();

    /** @return what produced this mitigation: its options and a fingerprint of the fitting data */
    Provenance provenance();
}
