package dev.candor.notebook.kernel;

import java.util.List;

/** The cell was stopped by an interrupt request (the notebook's stop button). */
public final class EvaluationInterruptedException extends CellException {
    private static final long serialVersionUID = 1L;

    EvaluationInterruptedException(String message, List<String> traceback) {
        super(message, traceback);
    }
}
