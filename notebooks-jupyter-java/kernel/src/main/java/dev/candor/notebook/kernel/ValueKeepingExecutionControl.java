package dev.candor.notebook.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs snippets in the kernel's own JVM, like JShell's {@link LocalExecutionControl}, and keeps the
 * object each snippet returns (JShell itself only keeps its {@code toString()}), so the kernel can
 * render the value of a cell's last expression as HTML or SVG.
 *
 * <p>Each snippet runs in a fresh thread of its own thread group; {@link #stop()} stops that thread,
 * which is how a timeout or an interrupt request ends a runaway cell. A stop that comes while JShell
 * is still compiling the snippet is kept, and the snippet then does not start at all.
 */
final class ValueKeepingExecutionControl extends LocalExecutionControl {
    private static final Object NOTHING = new Object();

    private final Object lock = new Object();
    private final AtomicReference<Object> lastValue = new AtomicReference<>(NOTHING);
    private Thread running;
    private volatile boolean stopped;

    /**
     * Forgets the value and any stop request of the previous snippet; call before evaluating the next.
     */
    void clearValue() {
        lastValue.set(NOTHING);
        synchronized (lock) {
            stopped = false;
        }
    }

    /** Whether the last snippet returned a value (possibly {@code null}). */
    boolean hasValue() {
        return lastValue.get() != NOTHING;
    }

    /** The object the last snippet returned (the value of an expression snippet, boxed). */
    Object value() {
        Object v = lastValue.get();
        return v == NOTHING ? null : v;
    }

    /** Whether the last snippet was stopped by {@link #stop()}. */
    boolean wasStopped() {
        return stopped;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(new ThreadGroup("notebook cell"), () -> {
            try {
                result.set(doit.invoke(null));
            } catch (Throwable t) {   // everything the snippet throws is reported, nothing escapes the thread
                failure.set(t);
            }
        }, "notebook-cell");
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        synchronized (lock) {
            if (stopped) {
                throw new StoppedException();
            }
            running = thread;
            thread.start();
        }
        try {
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
        Throwable t = failure.get();
        if (stopped || t instanceof InvocationTargetException && t.getCause() instanceof ThreadDeath) {
            stopped = true;
            throw new StoppedException();
        }
        if (t instanceof Exception e) {
            throw e;
        }
        if (t != null) {
            throw new InvocationTargetException(t);
        }
        lastValue.set(result.get());
        return valueString(result.get());
    }

    /**
     * Stops the running snippet, or the snippet about to run if JShell is still compiling it. On Java
     * 17 to 19 the thread is stopped wherever it is; later Java versions no longer allow that, and the
     * thread is interrupted instead.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (running == null) {
                return;
            }
            try {
                running.stop();
            } catch (UnsupportedOperationException e) {
                running.interrupt();
            }
        }
    }
}
