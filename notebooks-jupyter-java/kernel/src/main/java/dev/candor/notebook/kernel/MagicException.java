package dev.candor.notebook.kernel;

import java.util.List;

/** A line magic ({@code %jars ...}) that is unknown or could not be carried out. */
public final class MagicException extends CellException {
    private static final long serialVersionUID = 1L;

    MagicException(String message) {
        super(message, List.of(message));
    }
}
