package dev.candor.report;

import dev.candor.core.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.candor.core.CandorVersion;
import dev.candor.report.html.HtmlRenderer;
import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.MitigationSection;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.RegressionSection;
import dev.candor.report.sections.SummarySection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fairness and explainability report: one immutable document with up to eight sections
 * (summary, data, performance by group or, for a regressor, errors by group, fairness, mitigation,
 * explanations, methods), rendered as
 * one self-contained HTML page (inline CSS and SVG charts, no scripts, no network fetches) and as
 * JSON with the same numbers.
 *
 * <p>The HTML is rendered from the JSON tree itself, so every number shown in the page is a number
 * of the JSON (rounded for display). Undefined values are {@code null} in JSON and shown as "—"
 * with their reason. Sections other than the summary are optional; a report made from a
 * predictions file, for example, has no mitigation or explanation section.
 *
 * <pre>{@code
 * Report r = Report.builder().summary(summary).data(data).fairness(fairness).methods(methods).build();
 * r.writeHtml(Path.of("report.html"));
 * String json = r.toJson();
 * }</pre>
 *
 * <p>Reports built by the command line come from {@link dev.candor.cli.pipeline.ReportAssembler}, which trains the model,
 * computes every section and returns the report.
 *
 * @since 0.1.0
 */
public final class Report {

    private final SummarySection summary;
    private final DataSection data;
    private final PerformanceSection performance;
    private final RegressionSection regression;
    private final FairnessSection fairness;
    private final MitigationSection mitigation;
    private final ExplanationSection explanations;
    private final MethodsSection methods;
    private final Instant createdAt;

    private Report(Builder b) {
        this.summary = Objects.requireNonNull(b.summary, "summary (every report needs a summary)");
        this.data = b.data;
        this.performance = b.performance;
        this.regression = b.regression;
        this.fairness = b.fairness;
        this.mitigation = b.mitigation;
        this.explanations = b.explanations;
        this.methods = b.methods;
        this.createdAt = b.createdAt == null ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : b.createdAt;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the summary (never null) */
    public SummarySection summary() {
        return summary;
    }

    /** @return the data section, or null */
    public DataSection data() {
        return data;
    }

    /** @return the performance section, or null */
    public PerformanceSection performance() {
        return performance;
    }

    /** @return the error metrics and residuals of a regressor by group, or null for a classifier */
    public RegressionSection regression() {
        return regression;
    }

    /** @return the fairness section, or null */
    public FairnessSection fairness() {
        return fairness;
    }

    /** @return the mitigation section, or null */
    public MitigationSection mitigation() {
        return mitigation;
    }

    /** @return the explanation section, or null */
    public ExplanationSection explanations() {
        return explanations;
    }

    /** @return the methods section, or null */
    public MethodsSection methods() {
        return methods;
    }

    /** @return when the report was made */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return true if every protected attribute passes the policy */
    public boolean passed() {
        return summary.passed();
    }

    /** The JSON document: the sections plus the Candor version and the creation time. */
    private record Document(String candorVersion, String createdAt, SummarySection summary, DataSection data,
                            PerformanceSection performance, RegressionSection regression, FairnessSection fairness, MitigationSection mitigation,
                            ExplanationSection explanations, MethodsSection methods) {
    }

    private Document document() {
        return new Document(CandorVersion.get(), createdAt.toString(), summary, data, performance, regression, fairness,
                mitigation, explanations, methods);
    }

    /**
     * @return the report as a JSON tree of maps, lists, strings, numbers, booleans and nulls (the
     *         model the HTML template renders)
     */
    public Map<String, Object> toTree() {
        return ReportJson.MAPPER.convertValue(document(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** @return the report as indented JSON (snake_case keys; undefined numbers are null) */
    public String toJson() {
        try {
            return ReportJson.MAPPER.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the report to JSON: " + e.getMessage(), e);
        }
    }

    /** @return the report as one self-contained HTML page */
    public String toHtml() {
        return HtmlRenderer.get().renderReport(this);
    }

    /**
     * @return the report as an HTML fragment for embedding (a notebook cell): a single
     *         {@code <div class="candor-report">} whose style sheet is scoped to it
     */
    public String toHtmlFragment() {
        return HtmlRenderer.get().renderReport(this, true);
    }

    /** @return a short plain-text summary (for terminals and notebook text output) */
    public String toText() {
        return TextSummary.of(this);
    }

    /**
     * The report for a notebook: an HTML fragment and plain text, by MIME type (IJava's
     * {@code display(...)} and other front ends pick the richest one they can show).
     *
     * @return {@code text/html} and {@code text/plain} renderings
     */
    public Map<String, String> mimeBundle() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/html", toHtmlFragment());
        m.put("text/plain", toText());
        return m;
    }

    /**
     * Writes the HTML page atomically.
     *
     * @param path the file
     * @throws UncheckedIOException if it cannot be written (the message names the path)
     */
    public void writeHtml(Path path) {
        write(path, null);
    }

    /**
     * Writes the JSON atomically.
     *
     * @param path the file
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeJson(Path path) {
        write(null, path);
    }

    /**
     * Writes the HTML page and the JSON together: both are rendered and staged first, so either
     * both files are replaced or neither is.
     *
     * @param html the HTML file, or null for none
     * @param json the JSON file, or null for none
     * @throws UncheckedIOException if a file cannot be written
     */
    public void write(Path html, Path json) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (json != null) {
            files.put(json, toJson().getBytes(StandardCharsets.UTF_8));
        }
        if (html != null) {
            files.put(html, toHtml().getBytes(StandardCharsets.UTF_8));
        }
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return toText();
    }

    /** Collects the sections of a report. */
    public static final class Builder {
        private SummarySection summary;
        private DataSection data;
        private PerformanceSection performance;
        private RegressionSection regression;
        private FairnessSection fairness;
        private MitigationSection mitigation;
        private ExplanationSection explanations;
        private MethodsSection methods;
        private Instant createdAt;

        private Builder() {
        }

        /** @param s the summary (required) @return this */
        public Builder summary(SummarySection s) {
            this.summary = s;
            return this;
        }

        /** @param s the data section @return this */
        public Builder data(DataSection s) {
            this.data = s;
            return this;
        }

        /** @param s the errors of a regressor by group @return this */
        public Builder regression(RegressionSection s) {
            this.regression = s;
            return this;
        }

        /** @param s the performance section @return this */
        public Builder performance(PerformanceSection s) {
            this.performance = s;
            return this;
        }

        /** @param s the fairness section @return this */
        public Builder fairness(FairnessSection s) {
            this.fairness = s;
            return this;
        }

        /** @param s the mitigation section @return this */
        public Builder mitigation(MitigationSection s) {
            this.mitigation = s;
            return this;
        }

        /** @param s the explanation section @return this */
        public Builder explanations(ExplanationSection s) {
            this.explanations = s;
            return this;
        }

        /** @param s the methods section @return this */
        public Builder methods(MethodsSection s) {
            this.methods = s;
            return this;
        }

        /** @param t the creation time to record (default: now) @return this */
        public Builder createdAt(Instant t) {
            this.createdAt = t;
            return this;
        }

        /**
         * @return the report
         * @throws NullPointerException if no summary was given
         */
        public Report build() {
            return new Report(this);
        }
    }
}
