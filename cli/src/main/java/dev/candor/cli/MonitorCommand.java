package dev.candor.cli;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.datasets.CsvTable;
import dev.candor.datasets.SyntheticCreditStream;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.alert.AlertChannel;
import dev.candor.monitor.alert.Delivery;
import dev.candor.monitor.alert.EmailChannel;
import dev.candor.monitor.alert.PrometheusFileChannel;
import dev.candor.monitor.alert.WebhookChannel;
import dev.candor.monitor.alert.WebhookFormat;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.MonitoringRule;
import dev.candor.monitor.window.WindowResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import dev.candor.report.MonitorHtml;
import dev.candor.report.MonitorJson;
import dev.candor.report.ProfileJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code candor monitor}: watches a log of predictions window by window against a reference period
 * (see {@link Monitor}): data drift per feature, prediction and label drift, performance, fairness per
 * protected attribute, CBPE estimates, and alerts where a monitoring rule's threshold is crossed.
 *
 * <p>Inputs: {@code --reference} and {@code --current} files, or one time-ordered {@code --data} log
 * split by {@code --reference-rows N} or {@code --reference-until DATE} (on {@code --time-column});
 * with none of them, the built-in synthetic drifting credit log ({@link SyntheticCreditStream}).
 * With {@code --reference-profile FILE} (written by {@code candor profile}) and {@code --current},
 * the raw reference is not needed: drift is computed against the profile
 * ({@link dev.candor.monitor.window.MonitorReference#ofProfile}; the monitored features default to
 * the profile's, less the model and time columns), and what a profile cannot give is
 * listed under {@code provenance.parameters."unavailable.*"}. A profile of other features is
 * refused (exit 2), naming both schema fingerprints.
 * Windows: {@code --chunk-size N} rows, or {@code --window 1d|1w|1M|1q} on the time column.
 *
 * <p>The JSON result is written first, atomically; then the channels ({@code --prom},
 * {@code --webhook}, {@code --smtp-host}) are tried and the JSON is rewritten with their outcomes in
 * {@code deliveries}. Last, {@code --html} writes the monitoring report ({@code MonitorHtml}), which
 * lists those outcomes. Exit codes: 0 no rule breached, 3 a rule breached (also when a channel failed),
 * 2 bad input.
 *
 * @since 0.2.0
 */
@Command(name = "monitor",
        mixinStandardHelpOptions = true,
        description = {"Watch a model's prediction log window by window against a reference period: drift, "
                + "performance (estimated without labels), fairness, alerts.",
            "With no input file, monitors the built-in synthetic drifting credit log. Exit code 3 when a rule breaches."})
public final class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", paramLabel = "FILE", description = "The reference period's CSV file.")
    Path reference;

    @Option(names = "--current", paramLabel = "FILE", description = "The CSV file to monitor.")
    Path current;

    @Option(names = "--data", paramLabel = "FILE", description = "One time-ordered CSV log; the reference is its "
            + "first rows (--reference-rows or --reference-until).")
    Path data;

    @Option(names = "--reference-rows", paramLabel = "N", description = "With --data: the first N rows are the reference.")
    Integer referenceRows;

    @Option(names = "--reference-until", paramLabel = "DATE", description = "With --data: rows up to this date "
            + "(inclusive, on --time-column) are the reference.")
    String referenceUntil;

    @Option(names = "--reference-profile", paramLabel = "FILE", description = "A saved reference profile "
            + "(candor profile).")
    Path referenceProfile;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ",",
            converter = DataFileOptions.SeparatorConverter.class,
            description = "The field separator (default: '${DEFAULT-VALUE}').")
    char separator = ',';

    @Option(names = "--time-column", paramLabel = "COLUMN", description = "The timestamp column (ISO-8601).")
    String timeColumn;

    @Option(names = "--window", paramLabel = "1d|1w|1M|1q", description = "Calendar windows on --time-column.")
    String window;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Windows of N rows (default 5000); the last, "
            + "shorter one is kept and flagged incomplete.")
    Integer chunkSize;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The true label (empty where not arrived yet).")
    String label;

    @Option(names = "--favorable", paramLabel = "VALUE", defaultValue = "1",
            description = "The favorable label and prediction value (default: ${DEFAULT-VALUE}).")
    String favorable = "1";

    @Option(names = "--score", paramLabel = "COLUMN", description = "The score P(favorable).")
    String score;

    @Option(names = "--prediction", paramLabel = "COLUMN", description = "The predicted label.")
    String prediction;

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMN", description = "Numeric features to watch.")
    List<String> numeric = new ArrayList<>();

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN", description = "Categorical features to watch.")
    List<String> categorical = new ArrayList<>();

    @CommandLine.Mixin
    ProtectedOptions protectedOptions = new ProtectedOptions();

    @Option(names = "--policy", paramLabel = "FILE", description = "Monitoring rules (drift.share, drift.feature.<f>, "
            + "prediction_drift, performance.<m>, estimated.<m>, fairness.<m>); default: reference band k = 3 on "
            + "every performance, estimated and fairness metric, drift share above 0.5.")
    Path policy;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "model", description = "The model's name in alerts.")
    String model = "model";

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "Bootstrap resamples for fairness intervals, 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap = 200;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "12345",
            description = "Seed of the bootstrap and the calibration split (default: ${DEFAULT-VALUE}).")
    long seed = 12345L;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON ('-': standard output).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the monitoring report, one "
            + "self-contained HTML page (after the JSON and the channels).")
    Path html;

    @Option(names = "--prom", paramLabel = "FILE", description = "Write every watched value as a Prometheus "
            + "text file (node_exporter's textfile collector).")
    Path prom;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST the alerts to this URL.")
    URI webhook;

    @Option(names = "--webhook-format", paramLabel = "candor|alertmanager|slack", defaultValue = "candor",
            description = "The webhook payload (default: ${DEFAULT-VALUE}).")
    String webhookFormat = "candor";

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "E-mail the alerts through this SMTP server "
            + "(credentials from CANDOR_SMTP_USER and CANDOR_SMTP_PASSWORD).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort = 25;

    @Option(names = "--smtp-starttls", description = "Require STARTTLS.")
    boolean smtpStartTls;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", defaultValue = "candor@localhost",
            description = "Sender address (default: ${DEFAULT-VALUE}).")
    String mailFrom = "candor@localhost";

    @Option(names = "--mail-to", split = ",", paramLabel = "ADDRESS", description = "Recipients.")
    List<String> mailTo = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        checkOptions();
        OutputPaths paths = OutputPaths.of();
        if (reference != null) {
            paths.input("--reference", reference).input("--current", current);
        }
        if (referenceProfile != null) {
            paths.input("--reference-profile", referenceProfile).input("--current", current);
        }
        if (data != null) {
            paths.input("--data", data);
        }
        if (policy != null) {
            paths.input("--policy", policy);
        }
        paths.output("--json", json).fileOutput("--prom", prom).fileOutput("--html", html).check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path builtIn = null;
        try {
            if (reference == null && data == null && referenceProfile == null) {
                builtIn = builtIn(err);
            }
            DatasetProfile profile = referenceProfile == null ? null : ProfileJson.read(referenceProfile);
            Inputs in = read(profile);
            List<MonitoringRule> rules = new ArrayList<>();
            if (policy != null) {
                List<String> skipped = new ArrayList<>();
                try {
                    rules.addAll(MonitorJson.readRules(policy, skipped));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage());
                }
                if (!skipped.isEmpty()) {
                    err.println("note: " + policy + ": audit rules " + skipped + " do not apply to monitoring");
                }
            }
            Monitor.Builder b = (profile == null ? Monitor.builder(in.reference)
                    : Monitor.builder(profile, in.current.schema()).score(score))
                    .windowing(windowing()).rules(rules).bootstrap(bootstrap).seed(seed).model(model);
            for (ProtectedOptions.Privileged p : protectedOptions.privileged) {
                if (!protectedOptions.columns.contains(p.column())) {
                    throw new ParameterException(spec.commandLine(), "--privileged " + p + ": '" + p.column()
                            + "' is not a --protected column");
                }
                b.privileged(p.column(), p.value());
            }
            MonitoringResult result;
            try {
                result = b.build().run(in.current);
            } catch (IllegalArgumentException e) {
                if (e instanceof BadInputException) {
                    throw e;
                }
                throw new BadInputException(profile == null ? e.getMessage()
                        : referenceProfile + " vs " + current + ": " + e.getMessage());
            }
            String text = MonitorJson.toJson(result, List.of());
            boolean toStdout = OutputPaths.isStdout(json);
            if (json != null && !toStdout) {
                AtomicFiles.writeString(json, text);
            }
            List<Delivery> deliveries = deliver(result, text, err);
            if (!deliveries.isEmpty()) {
                text = MonitorJson.toJson(result, deliveries);
                if (json != null && !toStdout) {
                    AtomicFiles.writeString(json, text);
                }
            }
            if (html != null) {
                AtomicFiles.writeString(html, MonitorHtml.page(result, deliveries));
            }
            if (toStdout) {
                out.print(text);
            } else {
                summary(out, result, deliveries);
            }
            out.flush();
            return result.breached() ? CandorCli.EXIT_POLICY_VIOLATION : CandorCli.EXIT_OK;
        } finally {
            if (builtIn != null) {
                Files.deleteIfExists(builtIn);
            }
        }
    }

    private void checkOptions() {
        CommandLine cl = spec.commandLine();
        if (referenceProfile != null) {
            if (reference != null || data != null || referenceRows != null || referenceUntil != null) {
                throw new ParameterException(cl, "--reference-profile replaces --reference, --data, --reference-rows "
                        + "and --reference-until");
            }
            if (current == null) {
                throw new ParameterException(cl, "--reference-profile needs --current");
            }
        } else if ((reference == null) != (current == null)) {
            throw new ParameterException(cl, "--reference and --current go together");
        }
        if (reference != null && data != null) {
            throw new ParameterException(cl, "give either --reference/--current or --data, not both");
        }
        if (data != null && (referenceRows == null) == (referenceUntil == null)) {
            throw new ParameterException(cl, "--data needs exactly one of --reference-rows N and --reference-until DATE");
        }
        if (data == null && (referenceRows != null || referenceUntil != null) && reference != null) {
            throw new ParameterException(cl, "--reference-rows and --reference-until split a --data log");
        }
        if (referenceUntil != null && timeColumn == null) {
            throw new ParameterException(cl, "--reference-until needs --time-column");
        }
        if (window != null && chunkSize != null) {
            throw new ParameterException(cl, "give either --window or --chunk-size, not both");
        }
        if (window != null && timeColumn == null && !(reference == null && data == null)) {
            throw new ParameterException(cl, "--window needs --time-column");
        }
        if (chunkSize != null && chunkSize < 1) {
            throw new ParameterException(cl, "--chunk-size must be at least 1, got " + chunkSize);
        }
        if (smtpHost != null && mailTo.isEmpty()) {
            throw new ParameterException(cl, "--smtp-host needs --mail-to");
        }
        if (smtpHost == null && !mailTo.isEmpty()) {
            throw new ParameterException(cl, "--mail-to needs --smtp-host");
        }
        try {
            WebhookFormat.parse(webhookFormat);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--webhook-format: " + e.getMessage());
        }
    }

    /** Writes the built-in log to a temporary file and sets the options that describe it. */
    private Path builtIn(PrintWriter err) throws IOException {
        SyntheticCreditStream s = SyntheticCreditStream.generate();
        Path file = Files.createTempFile("candor-monitor-", ".csv");
        s.writeCsv(file);
        data = file;
        if (timeColumn == null) {
            timeColumn = "ts";
        }
        if (referenceRows == null && referenceUntil == null) {
            referenceRows = s.referenceRows();
        }
        if (window == null && chunkSize == null) {
            window = CalendarPeriod.WEEK.code();
        }
        label = label == null ? "credit" : label;
        score = score == null ? "score" : score;
        prediction = prediction == null ? "prediction" : prediction;
        if (protectedOptions.columns.isEmpty()) {
            protectedOptions.columns.add("sex");
            protectedOptions.privileged.add(new ProtectedOptions.Privileged("sex", "male"));
        }
        err.println("monitoring the built-in " + SyntheticCreditStream.NAME + " (" + s.rows() + " rows, seed "
                + s.seed() + "; reference = the first " + referenceRows + " rows, windows " + window + ")");
        return file;
    }

    private Windowing windowing() {
        if (window != null) {
            try {
                return Windowing.byPeriod(CalendarPeriod.parse(window));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--window: " + e.getMessage());
            }
        }
        return Windowing.bySize(chunkSize == null ? 5000 : chunkSize);
    }

    private record Inputs(MonitorData reference, MonitorData current) {
    }

    private Inputs read(DatasetProfile profile) throws IOException {
        List<CsvTable> tables = new ArrayList<>();
        if (profile != null) {
            tables.add(CsvTable.read(current, separator));
        } else if (data != null) {
            tables.add(CsvTable.read(data, separator));
        } else {
            tables.add(CsvTable.read(reference, separator));
            tables.add(CsvTable.read(current, separator));
        }
        for (CsvTable t : tables) {
            if (t.rows() == 0) {
                throw new BadInputException(t.file() + ": no data rows");
            }
            for (String c : new String[] {label, score, prediction, timeColumn}) {
                if (c != null) {
                    FeatureColumns.requireColumn(t, t.file(), c);
                }
            }
            for (String c : protectedOptions.columns) {
                FeatureColumns.requireColumn(t, t.file(), c);
            }
        }
        if (score == null && prediction == null) {
            throw new ParameterException(spec.commandLine(), "give --score or --prediction (or both)");
        }
        List<String> num = numeric;
        List<String> cat = categorical;
        Map<String, Boolean> features;
        if (num.isEmpty() && cat.isEmpty() && profile != null) {
            // the profile's features, as profiled, except the model and time columns
            List<String> n = new ArrayList<>();
            List<String> c = new ArrayList<>();
            profile.features().forEach((name, f) -> {
                if (!java.util.Arrays.asList(label, score, prediction, timeColumn).contains(name)) {
                    (f.kind() == FeatureKind.NUMERIC ? n : c).add(name);
                }
            });
            features = FeatureColumns.select(n, c, tables);
        } else if (num.isEmpty() && cat.isEmpty()) {
            List<String> names = new ArrayList<>(tables.get(0).header());
            names.removeAll(java.util.Arrays.asList(label, score, prediction, timeColumn));
            List<String> n = new ArrayList<>();
            List<String> c = new ArrayList<>();
            for (String name : names) {
                boolean allNumbers = true;
                for (CsvTable t : tables) {
                    FeatureColumns.requireColumn(t, t.file(), name);
                    allNumbers = allNumbers && FeatureColumns.allNumbers(t, name);
                }
                (allNumbers ? n : c).add(name);
            }
            features = FeatureColumns.select(n, c, tables);
        } else {
            features = FeatureColumns.select(num, cat, tables);
        }
        List<String> nNames = new ArrayList<>();
        List<String> cNames = new ArrayList<>();
        features.forEach((k, v) -> (v ? nNames : cNames).add(k));
        WindowSchema schema = new WindowSchema(nNames, cNames, protectedOptions.columns);
        if (profile != null) {
            CsvTable t = tables.get(0);
            List<String> ts = timeColumn == null ? null : java.util.Arrays.asList(FeatureColumns.strings(t,
                    timeColumn));
            return new Inputs(null, new MonitorData(schema, rows(t, schema), ts));
        }
        if (data != null) {
            CsvTable t = tables.get(0);
            List<WindowRow> rows = rows(t, schema);
            List<String> ts = timeColumn == null ? null : java.util.Arrays.asList(FeatureColumns.strings(t,
                    timeColumn));
            int split = referenceRows != null ? referenceRows : until(t, ts);
            if (split < 1 || split >= rows.size()) {
                throw new BadInputException(data + ": the reference would hold " + split + " of " + rows.size()
                        + " rows; it needs at least one and must leave rows to monitor");
            }
            return new Inputs(new MonitorData(schema, rows.subList(0, split), ts == null ? null : ts.subList(0, split)),
                    new MonitorData(schema, rows.subList(split, rows.size()), ts == null ? null
                            : ts.subList(split, rows.size())));
        }
        List<String> rts = timeColumn == null ? null : java.util.Arrays.asList(FeatureColumns.strings(tables.get(0),
                timeColumn));
        List<String> cts = timeColumn == null ? null : java.util.Arrays.asList(FeatureColumns.strings(tables.get(1),
                timeColumn));
        return new Inputs(new MonitorData(schema, rows(tables.get(0), schema), rts),
                new MonitorData(schema, rows(tables.get(1), schema), cts));
    }

    private int until(CsvTable t, List<String> ts) {
        LocalDate last;
        try {
            last = LocalDate.parse(referenceUntil.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--reference-until: '" + referenceUntil
                    + "' is not a date such as 2014-03-31");
        }
        for (int i = 0; i < ts.size(); i++) {
            LocalDate d;
            try {
                d = Windowing.parse(ts.get(i), i);
            } catch (IllegalArgumentException e) {
                throw t.error(i, timeColumn, e.getMessage());
            }
            if (d.isAfter(last)) {
                return i;
            }
        }
        return ts.size();
    }

    private List<WindowRow> rows(CsvTable t, WindowSchema schema) {
        double[][] num = new double[schema.numeric().size()][];
        for (int j = 0; j < num.length; j++) {
            num[j] = FeatureColumns.numbers(t, schema.numeric().get(j));
        }
        String[][] cat = new String[schema.categorical().size()][];
        for (int j = 0; j < cat.length; j++) {
            cat[j] = FeatureColumns.strings(t, schema.categorical().get(j));
        }
        String[][] groups = new String[schema.protectedAttributes().size()][];
        for (int j = 0; j < groups.length; j++) {
            groups[j] = FeatureColumns.strings(t, schema.protectedAttributes().get(j));
        }
        double[] scores = score == null ? null : FeatureColumns.numbers(t, score);
        int lc = label == null ? -1 : t.column(label);
        int pc = prediction == null ? -1 : t.column(prediction);
        List<WindowRow> rows = new ArrayList<>(t.rows());
        for (int i = 0; i < t.rows(); i++) {
            double[] n = new double[num.length];
            for (int j = 0; j < n.length; j++) {
                n[j] = num[j][i];
            }
            String[] c = new String[cat.length];
            for (int j = 0; j < c.length; j++) {
                c[j] = cat[j][i];
            }
            String[] g = new String[groups.length];
            for (int j = 0; j < g.length; j++) {
                g[j] = groups[j][i];
                if (g[j] == null) {
                    throw t.error(i, schema.protectedAttributes().get(j), "missing protected attribute value");
                }
            }
            double s = scores == null ? Double.NaN : scores[i];
            if (scores != null && !(s >= 0 && s <= 1)) {
                throw t.error(i, score, "score " + t.value(i, t.column(score)) + " is not a probability in [0, 1]");
            }
            rows.add(new WindowRow(i, n, c, binary(t, i, lc), s, binary(t, i, pc), g));
        }
        return rows;
    }

    private int binary(CsvTable t, int row, int column) {
        if (column < 0) {
            return WindowRow.MISSING;
        }
        String v = t.value(row, column);
        if (v.isEmpty()) {
            return WindowRow.MISSING;
        }
        return v.equals(favorable) ? 1 : 0;
    }

    private List<Delivery> deliver(MonitoringResult result, String text, PrintWriter err) {
        List<AlertChannel> channels = new ArrayList<>();
        if (prom != null) {
            channels.add(new PrometheusFileChannel(prom));
        }
        if (webhook != null) {
            try {
                channels.add(WebhookChannel.builder(webhook).format(WebhookFormat.parse(webhookFormat)).build());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--webhook: " + e.getMessage());
            }
        }
        if (smtpHost != null) {
            try {
                channels.add(EmailChannel.builder(smtpHost, smtpPort).startTls(smtpStartTls).from(mailFrom).to(mailTo)
                        .credentialsFromEnvironment("CANDOR_SMTP_USER", "CANDOR_SMTP_PASSWORD").build());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--smtp-host: " + e.getMessage());
            }
        }
        AlertChannel.MonitoringRun run = new AlertChannel.MonitoringRun(model, result.alerts(), result.samples(), text);
        List<Delivery> out = new ArrayList<>();
        for (AlertChannel c : channels) {
            Delivery d = c.deliver(run);
            out.add(d);
            if (!d.ok()) {
                err.println("delivery failed: " + d.channel() + " " + d.target() + " after " + d.attempts()
                        + " attempt(s): " + d.error());
            }
        }
        return out;
    }

    private static void summary(PrintWriter out, MonitoringResult r, List<Delivery> deliveries) {
        out.printf(Locale.ROOT, "reference: %d rows; %d windows (%s); CBPE calibration: %s%n", r.referenceRows(),
                r.windows().size(), r.windowing(), r.provenance().parameters().containsKey("unavailable.cbpe")
                        ? "unavailable (reference profile)" : r.calibration().needsCalibration() ? "isotonic"
                        : "none needed");
        r.provenance().parameters().forEach((k, v) -> {
            if (k.startsWith("unavailable.")) {
                out.printf(Locale.ROOT, "  not computed: %s: %s%n", k.substring("unavailable.".length()), v);
            }
        });
        for (WindowResult w : r.windows()) {
            out.printf(Locale.ROOT, "  %-16s %6d rows%s  drift share %s  accuracy %s  estimated %s  alerts %d%n",
                    w.window().key(), w.window().rows(), w.window().complete() ? "" : " (incomplete)",
                    fmt(w.watched().get("drift_share")), fmt(w.watched().get("accuracy")),
                    fmt(w.watched().get("estimated.accuracy")), w.alerts().size());
        }
        out.printf(Locale.ROOT, "%d alert(s)%s%n", r.alerts().size(), r.breached() ? " - a rule breached (exit 3)" : "");
        r.alerts().stream().limit(10).forEach(a -> out.println("  [" + a.severity().key() + "] " + a.rule() + ": "
                + a.describe()));
        if (r.alerts().size() > 10) {
            out.println("  ... " + (r.alerts().size() - 10) + " more in the JSON");
        }
        for (Delivery d : deliveries) {
            out.println("delivery " + d.channel() + " " + d.target() + ": " + (d.ok() ? "ok" : "FAILED: " + d.error())
                    + " (" + d.attempts() + " attempt(s))");
        }
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
