package dev.candor.benchmarks;

import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import java.util.List;
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
 * The classification metric set of {@code dev.candor.fairness.performance} (accuracy, balanced
 * accuracy, precision, recall, specificity, F1, F2, Matthews, kappa, ROC AUC, average precision, log
 * loss, Brier, ECE) from primitive arrays: {@code overall} on all rows, {@code byBinaryGroup} overall
 * and per group of a two-valued attribute with every aggregate. The same work as
 * {@code benchmarks/python/performance_numpy.py}. Single-threaded; each iteration also prints the
 * benchmark thread's CPU time per operation ({@code [cpu ms/op = ...]}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PerformanceMetricsBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PerformanceMetricsBenchmark {

    @Param({"10000000"})
    public int rows;

    private int[] yTrue;
    private int[] yPred;
    private double[] scores;
    private GroupAttribute sex;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        yTrue = new int[rows];
        yPred = new int[rows];
        scores = new double[rows];
        int[] s = new int[rows];
        for (int i = 0; i < rows; i++) {
            s[i] = r.nextDouble() < 0.67 ? 1 : 0;
            yTrue[i] = r.nextDouble() < 0.3 ? 1 : 0;
            double z = (yTrue[i] == 1 ? 1.0 : -1.0) + r.nextGaussian() * 1.2;
            scores[i] = 1 / (1 + Math.exp(-z));
            yPred[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        sex = new GroupAttribute("sex", s, List.of("Female", "Male"));
    }

    private final CpuPerOp cpu = new CpuPerOp(false);

    @TearDown(Level.Iteration)
    public void printCpu() {
        cpu.printAndReset();
    }

    @Benchmark
    public double overall() {
        cpu.start();
        ClassificationSample sample = ClassificationSample.of(yTrue, yPred, scores, null);
        double acc = 0;
        for (ClassificationMetric m : ClassificationMetric.values()) {
            MetricValue v = m.compute(sample);
            acc += v.value();
        }
        cpu.stop();
        return acc;
    }

    @Benchmark
    public Object byBinaryGroup() {
        cpu.start();
        ClassificationSample sample = ClassificationSample.of(yTrue, yPred, scores, null);
        PerformanceFrame<ClassificationSample> f = PerformanceFrame.of(sample, sex,
                List.of(ClassificationMetric.values()));
        Object out = f.derived();
        cpu.stop();
        return out;
    }
}
