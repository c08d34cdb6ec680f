package dev.candor.notebook.kernel;

import java.util.List;

/** Cell code threw an exception; the message names its class, its message and the cell line. */
public final class EvaluationException extends CellException {
    private static final long serialVersionUID = 1L;

    private final String exceptionClass;
    private final int line;

    EvaluationException(String message, String exceptionClass, int line, List<String> traceback) {
        super(message, traceback);
        this.exceptionClass = exceptionClass;
        this.line = line;
    }

    /** The fully qualified class name of the exception the cell code threw. */
    public String exceptionClass() {
        return exceptionClass;
    }

    /** The 1-based line of this cell where the exception left the cell's code (0 when unknown). */
    public int line() {
        return line;
    }
}
