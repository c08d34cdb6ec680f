package dev.candor.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** Cells through the real kernel and JShell, without a Jupyter connection. */
@Timeout(120)   // a stop that fails must fail the build, not hang it
class CellEvaluatorTest {
    @TempDir
    Path dir;

    private CellEvaluator evaluator;
    private CandorKernel kernel;
    private final List<DisplayData> displayed = new ArrayList<>();

    @BeforeEach
    void start() {
        evaluator = new CellEvaluator(dir, Duration.ofSeconds(600));
        kernel = new CandorKernel(evaluator, displayed::add);
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    /** Runs a cell and returns what it printed to System.out. */
    private String printed(String cell) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            kernel.eval(cell);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Object data(DisplayData d, String mime) {
        return d.getData(MIMEType.parse(mime));
    }

    @Test
    void evaluatesEverySnippetOfACellInOrderAndShowsTheLastValue() throws Exception {
        assertEquals("b=6\n", printed("int a = 2;\nint b = a * 3;\nSystem.out.println(\"b=\" + b);\n\n// the value\na + b"));
        assertEquals("8", data(kernel.eval("a + b"), "text/plain"));
    }

    @Test
    void declarationsAndStatementsProduceNoResult() throws Exception {
        assertNull(kernel.eval("int x = 41;"));
        assertNull(kernel.eval("x++;\nSystem.out.print(\"\")"));
        assertNull(kernel.eval("// only a comment"));
        assertEquals("42", data(kernel.eval("x"), "text/plain"));
    }

    @Test
    void methodsClassesAndVariablesLastAcrossCells() throws Exception {
        kernel.eval("int twice(int v) {\n    return 2 * v;\n}\nrecord Point(int x, int y) { }");
        kernel.eval("Point p = new Point(twice(3), 4);");
        assertEquals("Point[x=6, y=4]", data(kernel.eval("p"), "text/plain"));
        kernel.eval("int twice(int v) { return 20 * v; }");   // redefinition wins
        assertEquals("60", data(kernel.eval("twice(3)"), "text/plain"));
    }

    @Test
    void objectWithToHtmlRendersAsHtmlAndText() throws Exception {
        kernel.eval("class Table {\n  public String toHtml() { return \"<table><tr><td>1</td></tr></table>\"; }\n"
                + "  public String toString() { return \"a table\"; }\n}");
        DisplayData d = kernel.eval("new Table()");
        assertEquals("<table><tr><td>1</td></tr></table>", data(d, "text/html"));
        assertEquals("a table", data(d, "text/plain"));
    }

    @Test
    void svgStringRendersAsSvgImage() throws Exception {
        DisplayData d = kernel.eval("String svg = \"<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>\";\nsvg");
        assertEquals("<svg xmlns='http://www.w3.org/2000/svg'><rect width='1' height='1'/></svg>", data(d, "image/svg+xml"));
        assertNull(data(kernel.eval("\"<b>not svg</b>\""), "image/svg+xml"));
        assertNull(data(kernel.eval("\"<svg> but not closed\""), "image/svg+xml"));
    }

    @Test
    void displayDataValueIsShownAsIs() throws Exception {
        kernel.eval("import io.github.spencerpark.jupyter.kernel.display.DisplayData;");
        DisplayData d = kernel.eval("DisplayData d = new DisplayData(\"text\");\nd.putHTML(\"<i>html</i>\");\nd");
        assertEquals("<i>html</i>", data(d, "text/html"));
        assertEquals("text", data(d, "text/plain"));
    }

    @Test
    void displaySendsTheRequestedMimeTypesWithATextFallback() throws Exception {
        kernel.eval("display(\"<svg><circle r='1'/></svg>\", \"image/svg+xml\");\n"
                + "display(\"<p>hi</p>\", \"text/html\");\n"
                + "display(42);");
        assertEquals(3, displayed.size());
        assertEquals("<svg><circle r='1'/></svg>", data(displayed.get(0), "image/svg+xml"));
        assertEquals("<svg><circle r='1'/></svg>", data(displayed.get(0), "text/plain"));
        assertEquals("<p>hi</p>", data(displayed.get(1), "text/html"));
        assertEquals("<p>hi</p>", data(displayed.get(1), "text/plain"));
        assertEquals("42", data(displayed.get(2), "text/plain"));
    }

    @Test
    void kernelInstanceDisplaysDisplayDataLikeIJavaNotebooks() throws Exception {
        DisplayData none = kernel.eval("import io.github.spencerpark.jupyter.kernel.display.DisplayData;\n"
                + "void show(String html, String text) {\n"
                + "    DisplayData d = new DisplayData(text);\n"
                + "    d.putHTML(html);\n"
                + "    getKernelInstance().display(d);\n"
                + "}\n"
                + "show(\"<b>bold</b>\", \"bold\");");
        assertNull(none);
        assertEquals(1, displayed.size());
        assertEquals("<b>bold</b>", data(displayed.get(0), "text/html"));
        assertEquals("bold", data(displayed.get(0), "text/plain"));
    }

    @Test
    void jarsMagicPutsAJarOnTheClassPath() throws Exception {
        Path jar = TestJars.jarWithClass(dir.resolve("lib"), "greeting.jar", "demo.Greeting",
                "package demo; public class Greeting { public static String hello() { return \"hello from a jar\"; } }");
        DisplayData none = kernel.eval("%jars lib/greeting.jar");
        assertNull(none);
        assertEquals("hello from a jar", data(kernel.eval("demo.Greeting.hello()"), "text/plain"));
        assertEquals(jar.toString(), jar.toAbsolutePath().toString());
    }

    @Test
    void classpathMagicTakesGlobsAndRunsBeforeTheCodeOfItsCell() throws Exception {
        TestJars.jarWithClass(dir.resolve("libs"), "one.jar", "demo.One", "package demo; public class One { public static int one() { return 1; } }");
        TestJars.jarWithClass(dir.resolve("libs"), "two.jar", "demo.Two", "package demo; public class Two { public static int two() { return 2; } }");
        DisplayData d = kernel.eval("%classpath libs/*.jar\ndemo.One.one() + demo.Two.two()");
        assertEquals("3", data(d, "text/plain"));
    }

    @Test
    void magicLinesKeepTheLineNumbersOfTheCode() throws Exception {
        TestJars.jarWithClass(dir, "x.jar", "demo.X", "package demo; public class X { }");
        CompilationException e = assertThrows(CompilationException.class, () -> kernel.eval("%jars x.jar\nint ok = 1;\nint bad = nope;"));
        assertEquals(3, e.line());
    }

    @Test
    void unknownMagicAndMissingJarAreClearErrors() {
        MagicException maven = assertThrows(MagicException.class, () -> kernel.eval("%maven org.example:lib:1.0"));
        assertTrue(maven.getMessage().contains("%maven"), maven.getMessage());
        MagicException missing = assertThrows(MagicException.class, () -> kernel.eval("%jars no/such.jar"));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertTrue(missing.getMessage().contains("such.jar"), missing.getMessage());
    }

    @Test
    void compileErrorNamesTheCellLineAndTheCompilerMessage() throws Exception {
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.eval("int a = 1;\n\nString s = \"fine\";\nint b = a + undefinedThing;\nint c = 3;"));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("cell line 4: cannot find symbol"), e.getMessage());
        String tb = String.join("\n", kernel.formatError(e));
        assertTrue(tb.contains("4 | int b = a + undefinedThing;"), tb);
        assertTrue(tb.contains("^^^^^^^^^^^^^^"), tb);
        assertEquals("1", data(kernel.eval("a"), "text/plain"), "snippets before the error ran");
        assertThrows(CompilationException.class, () -> kernel.eval("c"), "snippets after the error did not run");
    }

    @Test
    void compileErrorInsideAMultiLineDeclarationNamesItsOwnLine() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.eval("// helper\nint f(int v) {\n    int w = v * 2;\n    return w + \"x\";\n}"));
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void incompleteCellIsACompileErrorAtTheLineWhereTheSnippetStarts() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> kernel.eval("int a = 1;\nvoid f() {\n    System.out.println(a);\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void runtimeExceptionNamesClassMessageAndCellLine() throws Exception {
        kernel.eval("void fail(String why) {\n    throw new IllegalStateException(why);\n}");
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> kernel.eval("int n = 1;\nn++;\nfail(\"boom\");\nint after = 2;"));
        assertEquals("java.lang.IllegalStateException", e.exceptionClass());
        assertEquals(3, e.line());
        assertEquals("java.lang.IllegalStateException: boom (cell line 3)", e.getMessage());
        List<String> tb = kernel.formatError(e);
        assertEquals("java.lang.IllegalStateException: boom", tb.get(0));
        assertEquals("    at fail(cell 1 line 2)", tb.get(1));
        assertEquals("    at cell line 3", tb.get(2));
        assertFalse(String.join("\n", tb).contains("jdk.jshell"), String.join("\n", tb));
        assertFalse(String.join("\n", tb).contains("dev.candor.notebook"), String.join("\n", tb));
        assertEquals(0, e.getStackTrace().length, "no kernel frames in the reply to Jupyter");
        assertTrue(e.getLocalizedMessage().contains("at fail(cell 1 line 2)"), "nbconvert shows the frames");
    }

    @Test
    void linesCountCommentsBeforeASnippet() throws Exception {
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.eval(
                "int a = 1;\n// a comment\n/* and\n   another */\n\nint b = 10 / (a - 1);"));
        assertEquals(6, e.line(), e.getMessage());
        assertEquals("java.lang.ArithmeticException", e.exceptionClass());
        CompilationException c = assertThrows(CompilationException.class, () -> kernel.eval(
                "int a = 1;\n// a comment\n/* and\n   another */\n\nint b = \"x\";"));
        assertEquals(6, c.line(), c.getMessage());
    }

    @Test
    void runtimeExceptionFromLibraryCodeKeepsTheLibraryFramesAndCauses() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> kernel.eval(
                "List<Integer> list = List.of(1);\n"
                + "try {\n"
                + "    list.add(2);\n"
                + "} catch (UnsupportedOperationException x) {\n"
                + "    throw new RuntimeException(\"wrapped\", x);\n"
                + "}"));
        String tb = String.join("\n", kernel.formatError(e));
        assertEquals(5, e.line(), tb);
        assertTrue(tb.contains("Caused by: java.lang.UnsupportedOperationException"), tb);
        assertTrue(tb.contains("at java.base/java.util.ImmutableCollections"), tb);
        assertTrue(tb.contains("at cell line 3"), tb);
    }

    @Test
    void timeoutStopsAnInfiniteLoopAndTheKernelCarriesOn() throws Exception {
        try (CellEvaluator quick = new CellEvaluator(dir, Duration.ofMillis(700))) {
            CandorKernel k = new CandorKernel(quick, displayed::add);
            long t0 = System.nanoTime();
            EvaluationTimeoutException e = assertThrows(EvaluationTimeoutException.class,
                    () -> k.eval("long spins = 0;\nwhile (true) {\n    spins++;\n}"));
            assertTrue((System.nanoTime() - t0) / 1e9 < 30, "stopped promptly");
            assertTrue(e.getMessage().contains("cell line 2"), e.getMessage());
            assertTrue(e.getMessage().contains("700 ms"), e.getMessage());
            assertEquals("3", data(k.eval("1 + 2"), "text/plain"), "the kernel still evaluates cells");
        } finally {
            kernel = new CandorKernel(evaluator, displayed::add);   // rebind for other tests
        }
    }

    @Test
    void interruptStopsTheRunningCell() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(300);
                while (!done.get()) {   // again and again, in case the first request came before the cell
                    kernel.interrupt();
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();
        EvaluationInterruptedException e;
        try {
            e = assertThrows(EvaluationInterruptedException.class,
                    () -> kernel.eval("int i = 0;\nwhile (i >= 0) { i = (i + 1) % 1000; }"));
        } finally {
            done.set(true);
            interrupter.join();
        }
        assertTrue(e.getMessage().matches("cell line [12]: the cell was interrupted"), e.getMessage());
        assertEquals("ok", data(kernel.eval("\"ok\""), "text/plain"));
    }

    @Test
    void stopRequestedWhileASnippetCompilesStopsItBeforeItRuns() throws Exception {
        try (CellEvaluator quick = new CellEvaluator(dir, Duration.ofMillis(1))) {
            CandorKernel k = new CandorKernel(quick, displayed::add);
            assertThrows(EvaluationTimeoutException.class, () -> k.eval("while (true) { }"));
        } finally {
            kernel = new CandorKernel(evaluator, displayed::add);
        }
    }

    @Test
    void timeoutParsing() {
        assertEquals(Duration.ofSeconds(600), KernelMain.parseTimeout(null));
        assertEquals(Duration.ofSeconds(5), KernelMain.parseTimeout("5"));
        assertEquals(Duration.ofMillis(1500), KernelMain.parseTimeout(" 1.5 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelMain.parseTimeout("ten"));
        assertTrue(e.getMessage().contains(KernelMain.TIMEOUT_ENV));
    }

    @Test
    void languageInfoMatchesTheNotebooksMetadata() {
        var info = kernel.getLanguageInfo();
        assertEquals(Map.of("name", "java", "mimetype", "text/x-java-source", "file_extension", ".jshell", "codemirror", "java"),
                Map.of("name", info.getName(), "mimetype", info.getMimetype(), "file_extension", info.getFileExtension(),
                        "codemirror", String.valueOf(info.getCodemirrorMode())));
    }
}
