package dev.candor.notebook.kernel;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Splits the text of a cell into the snippets JShell evaluates one at a time (statements, declarations,
 * expressions), with JShell's own {@link SourceCodeAnalysis#analyzeCompletion(String)}, keeping each
 * snippet's offset in the cell.
 */
final class CellSplitter {
    private final SourceCodeAnalysis analysis;

    CellSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * Returns the snippets of {@code cell} in order; blank text and comments yield none.
     *
     * @throws CompilationException if the cell ends in the middle of a snippet (an unclosed brace, a
     *     string left open, ...); the error names the cell line where that snippet starts
     */
    List<CellSnippet> split(String cell) throws CompilationException {
        List<CellSnippet> snippets = new ArrayList<>();
        int offset = 0;
        String rest = cell;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            int consumed = rest.length() - info.remaining().length();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete() && c != Completeness.UNKNOWN || consumed <= 0) {
                int start = offset + leadingSpace(rest);
                throw CompilationException.incomplete(cell, start);
            }
            String source = info.source();
            if (!isOnlyComments(source)) {
                // JShell numbers a snippet's lines from its first non-blank character
                int blank = leadingSpace(source);
                snippets.add(new CellSnippet(source.substring(blank), offset + blank));
            }
            offset += consumed;
            rest = info.remaining();
        }
        return snippets;
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private boolean isOnlyComments(String source) {
        return analysis.analyzeCompletion(source).completeness() == Completeness.EMPTY;
    }
}
