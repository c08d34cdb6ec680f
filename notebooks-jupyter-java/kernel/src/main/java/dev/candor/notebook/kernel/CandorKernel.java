package dev.candor.notebook.kernel;

import java.util.List;
import java.util.function.Consumer;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import dev.candor.notebook.kernel.runtime.NotebookBinding;

/**
 * The Jupyter side of the kernel: basekernel's {@link BaseKernel} handles the protocol (and sends
 * what cell code prints as stream output); cells go to a {@link CellEvaluator}; failures become
 * Jupyter errors; {@code display(...)} calls from cells become display data.
 */
public final class CandorKernel extends BaseKernel implements NotebookBinding.Target {
    /** The kernelspec's display name. */
    public static final String DISPLAY_NAME = "Java " + Runtime.version().feature() + " (Candor notebook kernel, JShell)";

    private final CellEvaluator evaluator;
    private final Consumer<DisplayData> displays;
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("java")
            .build();

    /** A kernel whose displays go to the connected notebook. */
    public CandorKernel(CellEvaluator evaluator) {
        this(evaluator, null);
    }

    /**
     * A kernel whose displays go to {@code displays} instead of a notebook (for tests and embedding);
     * {@code null} sends them to the connected notebook.
     */
    public CandorKernel(CellEvaluator evaluator, Consumer<DisplayData> displays) {
        this.evaluator = evaluator;
        this.displays = displays != null ? displays : super::display;
        NotebookBinding.bind(this);
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        return evaluator.evaluate(code).orElse(null);
    }

    @Override
    public void display(DisplayData data) {
        displays.accept(data);
    }

    @Override
    public void display(Object value) {
        display(ValueRenderer.render(value));
    }

    @Override
    public void display(Object value, String... mimeTypes) {
        display(ValueRenderer.renderAs(value, mimeTypes));
    }

    @Override
    public BaseKernel kernel() {
        return this;
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellException c ? c.traceback() : super.formatError(e);
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        evaluator.close();
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return DISPLAY_NAME + "\nJava " + Runtime.version() + "; magics: %jars, %classpath; display(...), getKernelInstance()";
    }
}
