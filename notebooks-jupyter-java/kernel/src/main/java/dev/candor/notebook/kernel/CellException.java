package dev.candor.notebook.kernel;

import java.util.List;

/**
 * A cell that failed: it did not compile, it threw, it was stopped, or a magic was wrong. The kernel
 * reports it to Jupyter as an error whose name is the simple name of the subclass, whose traceback
 * (what notebooks show) is {@link #traceback()}, and whose value is {@link #getMessage()} (one line,
 * naming the cell line where that is known) followed by the traceback, so that tools which print
 * only the name and value of an error, such as {@code jupyter nbconvert --execute}, show it all.
 *
 * <p>These exceptions carry no Java stack trace of their own: where the kernel was when the cell
 * failed says nothing about the cell.
 */
public abstract class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> traceback;

    /**
     * @param message one line saying what went wrong and where
     * @param traceback the lines shown under the message in the notebook
     */
    protected CellException(String message, List<String> traceback) {
        super(message, null, false, false);
        this.traceback = List.copyOf(traceback);
    }

    /** The one-line message, then the traceback. */
    @Override
    public String getLocalizedMessage() {
        return getMessage() + "\n" + String.join("\n", traceback);
    }

    /** The lines Jupyter shows for this error (message, quoted cell lines, stack trace). */
    public List<String> traceback() {
        return traceback;
    }
}
