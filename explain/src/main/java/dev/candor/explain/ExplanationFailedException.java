package dev.candor.explain;

/**
 * Explaining one row failed after the row itself was accepted: the model threw, or returned an
 * output the explainer cannot use. The message names the row; the cause is what was thrown (the
 * model's own exception when the model threw). It is an {@link IllegalStateException}, not an
 * {@link IllegalArgumentException}: the caller's input was valid, the computation on it failed.
 *
 * @since 0.1.0
 */
public final class ExplanationFailedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long row;

    /**
     * @param row   the index of the row (or run) whose explanation failed
     * @param cause what was thrown
     */
    public ExplanationFailedException(long row, Throwable cause) {
        super("explaining row " + row + " failed: " + cause, cause);
        this.row = row;
    }

    /** @return the index of the row whose explanation failed */
    public long row() {
        return row;
    }
}
