package dev.candor.benchmarks;

import dev.candor.core.SharedData;
import dev.candor.explain.Model;
import dev.candor.explain.lime.LimeExplanation;
import dev.candor.explain.lime.LimeTabular;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to explain one German-credit row with LIME on one thread: the golden logistic-regression
 * model ({@code golden/explain/german_model.json}; by default in the form the Python references are
 * given, see {@link GermanLogistic}), the 1000 training rows, 24 features, quartile
 * bins, 5000 samples, all features in the surrogate — the settings of the reference measurement
 * (lime 0.2.0.1's {@code explain_instance}: about 15 ms per row on this machine).
 *
 * <p>{@code explainRow} cycles through the 10 golden explained rows; {@code modelOnly} times just the
 * model on a 5000-row batch, to show how much of a row is spent outside the model.
 *
 * <p>As the benchmark machine may be shared, {@code explainRow} also measures the CPU time of the
 * benchmark thread ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime()}) and prints
 * {@code cpu us/row} after every iteration, split into the model's calls and LIME's own work (sampling,
 * kernel, moments, ridge); it does not grow when other processes compete for the cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class LimeBenchmark {

    /** Neighbourhood size. */
    @Param({"5000"})
    public int numSamples;

    /** How the logistic model is evaluated ({@link GermanLogistic}: as the Python references, or the golden files' way). */
    @Param({"FOLDED"})
    public GermanLogistic.Form model;

    private LimeTabular lime;
    private double[][] rows;
    private double[][] batch;
    private Model logistic;
    private int next;

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private long modelNanos;
    private long cpuRows;

    /** Starts the CPU-time count of an iteration. */
    @Setup(Level.Iteration)
    public void resetCpu() {
        cpuNanos = 0;
        modelNanos = 0;
        cpuRows = 0;
    }

    /** Prints the CPU time per explained row of the iteration. */
    @TearDown(Level.Iteration)
    public void printCpu() {
        if (cpuRows > 0) {
            System.out.printf("  [cpu us/row = %.1f (model %.1f, own %.1f) over %d rows]%n", cpuNanos / 1e3 / cpuRows,
                    modelNanos / 1e3 / cpuRows, (cpuNanos - modelNanos) / 1e3 / cpuRows, cpuRows);
        }
    }

    /** Loads the model, the training data and the explained rows. */
    @Setup
    public void setup() throws IOException {
        GermanLogistic german = GermanLogistic.load();
        logistic = german.model(model);
        Path data = SharedData.datasetsDir().orElseThrow().resolve("german/german.data-numeric");
        double[][] training = Files.readAllLines(data).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] t = s.split("\\s+");
                    double[] row = new double[24];
                    for (int j = 0; j < 24; j++) {
                        row[j] = Double.parseDouble(t[j]);
                    }
                    return row;
                }).toArray(double[][]::new);
        List<String> lines = Files.readAllLines(SharedData.golden("explain/german_explain_rows.csv"));
        rows = lines.stream().skip(1).filter(s -> !s.isBlank())
                .map(s -> java.util.Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        german.checkForms(training);
        Model timed = xs -> {
            long t0 = CPU.getCurrentThreadCpuTime();
            double[] out = logistic.predict(xs);
            modelNanos += CPU.getCurrentThreadCpuTime() - t0;
            return out;
        };
        lime = LimeTabular.builder(timed, training).numSamples(numSamples).seed(7L).numFeatures(24).threads(1).build();
        batch = new double[numSamples][];
        for (int i = 0; i < numSamples; i++) {
            batch[i] = training[i % training.length];
        }
    }

    /** @return the explanation of the next golden row (time per row) */
    @Benchmark
    public LimeExplanation explainRow() {
        double[] x = rows[next];
        next = (next + 1) % rows.length;
        long t0 = CPU.getCurrentThreadCpuTime();
        LimeExplanation e = lime.explain(x, next);
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuRows++;
        return e;
    }

    /** @return the model's outputs on one neighbourhood-sized batch */
    @Benchmark
    public double[] modelOnly() {
        return logistic.predict(batch);
    }
}
