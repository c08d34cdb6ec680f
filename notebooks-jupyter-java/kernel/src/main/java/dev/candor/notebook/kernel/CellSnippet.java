package dev.candor.notebook.kernel;

/**
 * One JShell snippet of a cell: its source as JShell will compile it and where it starts in the cell,
 * so that positions inside the snippet can be reported as lines of the cell.
 *
 * @param source the snippet source from its first non-blank character (leading comments included; it
 *     may end with a semicolon JShell added)
 * @param offset the index in the cell's text of the snippet's first character
 */
public record CellSnippet(String source, int offset) {
}
