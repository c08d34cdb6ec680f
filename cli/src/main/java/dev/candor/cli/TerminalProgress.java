package dev.candor.cli;

import dev.candor.cli.pipeline.StepProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the progress of the command line's long steps (training, explanations) on standard error.
 *
 * <p>Three modes: {@link Mode#BAR} redraws one line per step with {@code \r} (a bar, the percentage
 * and the count), for an interactive terminal; {@link Mode#PLAIN} prints one line when a step
 * starts and one when it ends, for logs and pipes, where {@code \r} would leave garbage; and
 * {@link Mode#QUIET} prints nothing ({@code --quiet}). Redraws are limited to ten a second so that
 * a fast loop does not spend its time printing.
 *
 * <p>Thread-safe: explainers report progress from worker threads.
 *
 * @since 0.1.0
 */
public final class TerminalProgress implements StepProgress {

    /** How progress is shown. */
    public enum Mode {
        /** Nothing is printed. */
        QUIET,
        /** One line per step start and end. */
        PLAIN,
        /** A bar redrawn in place. */
        BAR
    }

    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final Mode mode;
    private final PrintStream out;
    private final LongSupplier clock;
    private String step;
    private long stepStart;
    private long lastDraw = Long.MIN_VALUE;
    private int lastPermille = -1;

    /**
     * @param mode  how to show progress
     * @param out   where to print (standard error for the command line)
     * @param clock a nanosecond clock ({@code System::nanoTime}; tests pass their own)
     */
    public TerminalProgress(Mode mode, PrintStream out, LongSupplier clock) {
        this.mode = mode;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Progress on standard error: quiet when asked, a bar on a terminal, plain lines otherwise.
     * A terminal is recognised by {@link System#console()} and a {@code TERM} other than {@code dumb}.
     *
     * @param quiet true for {@code --quiet}
     * @return the progress printer
     */
    public static TerminalProgress forStandardError(boolean quiet) {
        Mode m;
        if (quiet) {
            m = Mode.QUIET;
        } else if (System.console() != null && !"dumb".equals(System.getenv("TERM"))) {
            m = Mode.BAR;
        } else {
            m = Mode.PLAIN;
        }
        return new TerminalProgress(m, System.err, System::nanoTime);
    }

    /** @return the mode */
    public Mode mode() {
        return mode;
    }

    /**
     * Starts a step (ending the previous one if it was not ended).
     *
     * @param name what the step does, for example "training logistic regression"
     */
    @Override
    public synchronized void step(String name) {
        if (step != null) {
            done();
        }
        step = name;
        stepStart = clock.getAsLong();
        lastDraw = Long.MIN_VALUE;
        lastPermille = -1;
        switch (mode) {
            case PLAIN -> out.println("candor: " + name + " ...");
            case BAR -> out.print("\r" + name + " ...");
            default -> { }
        }
        out.flush();
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (mode != Mode.BAR || step == null || total <= 0) {
            return;
        }
        long now = clock.getAsLong();
        int permille = (int) Math.min(1000, Math.max(0, done * 1000 / total));
        if (permille == lastPermille || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        lastPermille = permille;
        int filled = permille * WIDTH / 1000;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\r%s [%s] %3d%% %d/%d", step, bar, permille / 10, done, total));
        out.flush();
    }

    /** Ends the current step, printing how long it took. */
    @Override
    public synchronized void done() {
        if (step == null) {
            return;
        }
        double seconds = (clock.getAsLong() - stepStart) / 1e9;
        String line = String.format(Locale.ROOT, "%s done in %.1f s", step, seconds);
        switch (mode) {
            case PLAIN -> out.println("candor: " + line);
            // Clear what the bar drew, then print the final line.
            case BAR -> out.print("\r\033[2K" + line + "\n");
            default -> { }
        }
        out.flush();
        step = null;
    }
}
