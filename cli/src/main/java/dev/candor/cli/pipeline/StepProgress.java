package dev.candor.cli.pipeline;

import dev.candor.explain.ProgressListener;

/**
 * Progress of a report's long steps: a named step starts, reports units done, and ends. The
 * command line shows it as a progress bar; library callers may ignore it ({@link #NONE}).
 *
 * @since 0.1.0
 */
public interface StepProgress extends ProgressListener {

    /** Ignores everything. */
    StepProgress NONE = new StepProgress() {
        @Override
        public void step(String name) {
        }

        @Override
        public void done() {
        }

        @Override
        public void progress(long done, long total) {
        }
    };

    /** @param name the step that starts */
    void step(String name);

    /** Ends the current step. */
    void done();
}
