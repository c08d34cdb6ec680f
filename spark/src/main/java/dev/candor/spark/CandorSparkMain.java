package dev.candor.spark;

import dev.candor.core.AtomicFiles;
import dev.candor.core.BadInputException;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.UndefinedMetricException;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.DefaultPolicy;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.report.AuditJson;
import dev.candor.report.PolicyJson;
import dev.candor.report.assemble.AuditReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line of candor-spark: {@code audit} over any table Spark reads (Parquet, CSV, ORC, JSON;
 * local paths, HDFS, S3, ...), with the options and the JSON of {@code candor audit}.
 *
 * <pre>
 * spark-submit --class dev.candor.spark.CandorSparkMain candor-spark.jar audit \
 *     --data s3a://bucket/predictions/ --format parquet --label y --prediction p --protected sex ...
 * java -jar candor-spark-all.jar audit --master local[2] --data preds.csv --label y ...
 * </pre>
 *
 * <p>Exit codes as {@code candor}: 0 ok, 1 internal error, 2 bad input, 3 a policy rule breached.
 *
 * @since 0.1.0
 */
@Command(name = "candor-spark", mixinStandardHelpOptions = true, subcommands = {CandorSparkMain.AuditCommand.class, MonitorCommand.class, BenchmarkCommand.class},
        description = "Candor on Apache Spark: fairness audits and window monitoring of prediction tables of any size.")
public final class CandorSparkMain implements Runnable {

    /** Exit code of a breached policy. */
    public static final int EXIT_POLICY_VIOLATION = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Entry point of both jars.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new CandorSparkMain());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            boolean bad = ex instanceof BadInputException || ex instanceof IOException
                    || ex instanceof UncheckedIOException || isAnalysisError(ex);
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + (bad ? "" : "internal error: ")
                    + ex.getMessage());
            line.getErr().flush();
            return bad ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** Spark's analysis errors (no such path, no such column) are the user's input, not Candor's fault. */
    private static boolean isAnalysisError(Throwable ex) {
        return ex.getClass().getName().equals("org.apache.spark.sql.AnalysisException")
                || ex.getClass().getName().startsWith("org.apache.spark.sql.catalyst.ExtendedAnalysisException");
    }

    /** {@code audit}: the group fairness audit of a prediction table, written as the JSON of {@code candor audit}. */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Audits predictions for group fairness on Spark and writes the JSON of candor audit.",
                "Every AIF360 and fairlearn group metric per protected attribute (and intersection),",
                "individual inequality indices, ROC AUC and log loss by group with --score;",
                "with --ci, intervals and tests from the merged group counts."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success, policy passed", "1:internal error", "2:bad input",
                "3:a fairness policy was violated"})
    static final class AuditCommand implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "PATH",
                description = "The predictions: a file or directory Spark can read (local, hdfs://, s3a://, ...).")
        String data;

        @Mixin
        SparkInput input;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Column of true labels.")
        String label;

        @Option(names = "--prediction", required = true, paramLabel = "COLUMN",
                description = "Column of predicted labels.")
        String prediction;

        @Option(names = "--score", paramLabel = "COLUMN",
                description = "Column of scores (probability of the favorable label) for ROC AUC and log loss.")
        String score;

        @Option(names = "--score-bins", defaultValue = "0", paramLabel = "N",
                description = "0 (default): exact ROC AUC from every distinct score; N: a histogram of N score bins "
                        + "over [0, 1] (bounded memory, AUC error at most half the share of pairs in one bin).")
        int scoreBins;

        @Option(names = "--protected", required = true, split = ",", paramLabel = "COLUMN",
                description = "Protected attribute column(s); repeat or separate with commas.")
        List<String> protectedColumns = new ArrayList<>();

        @Option(names = "--privileged", split = ",", paramLabel = "COLUMN=VALUE",
                description = "The privileged value of a protected column, e.g. sex=male; repeat or separate with commas.")
        List<String> privileged = new ArrayList<>();

        @Option(names = "--favorable", paramLabel = "VALUE",
                description = "The favorable label, for labels and predictions alike (default: 1). Given explicitly, "
                        + "every other value is unfavorable; by default a third value is refused.")
        String favorable;

        @Option(names = "--intersectional",
                description = "Also audit the intersection of all protected attributes (values joined with '&').")
        boolean intersectional;

        @Option(names = "--weights", paramLabel = "COLUMN", description = "Column of non-negative instance weights.")
        String weights;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON here; default: standard output.")
        Path json;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
        Path html;

        @Option(names = "--policy", paramLabel = "FILE",
                description = "Policy JSON with metric bounds (as candor audit); a violation gives exit code 3.")
        Path policy;

        @Option(names = "--strict", description = "Fail (exit 2) when any metric is undefined instead of writing null.")
        boolean strict;

        @Option(names = "--ci", description = "Add Wilson intervals of group rates, bootstrap intervals of metrics and "
                + "chi-square / Fisher tests of rate gaps, resampled from the merged group counts (the intervals of "
                + "candor audit --ci for the same seed; not with --weights or --score).")
        boolean ci;

        @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N",
                description = "Bootstrap resamples with --ci (default: ${DEFAULT-VALUE}).")
        int resamples;

        @Option(names = "--level", defaultValue = "0.95", paramLabel = "P",
                description = "Confidence level with --ci (default: ${DEFAULT-VALUE}).")
        double level;

        @Option(names = "--seed", defaultValue = "12345", paramLabel = "SEED",
                description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Map<String, String> priv = new LinkedHashMap<>();
            for (String p : privileged) {
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--privileged: expected COLUMN=VALUE (for example sex=male), got '" + p + "'");
                }
                String col = p.substring(0, eq).trim();
                if (!protectedColumns.contains(col)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--privileged " + p + ": '" + col
                            + "' is not a --protected column " + protectedColumns);
                }
                if (priv.put(col, p.substring(eq + 1).trim()) != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--privileged: column '" + col + "' has more than one privileged value");
                }
            }
            if (intersectional && protectedColumns.size() < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--intersectional needs at least two --protected attributes");
            }
            AuditSpec.Builder b = AuditSpec.builder(label, prediction)
                    .favorable(favorable == null ? "1" : favorable, favorable != null)
                    .weights(weights).scores(score).scoreBins(scoreBins).strict(strict)
                    .parameter("data", data).parameter("format", input.format);
            for (String c : protectedColumns) {
                b.attribute(c, priv.get(c));
            }
            if (intersectional) {
                b.intersection(protectedColumns.toArray(String[]::new));
            }
            AuditSpec auditSpec;
            try {
                auditSpec = b.build();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Bootstrap boot = null;
            if (ci) {
                if (weights != null || score != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--ci on Spark resamples the merged "
                            + "group counts, which needs unweighted rows without scores; drop --weights/--score, or "
                            + "audit on one machine with candor audit --ci");
                }
                try {
                    boot = Bootstrap.builder().resamples(resamples).level(level).seed(seed).build();
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--ci: " + e.getMessage());
                }
            }
            Policy pol = policy == null ? null : PolicyJson.read(policy);
            if (pol != null) {
                List<String> audited = new ArrayList<>(protectedColumns);
                if (intersectional) {
                    audited.add(String.join("&", protectedColumns));
                }
                try {
                    PolicyResult.validate(pol, audited);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(policy + ": " + e.getMessage(), e);
                }
            }
            if (json != null) {
                AtomicFiles.check(json);
            }
            if (html != null) {
                AtomicFiles.check(html);
            }
            AuditResult result;
            List<PerformanceFrame<ClassificationSample>> performance;
            Map<String, BootstrapResult> performanceCi;
            SparkSession session = session();
            try {
                AuditCounts counts = CandorSpark.counts(read(session), auditSpec);
                result = counts.result(auditSpec, boot);
                performance = CandorSpark.performanceFrames(counts, auditSpec);
                performanceCi = boot == null ? Map.of() : counts.performanceIntervals(auditSpec, boot);
            } catch (UndefinedMetricException e) {
                throw new BadInputException(data + ": --strict: " + e.getMessage(), e);
            } finally {
                input.stop(session);
            }
            PolicyResult outcome = pol == null ? null : PolicyResult.evaluate(pol, result);
            String text = AuditJson.toJson(result, outcome, performance, performanceCi);
            PrintWriter out = spec.commandLine().getOut();
            if (html != null) {
                Policy shown = pol == null ? DefaultPolicy.get() : pol;
                String shownName = pol == null ? DefaultPolicy.NAME : policy.getFileName().toString();
                PolicyResult shownCheck = pol == null ? PolicyResult.evaluate(shown, result) : outcome;
                AtomicFiles.writeString(html, AuditReports.of(result, shown, shownName, shownCheck, data, label,
                        favorable == null ? "1" : favorable).toHtml());
            }
            if (json == null) {
                out.print(text);
            } else {
                AtomicFiles.writeString(json, text);
                out.printf("candor-spark audit: %d rows, %d attribute(s) -> %s%n", result.rows(),
                        result.attributes().size(), json);
            }
            out.flush();
            if (outcome != null && !outcome.passed()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("candor-spark audit: fairness policy violated:");
                outcome.violations().forEach(v -> err.println("  " + v.message()));
                err.flush();
                return EXIT_POLICY_VIOLATION;
            }
            return 0;
        }

        private SparkSession session() {
            return input.session("candor-spark audit");
        }

        private Dataset<Row> read(SparkSession session) {
            return input.read(session, data);
        }
    }

    /**
     * @param master the master, or {@code null} for the one spark-submit sets (else local[*])
     * @param app    the application name
     * @return the session
     */
    static SparkSession session(String master, String app) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("spark.master") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:candor-spark-log4j2.properties");
        }
        SparkSession.Builder sb = SparkSession.builder().appName(app);
        if (master != null) {
            sb.master(master).config("spark.ui.enabled", "false");
        } else if (System.getProperty("spark.master") == null) {
            sb.master("local[*]").config("spark.ui.enabled", "false");
        }
        return sb.getOrCreate();
    }

    /**
     * @param session   the session
     * @param format    parquet, csv (header row, all columns text), orc or json
     * @param separator the CSV field separator
     * @param data      the path
     * @return the table
     */
    static Dataset<Row> read(SparkSession session, String format, String separator, String data) {
        DataFrameReader r = session.read().format(format);
        if (format.equals("csv")) {
            r = r.option("header", "true").option("sep", separator).option("inferSchema", "false");
        }
        return r.load(data);
    }
}
