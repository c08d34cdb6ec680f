package dev.candor.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Builds the {@link EvaluationException} of cell code that threw: the exception's class and message,
 * its stack trace with the frames of cell code shown as cell lines and the frames of JShell and the
 * kernel under them left out, and its causes.
 */
final class RuntimeErrors {
    private RuntimeErrors() {
    }

    static EvaluationException of(EvalException e, int cell, String code, int offset, Map<String, SnippetOrigin> origins) {
        int line = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            SnippetOrigin o = origin(f, origins);
            if (o != null && o.cell() == cell) {
                line = o.cellLine(f.getLineNumber());
                break;
            }
        }
        if (line == 0) {
            line = CellLines.lineOf(code, offset);
        }
        String headline = headline(e);
        List<String> tb = new ArrayList<>();
        tb.add(headline);
        frames(e, cell, origins, tb);
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            tb.add("Caused by: " + headline(c));
            frames(c, cell, origins, tb);
        }
        tb.add("at cell line " + line + ":");
        tb.addAll(CellLines.quote(code, line, line, -1, -1));
        return new EvaluationException(headline + " (cell line " + line + ")", e.getExceptionClassName(), line, tb);
    }

    static EvaluationException unresolved(JShell shell, UnresolvedReferenceException e, String code, int offset) {
        int line = CellLines.lineOf(code, offset);
        String missing = shell.unresolvedDependencies(e.getSnippet()).collect(Collectors.joining(", "));
        String message = "cell line " + line + ": " + e.getSnippet().kind().name().toLowerCase() + " '"
                + e.getSnippet().source().strip().split("\\R", 2)[0] + "' cannot run until " + missing + " is declared";
        List<String> tb = new ArrayList<>();
        tb.add(message);
        tb.addAll(CellLines.quote(code, line, line, -1, -1));
        return new EvaluationException(message, UnresolvedReferenceException.class.getName(), line, tb);
    }

    static EvaluationException ofRendering(RuntimeException e, String code, int offset) {
        int line = CellLines.lineOf(code, offset);
        String message = "cell line " + line + ": the value could not be displayed: " + e.getMessage();
        List<String> tb = new ArrayList<>();
        tb.add(message);
        tb.addAll(CellLines.quote(code, line, line, -1, -1));
        return new EvaluationException(message, e.getClass().getName(), line, tb);
    }

    private static String headline(Throwable t) {
        String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        return t.getMessage() == null ? name : name + ": " + t.getMessage();
    }

    /** Appends the frames of {@code t} down to the last frame of cell code. */
    private static void frames(Throwable t, int cell, Map<String, SnippetOrigin> origins, List<String> out) {
        StackTraceElement[] trace = t.getStackTrace();
        int lastCellFrame = -1;
        for (int i = 0; i < trace.length; i++) {
            if (origin(trace[i], origins) != null) {
                lastCellFrame = i;
            }
        }
        int end = lastCellFrame >= 0 ? lastCellFrame + 1 : trace.length;
        for (int i = 0; i < end; i++) {
            StackTraceElement f = trace[i];
            SnippetOrigin o = origin(f, origins);
            if (o != null) {
                String method = f.getMethodName() == null || f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$")
                        ? "" : f.getMethodName();
                String where = (o.cell() == cell ? "cell line " : "cell " + o.cell() + " line ") + o.cellLine(f.getLineNumber());
                out.add("    at " + (method.isEmpty() ? where : method + "(" + where + ")"));
            } else if (lastCellFrame >= 0 || !isMachinery(f)) {
                out.add("    at " + f);
            }
        }
    }

    private static SnippetOrigin origin(StackTraceElement f, Map<String, SnippetOrigin> origins) {
        String file = f.getFileName();
        return file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
    }

    private static boolean isMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("dev.candor.notebook.kernel.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.internal.reflect.") || c.equals("java.lang.Thread");
    }
}
