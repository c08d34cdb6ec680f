package dev.candor.report.html;

import dev.candor.report.Report;
import dev.candor.report.chart.Chart;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders Candor's Freemarker templates (on the class path under
 * {@code dev/candor/report/templates}) to HTML.
 *
 * <p>The templates use the HTML output format with auto-escaping always on: every string that comes
 * from data (column names, group values, feature labels) is escaped, so a column named
 * {@code <script>alert(1)</script>} shows as text. Only the charts' SVG, which the chart library
 * writes and escapes itself, is inserted without escaping. Templates cannot create Java objects or
 * call the {@code ?api} built-in. Numbers are formatted in the root locale (a dot as the decimal
 * separator), whatever the machine's locale.
 *
 * <p>The configuration is built once; rendering is thread-safe.
 *
 * @since 0.1.0
 */
public final class HtmlRenderer {

    private static final HtmlRenderer INSTANCE = new HtmlRenderer();

    private final Configuration cfg;

    private HtmlRenderer() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(HtmlRenderer.class, "/dev/candor/report/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("0.###");
    }

    /** @return the shared renderer */
    public static HtmlRenderer get() {
        return INSTANCE;
    }

    /**
     * Renders a whole report page.
     *
     * @param report the report
     * @return the HTML page
     */
    public String renderReport(Report report) {
        return renderReport(report, false);
    }

    /**
     * Renders a report as a whole page, or as a fragment to embed in another page (a notebook's
     * output cell): one {@code <div class="candor-report">} with its own style sheet, every rule of
     * which is scoped to that class so it does not restyle the host page.
     *
     * @param report   the report
     * @param fragment true for a fragment, false for a whole page
     * @return the HTML
     */
    public String renderReport(Report report, boolean fragment) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fragment", fragment);
        model.put("r", report.toTree());
        Map<String, Object> charts = new LinkedHashMap<>();
        for (Map.Entry<String, Chart> e : ReportCharts.of(report).entrySet()) {
            charts.put(e.getKey(), chartModel(e.getValue()));
        }
        model.put("charts", charts);
        model.put("min_calibration_rows", dev.candor.report.assemble.AuditSections.MIN_CALIBRATION_BIN_ROWS);
        return render("report.ftlh", model);
    }

    /**
     * Renders one template with a model of maps, lists, strings, numbers and booleans.
     *
     * @param template the template's name, for example {@code report.ftlh}
     * @param model    the data model
     * @return the rendered text
     * @throws IllegalStateException if the template is missing or fails (a programming error)
     */
    public String render(String template, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(template);
            StringWriter out = new StringWriter(1 << 16);
            t.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render template " + template + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> chartModel(Chart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("svg", c.svg());
        m.put("marks", c.marks());
        return m;
    }
}
