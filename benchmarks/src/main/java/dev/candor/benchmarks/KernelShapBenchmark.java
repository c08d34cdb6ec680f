package dev.candor.benchmarks;

import dev.candor.core.SharedData;
import dev.candor.explain.Background;
import dev.candor.explain.Model;
import dev.candor.explain.shap.CoalitionSampling;
import dev.candor.explain.shap.KernelShap;
import dev.candor.explain.shap.ShapExplanations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KernelSHAP on the golden German-credit logistic model ({@code golden/explain/german_model.json},
 * 24 features; by default in the form shap and the numpy floor are given, {@code -p model=GOLDEN} for
 * the golden files' own evaluation, see {@link GermanLogistic}), background = the 50 golden background
 * rows, nsamples 2048, explaining rows 100..199 of {@code german.data-numeric}. All times are per
 * explained row.
 *
 * <ul>
 *   <li>{@code explainOneThread}: {@code explainAll} of the 100 rows on one thread (default settings:
 *       each distinct coalition row evaluated once).</li>
 *   <li>{@code explainOneThreadAllRows}: the same with {@code deduplicateRows(false)}, i.e. all
 *       2048 x 50 + 1 model rows per explanation, as shap evaluates.</li>
 *   <li>{@code modelPerRow}: the model alone, ns per model row, on a hot batch of the explainer's
 *       batch size. Times the model rows per explained row (printed in setup: about 45,900 with
 *       distinct rows, 102,401 without) it gives the model time of one explanation, and explain /
 *       model is the explainer's overhead.</li>
 *   <li>{@code explainThreads}: {@code explainAll} with {@code threads} workers, for scaling.</li>
 * </ul>
 * The reference: shap 0.51.0's KernelExplainer on this work, timed by {@code benchmarks/python/kernelshap_shap.py}
 * ({@code benchmarks/headline.sh --shap PYTHON} runs both on one core): about 28 ms per row on the 2-core machine.
 *
 * <p>{@code explainOneThread} times the model's own calls too (thread CPU time inside {@code predict}),
 * so each iteration prints the model time and Candor's own time (everything else) per row, and their
 * ratio, from the same run.
 *
 * <p>Because the benchmark machine may be shared, the one-thread benchmarks also measure the CPU time
 * of the benchmark thread ({@link ThreadMXBean#getCurrentThreadCpuTime()}) and print
 * {@code cpu ms/row} at the end of every iteration: unlike wall-clock time it does not grow when
 * other processes compete for the cores, so the explain / model ratio stays readable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KernelShapBenchmark {

    static final int ROWS = 100;
    /** Rows whose model batches are recorded for the model-only benchmarks (memory bound). */
    static final int RECORDED = 10;

    @Param({"1", "2"})
    public int threads;

    /** The coalition sampling scheme (the default, Leverage SHAP, or shap's). */
    @Param({"LEVERAGE"})
    public CoalitionSampling sampling;

    /** How the logistic model is evaluated ({@link GermanLogistic}: as the Python references, or the golden files' way). */
    @Param({"FOLDED"})
    public GermanLogistic.Form model;

    /** The explainer's largest model batch ({@code maxBatchRows}). */
    @Param({"16384"})
    public int batch;

    Model logistic;
    Background background;
    double[][] rows;
    KernelShap oneThread;
    KernelShap oneThreadAllRows;
    KernelShap multi;
    double[][] hotBatch;
    double modelRowsPerExplanation;
    double modelRowsPerExplanationAllRows;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    long cpuNanos;
    long cpuRows;
    /** CPU time spent inside the model's predict during {@code explainOneThread}. */
    long modelNanos;

    @Setup(Level.Iteration)
    public void resetCpu() {
        cpuNanos = 0;
        cpuRows = 0;
        modelNanos = 0;
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        if (cpuRows > 0) {
            System.out.printf("  [cpu ms/row = %.3f (%.1f ns/row) over %d rows]%n", cpuNanos / 1e6 / cpuRows,
                    (double) cpuNanos / cpuRows, cpuRows);
            if (modelNanos > 0) {
                System.out.printf("  [of which model %.3f ms/row, own %.3f ms/row, own / model = %.2f]%n",
                        modelNanos / 1e6 / cpuRows, (cpuNanos - modelNanos) / 1e6 / cpuRows,
                        (double) (cpuNanos - modelNanos) / modelNanos);
            }
        }
    }

    static double[][] csv(Path p, int skip, int from, int to, String sep, int cols) throws IOException {
        List<String> lines = Files.readAllLines(p);
        double[][] out = new double[to - from][cols];
        for (int i = from; i < to; i++) {
            String[] f = lines.get(i + skip).trim().split(sep);
            for (int j = 0; j < cols; j++) {
                out[i - from][j] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    @Setup(Level.Trial)
    public void setup() {
        try {
            GermanLogistic german = GermanLogistic.load();
            logistic = german.model(model);
            background = Background.of(csv(SharedData.golden("explain/german_background.csv"), 1, 0, 50, ",", 24));
            Path data = SharedData.datasetsDir().orElseThrow(() -> new IllegalStateException(
                    "datasets directory not found: set CANDOR_DATA")).resolve("german/german.data-numeric");
            rows = csv(data, 0, 100, 100 + ROWS, "\\s+", 24);
            german.checkForms(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Model timed = batch -> {
            long t0 = CPU.getCurrentThreadCpuTime();
            double[] p = logistic.predict(batch);
            modelNanos += CPU.getCurrentThreadCpuTime() - t0;
            return p;
        };
        oneThread = KernelShap.builder(timed, background).nsamples(2048).seed(1L).threads(1).maxBatchRows(batch)
                .sampling(sampling).build();
        multi = KernelShap.builder(logistic, background).nsamples(2048).seed(1L).threads(threads)
                .sampling(sampling).build();
        oneThreadAllRows = KernelShap.builder(logistic, background).nsamples(2048).seed(1L).threads(1)
                .sampling(sampling).deduplicateRows(false).build();
        modelRowsPerExplanation = record(true);
        modelRowsPerExplanationAllRows = record(false);
    }

    /**
     * Counts the model rows per explained row over the first {@value #RECORDED} rows and keeps the first
     * batch of an explanation (contents copied) as the hot batch of {@link #modelPerRow()}.
     */
    private double record(boolean dedup) {
        List<double[][]> batches = new ArrayList<>();
        long[] total = {0, 0};
        Model recorder = batch -> {
            total[1]++;
            if (total[1] > 1) {
                total[0] += batch.length; // the first call is the background evaluation made by build()
            }
            if (total[1] == 2) {
                double[][] copy = new double[batch.length][];
                for (int i = 0; i < batch.length; i++) {
                    copy[i] = batch[i].clone();
                }
                batches.add(copy);
            }
            return logistic.predict(batch);
        };
        KernelShap.builder(recorder, background).nsamples(2048).seed(1L).threads(1).maxBatchRows(batch)
                .sampling(sampling).deduplicateRows(dedup).build()
                .explainAll(java.util.Arrays.copyOf(rows, RECORDED));
        if (dedup) {
            hotBatch = batches.get(0);
        }
        double perRow = (double) total[0] / RECORDED;
        System.out.printf("%n  [deduplicateRows=%s: %.1f model calls, %.1f model rows per explained row]%n", dedup,
                (total[1] - 1) / (double) RECORDED, perRow);
        return perRow;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShapExplanations explainOneThread() {
        long t0 = CPU.getCurrentThreadCpuTime();
        ShapExplanations e = oneThread.explainAll(rows);
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuRows += ROWS;
        return e;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShapExplanations explainOneThreadAllRows() {
        long t0 = CPU.getCurrentThreadCpuTime();
        ShapExplanations e = oneThreadAllRows.explainAll(rows);
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuRows += ROWS;
        return e;
    }

    /**
     * The model alone, per model row, on a hot batch of the explainer's batch size (the first batch an
     * explanation passes to the model): multiply by the model rows per explained row (printed in
     * setup) for the model time of one explanation.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(16384)
    public double modelPerRow() {
        long t0 = CPU.getCurrentThreadCpuTime();
        double[] p = logistic.predict(hotBatch);
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuRows += hotBatch.length;
        return p[p.length - 1];
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShapExplanations explainThreads() {
        return multi.explainAll(rows);
    }
}
