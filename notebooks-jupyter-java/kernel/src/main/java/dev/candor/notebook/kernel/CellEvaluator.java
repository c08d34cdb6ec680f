package dev.candor.notebook.kernel;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

import dev.candor.notebook.kernel.runtime.Notebook;

/**
 * Evaluates notebook cells with JShell in this JVM. A cell's line magics run first; its Java code is
 * then split into snippets that are evaluated in order, and the first snippet that does not compile
 * or throws ends the cell with a {@link CellException} naming the cell line. The value of a cell
 * whose last snippet is an expression is returned rendered by {@link ValueRenderer}.
 *
 * <p>Declarations (variables, methods, classes, imports) persist from cell to cell. Every cell can
 * call {@link Notebook}'s methods unqualified and uses the imports of JShell's default start-up.
 */
public final class CellEvaluator implements AutoCloseable {
    private static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static " + Notebook.class.getName() + ".*;");

    private enum Stop { NONE, TIMEOUT, INTERRUPT }

    private final JShell shell;
    private final ValueKeepingExecutionControl control;
    private final CellSplitter splitter;
    private final LineMagics magics;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private volatile Stop stop = Stop.NONE;
    private int cells;

    /**
     * @param workingDir what {@code %jars} paths are relative to (the notebook's folder)
     * @param timeout how long one cell may run before it is stopped; zero or negative for no limit
     */
    public CellEvaluator(Path workingDir, Duration timeout) {
        ValueKeepingExecutionControlProvider provider = new ValueKeepingExecutionControlProvider();
        this.shell = JShell.builder().executionEngine(provider, Map.of()).build();
        this.control = provider.control();
        this.splitter = new CellSplitter(shell.sourceCodeAnalysis());
        this.magics = new LineMagics(workingDir, shell::addToClasspath);
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notebook-cell-timeout");
            t.setDaemon(true);
            return t;
        });
        kernelClasspath().forEach(shell::addToClasspath);
        for (String s : STARTUP) {
            List<SnippetEvent> events = shell.eval(s);
            if (events.isEmpty() || events.get(0).status() != Snippet.Status.VALID) {
                throw new IllegalStateException("the kernel's start-up snippet failed: " + s);
            }
        }
    }

    /**
     * Runs one cell.
     *
     * @return the rendered value of the cell's last snippet when it is an expression, else empty
     * @throws CellException when a magic fails, the code does not compile or throws, or the cell is
     *     stopped by the timeout or {@link #interrupt()}
     */
    public Optional<DisplayData> evaluate(String cell) throws CellException {
        int number = ++cells;
        stop = Stop.NONE;
        String code = magics.apply(cell.replace("\r\n", "\n"));
        List<CellSnippet> snippets = splitter.split(code);
        ScheduledFuture<?> deadline = timeout.isZero() || timeout.isNegative() ? null
                : timer.schedule(() -> stop(Stop.TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            DisplayData result = null;
            for (int i = 0; i < snippets.size(); i++) {
                result = evaluate(number, code, snippets.get(i), i == snippets.size() - 1);
            }
            return Optional.ofNullable(result);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            flush(System.out);
            flush(System.err);
        }
    }

    private DisplayData evaluate(int number, String code, CellSnippet snippet, boolean last) throws CellException {
        control.clearValue();   // before the check: a stop from now on reaches the snippet
        throwIfStopped(code, snippet);
        List<SnippetEvent> events = shell.eval(snippet.source());
        if (control.wasStopped()) {
            throwIfStopped(code, snippet);
        }
        SnippetEvent main = events.stream().filter(e -> e.causeSnippet() == null).findFirst()
                .orElseThrow(() -> new IllegalStateException("JShell reported nothing for: " + snippet.source()));
        origins.put(main.snippet().id(), new SnippetOrigin(number, code, snippet.offset()));
        if (main.status() == Snippet.Status.REJECTED) {
            throw CompileErrors.of(shell, main.snippet(), code, snippet.offset());
        }
        for (SnippetEvent e : events) {
            JShellException thrown = e.exception();
            if (thrown instanceof UnresolvedReferenceException u) {
                throw RuntimeErrors.unresolved(shell, u, code, snippet.offset());
            }
            if (thrown instanceof EvalException ex) {
                throw RuntimeErrors.of(ex, number, code, snippet.offset(), origins);
            }
        }
        if (!last || !isValue(main.snippet()) || !control.hasValue()) {
            return null;
        }
        try {
            return ValueRenderer.render(control.value());
        } catch (RuntimeException e) {
            throw RuntimeErrors.ofRendering(e, code, snippet.offset());
        }
    }

    private static boolean isValue(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private void throwIfStopped(String code, CellSnippet snippet) throws CellException {
        Stop s = stop;
        if (s == Stop.NONE) {
            return;
        }
        int line = CellLines.lineOf(code, snippet.offset());
        List<String> where = CellLines.quote(code, line, line, -1, -1);
        if (s == Stop.TIMEOUT) {
            String message = "cell line " + line + ": the cell was stopped after running for " + describe(timeout)
                    + " (the kernel's timeout; set CANDOR_KERNEL_TIMEOUT in seconds to change it)";
            throw new EvaluationTimeoutException(message, prepend(message, where));
        }
        String message = "cell line " + line + ": the cell was interrupted";
        throw new EvaluationInterruptedException(message, prepend(message, where));
    }

    /** Stops the running cell, which then fails with {@link EvaluationInterruptedException}. */
    public void interrupt() {
        stop(Stop.INTERRUPT);
    }

    private void stop(Stop reason) {
        stop = reason;
        shell.stop();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        shell.close();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s >= 1 ? s + " s" : d.toMillis() + " ms";
    }

    private static void flush(PrintStream s) {
        if (s != null) {
            s.flush();
        }
    }

    /** Where the compiler and the cells find the kernel's runtime API and basekernel's DisplayData. */
    private static Set<String> kernelClasspath() {
        Set<String> paths = new LinkedHashSet<>();
        for (Class<?> c : List.of(Notebook.class, DisplayData.class)) {
            try {
                paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot locate the kernel's classes for the cells' class path", e);
            }
        }
        return paths;
    }
}
