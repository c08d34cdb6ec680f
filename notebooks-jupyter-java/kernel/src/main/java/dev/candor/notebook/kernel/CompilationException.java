package dev.candor.notebook.kernel;

import java.util.ArrayList;
import java.util.List;

/** A snippet of the cell that JShell rejected, reported with the cell line of the first error. */
public final class CompilationException extends CellException {
    private static final long serialVersionUID = 1L;

    private final int line;

    private CompilationException(String message, int line, List<String> traceback) {
        super(message, traceback);
        this.line = line;
    }

    /** The 1-based cell line of the (first) error. */
    public int line() {
        return line;
    }

    /**
     * An error found by the compiler.
     *
     * @param cell the cell's text
     * @param start offset in the cell where the error starts
     * @param end offset in the cell where the error ends
     * @param diagnostic the compiler's message (may span lines)
     * @param more further errors of the same snippet, already formatted
     */
    static CompilationException of(String cell, int start, int end, String diagnostic, List<String> more) {
        int line = CellLines.lineOf(cell, start);
        int endLine = Math.max(line, CellLines.lineOf(cell, Math.max(start, end - 1)));
        String[] parts = diagnostic.split("\r?\n");
        String message = "cell line " + line + ": " + parts[0];
        List<String> tb = new ArrayList<>();
        tb.add("Compilation error at cell line " + line + ": " + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                tb.add("  " + parts[i].strip());
            }
        }
        int column = CellLines.columnOf(cell, start);
        int endColumn = endLine == line ? CellLines.columnOf(cell, end) : CellLines.line(cell, line).length();
        tb.addAll(CellLines.quote(cell, line, Math.min(endLine, line + 4), column, endColumn));
        tb.addAll(more);
        return new CompilationException(message, line, tb);
    }

    /** The cell ends before a snippet does (an unclosed brace, parenthesis or string). */
    static CompilationException incomplete(String cell, int start) {
        int line = CellLines.lineOf(cell, start);
        String message = "cell line " + line + ": incomplete input, the statement or declaration that starts here is not closed";
        List<String> tb = new ArrayList<>();
        tb.add("Compilation error: " + message);
        tb.addAll(CellLines.quote(cell, line, line, -1, -1));
        return new CompilationException(message, line, tb);
    }
}
