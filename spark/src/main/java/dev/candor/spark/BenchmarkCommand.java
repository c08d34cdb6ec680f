package dev.candor.spark;

import dev.candor.fairness.audit.Audit;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code candor-spark benchmark}: times the distributed audit of synthetic predictions generated
 * inside Spark (no input files, so the figure is the audit's, not a reader's), beside the
 * single-machine audit of as many rows generated in memory, and prints rows per second per core and
 * the resulting estimate for a larger table on a larger cluster.
 *
 * <p>The synthetic rows: {@code sex} (2 values, 45 % female), {@code race} (5 values), a score
 * uniform on [0, 1], a label drawn with probability equal to the score, and a prediction
 * {@code score + 0.05·[male] ≥ 0.5} (a biased model). Both audits read the two attributes and their
 * intersection, and the scores (Spark: a histogram of {@code --score-bins} bins; single machine: the
 * exact ROC sweep).
 *
 * <p>The estimate assumes the per-row cost measured here and a linear scale-out: the shuffle of an
 * audit carries one small buffer per partition (counts per group and a score histogram), so it does
 * not grow with the rows.
 *
 * @since 0.1.0
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Times the Spark audit of synthetic rows beside the single-machine audit.")
final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000000", paramLabel = "N", description = "Rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--score-bins", defaultValue = "1000", paramLabel = "N",
            description = "Score histogram bins of the Spark audit (default: ${DEFAULT-VALUE}).")
    int scoreBins;

    @Option(names = "--single-machine", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Also time the single-machine audit of as many rows (default: ${DEFAULT-VALUE}).")
    boolean singleMachine;

    @Option(names = "--estimate-rows", defaultValue = "1e10", paramLabel = "N", description = "Rows of the estimate (default: ${DEFAULT-VALUE}).")
    double estimateRows;

    @Option(names = "--estimate-cores", defaultValue = "100", paramLabel = "N", description = "Cores of the estimate (default: ${DEFAULT-VALUE}).")
    int estimateCores;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:candor-spark-log4j2.properties");
        }
        SparkSession spark = SparkSession.builder().appName("candor-spark benchmark").master(master)
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            int cores = spark.sparkContext().defaultParallelism();
            AuditSpec auditSpec = AuditSpec.builder("y", "pred").attribute("sex", "male").attribute("race", "White")
                    .intersection("sex", "race").scores("score").scoreBins(scoreBins).build();
            Dataset<Row> data = synthetic(spark, rows);
            CandorSpark.audit(synthetic(spark, Math.min(rows, 100_000)), auditSpec); // warm-up: classes, JIT
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            long audited = CandorSpark.audit(data, auditSpec).rows();
            double sparkSeconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - c0) / 1e9;
            double perCore = audited / cpuSeconds;
            out.printf(Locale.ROOT, "spark %s: %d rows in %.2f s wall, %.2f s CPU = %.3g rows per CPU-second "
                    + "(generation of the rows included; %d cores)%n", master, audited, sparkSeconds, cpuSeconds,
                    perCore, cores);
            if (singleMachine) {
                singleMachine(out);
            }
            double estimate = estimateRows / (perCore * estimateCores);
            out.printf(Locale.ROOT, "estimate: %.3g rows on %d cores at %.3g rows per CPU-second: %.0f s (%.1f min), "
                    + "shuffle: one buffer of counts per partition%n", estimateRows, estimateCores, perCore, estimate,
                    estimate / 60);
            out.flush();
        } finally {
            spark.stop();
        }
        return 0;
    }

    /**
     * The CPU time of the whole process (every thread, Spark's executors included in local mode), which
     * a machine shared with other work does not inflate the way it inflates wall time.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Synthetic predictions from Spark's own hash of the row id: deterministic, generated in the executors. */
    static Dataset<Row> synthetic(SparkSession spark, long n) {
        Column id = functions.col("id");
        Column u = functions.pmod(functions.hash(id, functions.lit(3)), functions.lit(1_000_003)).divide(1_000_003.0);
        Column female = functions.pmod(functions.hash(id, functions.lit(1)), functions.lit(100)).lt(45);
        Column race = functions.element_at(functions.array(functions.lit("White"), functions.lit("Black"),
                functions.lit("Asian-Pac-Islander"), functions.lit("Amer-Indian-Eskimo"), functions.lit("Other")),
                functions.pmod(functions.hash(id, functions.lit(2)), functions.lit(5)).plus(1));
        Column draw = functions.pmod(functions.hash(id, functions.lit(4)), functions.lit(1000)).divide(1000.0);
        return spark.range(n)
                .withColumn("score", u)
                .withColumn("sex", functions.when(female, "female").otherwise("male"))
                .withColumn("race", race)
                .withColumn("y", functions.when(draw.lt(functions.col("score")), 1).otherwise(0))
                .withColumn("pred", functions.when(functions.col("score")
                        .plus(functions.when(female, 0.0).otherwise(0.05)).geq(0.5), 1).otherwise(0));
    }

    private void singleMachine(PrintWriter out) {
        int n = (int) Math.min(rows, Integer.MAX_VALUE - 8);
        SplittableRandom r = new SplittableRandom(7);
        String[] races = {"White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"};
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        String[] sex = new String[n];
        String[] race = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            boolean female = r.nextInt(100) < 45;
            sex[i] = female ? "female" : "male";
            race[i] = races[r.nextInt(5)];
            y[i] = r.nextDouble() < s[i] ? 1 : 0;
            p[i] = s[i] + (female ? 0 : 0.05) >= 0.5 ? 1 : 0;
        }
        Audit audit = Audit.builder(y, p).attribute("sex", sex, "male").attribute("race", race, "White")
                .intersection("sex", "race").scores(s).build();
        audit.run(); // warm-up
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        long audited = audit.run().rows();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - c0) / 1e9;
        out.printf(Locale.ROOT, "single machine: %d rows in %.2f s wall, %.2f s CPU = %.3g rows per CPU-second "
                + "(exact ROC sweep)%n", audited, seconds, cpu, audited / cpu);
        out.flush();
    }
}
