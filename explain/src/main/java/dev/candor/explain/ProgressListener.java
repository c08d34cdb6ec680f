package dev.candor.explain;

/**
 * Receives progress of a long computation, such as explaining many rows. Called from worker
 * threads; implementations must be thread-safe and quick (the command line draws a progress bar).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units of work are complete. Calls may arrive out
     * of order from different threads; {@code done} never exceeds {@code total}.
     *
     * @param done  units complete so far
     * @param total units in all
     */
    void progress(long done, long total);
}
