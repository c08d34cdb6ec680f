package dev.candor.benchmarks;

import dev.candor.monitor.DriftAnalysis;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureKind;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Data drift of 30 synthetic features (20 numeric: normal, log-normal, integer-valued; 10
 * categorical with 3 to 40 labels), reference and current of {@code rows} rows each, the current
 * shifted on a third of the features. {@code defaultTests} runs Evidently's default test per feature
 * (with more than 1000 reference rows: normed Wasserstein for numeric, Jensen–Shannon for categorical),
 * including the preparation (sorting, category coding) and the dataset verdict, on one thread — the
 * same work as {@code benchmarks/python/drift_scipy.py}.
 *
 * <p>Each iteration also prints the CPU time per operation ({@code [cpu ms/op = ...]}): of the
 * benchmark thread with {@code threads = 1}, of the whole process (workers, JIT and GC included)
 * otherwise. On a shared machine wall-clock time grows with the load, CPU time much less.
 * {@code threads} is {@link DriftAnalysis.Builder#threads(int)}: 1 (the default here, the work of the
 * single-threaded Python reference) or more, to see the wall time of features analysed in parallel.
 *
 * <p>Run: {@code taskset -c 1 java -jar benchmarks/target/benchmarks.jar DriftBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class DriftBenchmark {

    static final int NUMERIC = 20;
    static final int CATEGORICAL = 10;

    @Param({"100000", "1000000"})
    public int rows;

    @Param({"1"})
    public int threads;

    private double[][] refNum;
    private double[][] curNum;
    private String[][] refCat;
    private String[][] curCat;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        refNum = new double[NUMERIC][];
        curNum = new double[NUMERIC][];
        for (int f = 0; f < NUMERIC; f++) {
            refNum[f] = numeric(r, f, false);
            curNum[f] = numeric(r, f, f % 3 == 0);
        }
        refCat = new String[CATEGORICAL][];
        curCat = new String[CATEGORICAL][];
        for (int f = 0; f < CATEGORICAL; f++) {
            int k = 3 + 4 * f;
            String[] labels = new String[k];
            for (int i = 0; i < k; i++) {
                labels[i] = "c" + f + "_" + i;
            }
            refCat[f] = categorical(r, labels, false);
            curCat[f] = categorical(r, labels, f % 3 == 0);
        }
    }

    private double[] numeric(SplittableRandom r, int f, boolean shift) {
        double[] x = new double[rows];
        double mu = shift ? 0.3 : 0.0;
        for (int i = 0; i < rows; i++) {
            double g = r.nextGaussian() + mu;
            x[i] = switch (f % 3) {
                case 0 -> g;
                case 1 -> Math.exp(g);
                default -> Math.floor(40 + 10 * g);
            };
        }
        return x;
    }

    private String[] categorical(SplittableRandom r, String[] labels, boolean shift) {
        String[] x = new String[rows];
        for (int i = 0; i < rows; i++) {
            double u = r.nextDouble();
            if (shift) {
                u = u * u;
            }
            x[i] = labels[(int) (u * u * labels.length)];
        }
        return x;
    }

    private CpuPerOp cpu;

    @Setup(Level.Iteration)
    public void resetCpu() {
        cpu = new CpuPerOp(threads > 1);
    }

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.printAndReset();
    }

    private DriftAnalysis.Builder features() {
        DriftAnalysis.Builder b = DriftAnalysis.builder().threads(threads);
        for (int f = 0; f < NUMERIC; f++) {
            b.numeric("n" + f, refNum[f], curNum[f]);
        }
        for (int f = 0; f < CATEGORICAL; f++) {
            b.categorical("c" + f, refCat[f], curCat[f]);
        }
        return b;
    }

    @Benchmark
    public DriftReport defaultTests() {
        cpu.start();
        DriftReport r = features().build().run();
        cpu.stop();
        return r;
    }

    /**
     * Every Evidently test registered for each feature's kind except TVD (whose 1000-split
     * permutation p-value is as slow in any implementation and measures the random generator):
     * ks, t_test, mannw, anderson, cramer_von_mises, es, wasserstein, ed, psi, jensenshannon,
     * kl_div, hellinger on numeric features; chisquare, z, fisher_exact, g_test, psi, jensenshannon,
     * kl_div, hellinger on categorical ones — the work of {@code drift_scipy.py --full}.
     */
    @Benchmark
    public DriftReport[] fullSet() {
        cpu.start();
        // each kind with its own tests (chisquare and z also accept numeric features, over every distinct value)
        DriftAnalysis.Builder num = DriftAnalysis.builder().threads(threads)
                .tests(EnumSet.copyOf(DriftTest.evidentlyTests(FeatureKind.NUMERIC)));
        for (int f = 0; f < NUMERIC; f++) {
            num.numeric("n" + f, refNum[f], curNum[f]);
        }
        EnumSet<DriftTest> catTests = EnumSet.copyOf(DriftTest.evidentlyTests(FeatureKind.CATEGORICAL));
        catTests.remove(DriftTest.TVD);
        DriftAnalysis.Builder cat = DriftAnalysis.builder().threads(threads).tests(catTests);
        for (int f = 0; f < CATEGORICAL; f++) {
            cat.categorical("c" + f, refCat[f], curCat[f]);
        }
        DriftReport[] r = {num.build().run(), cat.build().run()};
        cpu.stop();
        return r;
    }
}
