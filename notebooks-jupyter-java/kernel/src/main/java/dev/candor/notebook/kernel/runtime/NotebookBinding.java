package dev.candor.notebook.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * Connects the static {@link Notebook} calls made by cell code to the kernel that runs the cells.
 * The kernel binds itself once it has started; cell code never needs this class.
 */
public final class NotebookBinding {
    /** What {@link Notebook} delegates to. */
    public interface Target {
        /** Displays a value rendered by its type. */
        void display(Object value);

        /** Displays a value as the given MIME types, plus a plain-text fallback. */
        void display(Object value, String... mimeTypes);

        /** The kernel that evaluates the cells. */
        BaseKernel kernel();
    }

    private static volatile Target target;

    private NotebookBinding() {
    }

    /** Makes {@code t} receive the {@link Notebook} calls of every cell from now on. */
    public static void bind(Target t) {
        target = t;
    }

    static Target current() {
        Target t = target;
        if (t == null) {
            throw new IllegalStateException("no notebook kernel is running in this JVM");
        }
        return t;
    }
}
