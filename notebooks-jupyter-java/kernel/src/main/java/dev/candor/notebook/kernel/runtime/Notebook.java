package dev.candor.notebook.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.BaseKernel;

/**
 * What cell code can call unqualified (every cell starts with {@code import static} of this class),
 * the same calls as IJava's runtime so notebooks run on either kernel:
 * <pre>{@code
 * display(chart.svg(), "image/svg+xml");   // an SVG chart
 * display(html, "text/html");              // an HTML fragment
 * display(report);                         // rendered like a cell's value (toHtml(), SVG, text)
 * getKernelInstance().display(displayData);
 * }</pre>
 */
public final class Notebook {
    private Notebook() {
    }

    /**
     * Shows {@code value} in the notebook now, rendered as a cell's last expression would be: a
     * {@code DisplayData} as is, an object with a public {@code toHtml()} as HTML, an SVG document as
     * an image, anything else as text.
     */
    public static void display(Object value) {
        NotebookBinding.current().display(value);
    }

    /**
     * Shows {@code value} in the notebook now as each of the given MIME types (for example
     * {@code "text/html"} or {@code "image/svg+xml"}), with its {@code toString()} as the plain-text
     * fallback. With no MIME type it is the same as {@link #display(Object)}.
     */
    public static void display(Object value, String... mimeTypes) {
        NotebookBinding.current().display(value, mimeTypes);
    }

    /** The running kernel, for {@code getKernelInstance().display(DisplayData)}. */
    public static BaseKernel getKernelInstance() {
        return NotebookBinding.current().kernel();
    }
}
