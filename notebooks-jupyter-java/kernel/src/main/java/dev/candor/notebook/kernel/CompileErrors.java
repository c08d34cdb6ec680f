package dev.candor.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/** Builds the {@link CompilationException} of a snippet JShell rejected, from its diagnostics. */
final class CompileErrors {
    private CompileErrors() {
    }

    static CompilationException of(JShell shell, Snippet snippet, String code, int offset) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            int start = offset;
            return CompilationException.of(code, start, start, "JShell rejected this " + describe(snippet), List.of());
        }
        Diag first = errors.get(0);
        List<String> more = new ArrayList<>();
        for (Diag d : errors.subList(1, errors.size())) {
            int line = CellLines.lineOf(code, offset + (int) position(d));
            more.add("also at cell line " + line + ": " + d.getMessage(Locale.ROOT).split("\r?\n")[0]);
        }
        long start = position(first);
        long end = first.getEndPosition() >= 0 ? first.getEndPosition() : start;
        return CompilationException.of(code, offset + (int) start, offset + (int) end, first.getMessage(Locale.ROOT), more);
    }

    private static long position(Diag d) {
        long p = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
        return Math.max(0, p);
    }

    private static String describe(Snippet s) {
        return s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
