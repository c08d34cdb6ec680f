package dev.candor.explain;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Explains independent rows in parallel: the one runner behind {@code explainAll} of KernelSHAP,
 * exact Shapley and LIME.
 *
 * <p><b>Scheduling.</b> Rows are handed out one at a time, in index order, from a shared counter to
 * {@code threads} workers: the calling thread and {@code threads - 1} helpers submitted to the
 * executor (by default a private pool of daemon threads, created for the call and shut down after
 * it). Because the calling thread works too, every row is explained even if the executor runs the
 * helpers late or never (a saturated or single-thread pool, or the pool the caller runs on), so the
 * call cannot deadlock on its executor.
 *
 * <p><b>Determinism.</b> The runner decides only which thread explains a row, never what the row's
 * explanation is: a task must depend on the row index alone (explainers draw the row's random
 * stream from {@link RowRandom#forRow(long, long)}), so the output is the same, bit for bit, for any
 * thread count, executor and call order. Each worker gets its own state from the supplier (buffers
 * it reuses across its rows), which must not change the results either.
 *
 * <p><b>Progress.</b> The listener is called after each explained row, from the thread that
 * explained it, with (rows done, rows in all).
 *
 * <p><b>Failure.</b> When a task throws, rows after it are skipped (rows before it, already handed
 * out, run to the end) and the call throws an {@link ExplanationFailedException} naming the lowest
 * failing row, with what the task threw as its cause; so the reported row does not depend on the
 * thread count either. An {@link Error} is rethrown as it is.
 *
 * <p>Instances are immutable and can be shared.
 *
 * @since 0.1.0
 */
public final class RowRunner {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final Executor executor;

    private RowRunner(int threads, Executor executor) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.executor = executor;
    }

    /**
     * @param threads the number of workers, at least 1 (the calling thread is one of them)
     * @param executor where the other workers run; null for a private pool per call
     * @return the runner
     */
    public static RowRunner of(int threads, Executor executor) {
        return new RowRunner(threads, executor);
    }

    /** @return a runner with one worker per available processor and a private pool per call */
    public static RowRunner defaults() {
        return new RowRunner(defaultThreads(), null);
    }

    /** @return the default number of workers, the number of available processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the number of workers */
    public int threads() {
        return threads;
    }

    /** @return the executor of the helper workers, or null for a private pool per call */
    public Executor executor() {
        return executor;
    }

    /**
     * Explains one row of a batch.
     *
     * @param <S> the worker state
     * @param <T> the explanation
     */
    @FunctionalInterface
    public interface Task<S, T> {
        /**
         * @param state the calling worker's state
         * @param row   the row index
         * @return the row's explanation (not null)
         */
        T explain(S state, int row);
    }

    /**
     * Explains rows 0..rows−1.
     *
     * @param rows     the number of rows
     * @param task     explains row i
     * @param progress called after each row
     * @param <T>      the explanation type
     * @return the explanations in row order (unmodifiable)
     * @throws ExplanationFailedException if a task throws (see the class description)
     */
    public <T> List<T> run(int rows, IntFunction<? extends T> task, ProgressListener progress) {
        Objects.requireNonNull(task, "task");
        return run(rows, () -> null, (s, i) -> task.apply(i), progress);
    }

    /**
     * Explains rows 0..rows−1, giving each worker its own state.
     *
     * @param rows     the number of rows
     * @param state    creates one worker's state (called at most once per worker, on its thread)
     * @param task     explains row i with the worker's state
     * @param progress called after each row
     * @param <S>      the worker state type
     * @param <T>      the explanation type
     * @return the explanations in row order (unmodifiable)
     * @throws ExplanationFailedException if a task throws (see the class description)
     */
    public <S, T> List<T> run(int rows, Supplier<? extends S> state, Task<? super S, ? extends T> task,
                              ProgressListener progress) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(progress, "progress");
        Batch<S, T> batch = new Batch<>(rows, state, task, progress);
        int t = Math.min(threads, rows);
        ExecutorService own = null;
        try {
            if (t > 1) {
                Executor ex = executor;
                if (ex == null) {
                    own = privatePool(t - 1);
                    ex = own;
                }
                try {
                    for (int w = 1; w < t; w++) {
                        ex.execute(batch::work);
                    }
                } catch (RejectedExecutionException e) {
                    // fewer helpers: the calling thread explains what they would have
                }
            }
            batch.work();
            batch.await();
        } finally {
            if (own != null) {
                own.shutdown();
            }
        }
        return batch.result();
    }

    /**
     * Explains a single row outside a batch, reporting a failure as {@link #run} does.
     *
     * @param row  the row index (for the message)
     * @param task the explanation
     * @param <T>  the explanation type
     * @return the explanation
     * @throws ExplanationFailedException if the task throws a runtime exception
     */
    public static <T> T one(long row, Supplier<T> task) {
        try {
            return task.get();
        } catch (RuntimeException e) {
            throw new ExplanationFailedException(row, e);
        }
    }

    private static ExecutorService privatePool(int size) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(size, r -> {
            Thread th = new Thread(r, "candor-explain-" + pool + "-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        });
    }

    /** The shared state of one call. */
    private static final class Batch<S, T> {
        private final int total;
        private final Supplier<? extends S> state;
        private final Task<? super S, ? extends T> task;
        private final ProgressListener progress;
        private final Object[] out;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicLong done = new AtomicLong();
        private final CountDownLatch finished;
        private volatile long failedRow = Long.MAX_VALUE;
        private Throwable failure; // guarded by this

        Batch(int total, Supplier<? extends S> state, Task<? super S, ? extends T> task, ProgressListener progress) {
            this.total = total;
            this.state = state;
            this.task = task;
            this.progress = progress;
            this.out = new Object[total];
            this.finished = new CountDownLatch(total);
        }

        /** Claims and explains rows until none is left; every claimed row counts down once. */
        void work() {
            S s = null;
            boolean ready = false;
            int i;
            while ((i = next.getAndIncrement()) < total) {
                try {
                    if (i < failedRow) {
                        if (!ready) {
                            s = state.get();
                            ready = true;
                        }
                        out[i] = task.explain(s, i);
                        progress.progress(done.incrementAndGet(), total);
                    }
                } catch (Throwable e) {
                    fail(i, e);
                } finally {
                    finished.countDown();
                }
            }
        }

        private synchronized void fail(long row, Throwable e) {
            if (row < failedRow) {
                failedRow = row;
                failure = e;
            }
        }

        void await() {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(-1, e);
                throw new IllegalStateException("interrupted while explaining rows", e);
            }
        }

        @SuppressWarnings("unchecked")
        List<T> result() {
            Throwable f;
            long row;
            synchronized (this) {
                f = failure;
                row = failedRow;
            }
            if (f instanceof Error er) {
                throw er;
            }
            if (f != null) {
                throw new ExplanationFailedException(row, f);
            }
            return Collections.unmodifiableList(Arrays.asList((T[]) out));
        }
    }
}
