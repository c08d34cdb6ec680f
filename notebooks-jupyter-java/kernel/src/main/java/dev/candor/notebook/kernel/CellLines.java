package dev.candor.notebook.kernel;

import java.util.ArrayList;
import java.util.List;

/** Maps character offsets of a cell's text to 1-based line numbers and quotes lines for error messages. */
final class CellLines {
    private CellLines() {
    }

    /** The 1-based line of {@code cell} that holds the character at {@code offset}. */
    static int lineOf(String cell, int offset) {
        int end = Math.max(0, Math.min(offset, cell.length()));
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (cell.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The text of 1-based line {@code line} of {@code cell}, without its line break ("" past the end). */
    static String line(String cell, int line) {
        String[] lines = cell.split("\r?\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /**
     * The cell lines from {@code first} to {@code last} quoted with their numbers, and a caret line
     * under the first one marking the columns from {@code column} to {@code endColumn} (0-based, end
     * exclusive; a single caret when the range is empty).
     */
    static List<String> quote(String cell, int first, int last, int column, int endColumn) {
        List<String> out = new ArrayList<>();
        int width = String.valueOf(last).length();
        for (int n = first; n <= last; n++) {
            out.add(String.format("%" + width + "d | %s", n, line(cell, n)));
            if (n == first && column >= 0) {
                int carets = Math.max(1, endColumn - column);
                out.add(" ".repeat(width) + " | " + " ".repeat(column) + "^".repeat(carets));
            }
        }
        return out;
    }

    /** The 0-based column of {@code offset} in its line. */
    static int columnOf(String cell, int offset) {
        int end = Math.max(0, Math.min(offset, cell.length()));
        int lineStart = cell.lastIndexOf('\n', end - 1) + 1;
        return end - lineStart;
    }
}
