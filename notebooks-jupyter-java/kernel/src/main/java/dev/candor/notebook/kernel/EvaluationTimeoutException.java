package dev.candor.notebook.kernel;

import java.util.List;

/** The cell ran longer than the kernel's timeout and was stopped. */
public final class EvaluationTimeoutException extends CellException {
    private static final long serialVersionUID = 1L;

    EvaluationTimeoutException(String message, List<String> traceback) {
        super(message, traceback);
    }
}
