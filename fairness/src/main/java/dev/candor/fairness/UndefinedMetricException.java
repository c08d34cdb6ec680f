package dev.candor.fairness;

/**
 * Thrown in strict mode when a metric is undefined, instead of returning NaN with a reason.
 *
 * @since 0.1.0
 */
public final class UndefinedMetricException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient UndefinedReason reason;

    /**
     * @param what   the metric and where (attribute, group)
     * @param reason why it is undefined
     */
    public UndefinedMetricException(String what, UndefinedReason reason) {
        super(what + " is undefined: " + reason.key());
        this.reason = reason;
    }

    /** @return why the metric is undefined */
    public UndefinedReason reason() {
        return reason;
    }
}
