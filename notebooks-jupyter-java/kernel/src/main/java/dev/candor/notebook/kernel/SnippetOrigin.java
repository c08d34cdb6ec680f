package dev.candor.notebook.kernel;

/**
 * Where a snippet came from, to report its stack frames as cell lines.
 *
 * @param cell the number of the cell (1 for the first cell the kernel ran)
 * @param code the cell's code
 * @param offset where the snippet starts in {@code code}
 */
record SnippetOrigin(int cell, String code, int offset) {
    /** The cell line of line {@code snippetLine} (1-based) of the snippet. */
    int cellLine(int snippetLine) {
        return CellLines.lineOf(code, offset) + Math.max(1, snippetLine) - 1;
    }
}
