package dev.candor.notebook.kernel;

import java.util.List;

/**
 * A cell that failed: it did not compile, it threw, it was stopped, or a magic was wrong. The kernel
 * reports it to Jupyter as an error whose name is the simple name of the subclass, whose value is
 * {@link #getMessage()} (which names the cell line where that is known) and whose traceback is
 * {@link #traceback()}.
 */
public abstract class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> traceback;

    /**
     * @param message one line saying what went wrong and where
     * @param traceback the lines shown under the message in the notebook
     */
    protected CellException(String message, List<String> traceback) {
        super(message);
        this.traceback = List.copyOf(traceback);
    }

    /** The lines Jupyter shows for this error (message, quoted cell lines, stack trace). */
    public List<String> traceback() {
        return traceback;
    }
}
