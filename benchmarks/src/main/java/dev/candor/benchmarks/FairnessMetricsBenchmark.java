package dev.candor.benchmarks;

import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.BootstrapSample;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ComparisonMethod;
import dev.candor.fairness.CompactColumns;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounter;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.InequalityIndices;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * The full group-fairness metric set for one binary and one five-valued attribute, from primitive
 * arrays: one counting pass, then every rate of every group, every named AIF360/fairlearn metric,
 * the between-groups and to-overall forms of every rate, label metrics and the individual indices.
 * The same work as {@code benchmarks/python/fairness_numpy.py} (one bincount per attribute).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FairnessMetricsBenchmark -f 1 -wi 3 -i 5}.
 * {@code fullMetricSet} (from {@code int[]} columns) and {@code fullMetricSetCompact} (from
 * {@link CompactColumns}) are single-threaded; {@code bootstrap1000} (1,000 resamples of the binary
 * attribute's metrics, exact multinomial over cells) and {@code bootstrap1000WeightedDistinct} (1,000
 * Poisson resamples with a distinct weight per row) use every core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FairnessMetricsBenchmark {

    @Param({"1000000", "10000000"})
    public int rows;

    private int[] yTrue;
    private int[] yPred;
    private GroupAttribute binary;
    private GroupAttribute fiveValued;
    private CompactColumns compact;
    private BootstrapSample sample;
    private BootstrapSample weightedSample;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private long cpuOps;

    @Setup(Level.Iteration)
    public void resetCpu() {
        cpuNanos = 0;
        cpuOps = 0;
    }

    /** CPU time of the benchmark thread per operation: unlike wall time it does not grow while other processes hold the core. */
    @TearDown(Level.Iteration)
    public void printCpu() {
        if (cpuOps > 0) {
            System.out.printf("  [cpu ms/op = %.2f over %d ops]%n", cpuNanos / 1e6 / cpuOps, cpuOps);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        yTrue = new int[rows];
        yPred = new int[rows];
        int[] sex = new int[rows];
        int[] race = new int[rows];
        double[] raceP = {0.6, 0.2, 0.1, 0.07, 0.03};
        for (int i = 0; i < rows; i++) {
            sex[i] = r.nextDouble() < 0.67 ? 1 : 0;
            double u = r.nextDouble();
            int g = 0;
            double acc = raceP[0];
            while (u > acc && g < 4) {
                acc += raceP[++g];
            }
            race[i] = g;
            yTrue[i] = r.nextDouble() < 0.25 + 0.05 * sex[i] ? 1 : 0;
            yPred[i] = r.nextDouble() < (yTrue[i] == 1 ? 0.7 : 0.1) + 0.02 * g ? 1 : 0;
        }
        binary = new GroupAttribute("sex", sex, List.of("Female", "Male"));
        fiveValued = new GroupAttribute("race", race, List.of("White", "Black", "Asian-Pac-Islander",
                "Amer-Indian-Eskimo", "Other"));
        compact = CompactColumns.of(yTrue, yPred, List.of(binary, fiveValued));
        sample = BootstrapSample.of(GroupCounter.count(yTrue, yPred, binary));
        double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            w[i] = 0.5 + r.nextDouble(); // all distinct: the Poisson path
        }
        weightedSample = BootstrapSample.of(yTrue, yPred, w, binary);
    }

    /** Counting pass plus every metric of both attributes. */
    @Benchmark
    public double fullMetricSet() {
        long t0 = CPU.getCurrentThreadCpuTime();
        double acc = metricsOf(GroupCounter.count(yTrue, yPred, null, List.of(binary, fiveValued)));
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuOps++;
        return acc;
    }

    /**
     * The same metric set from {@link CompactColumns} (one byte per label, prediction and group code;
     * both attributes counted from one joint histogram, eight rows per step).
     */
    @Benchmark
    public double fullMetricSetCompact() {
        long t0 = CPU.getCurrentThreadCpuTime();
        double acc = metricsOf(compact.counts());
        cpuNanos += CPU.getCurrentThreadCpuTime() - t0;
        cpuOps++;
        return acc;
    }

    private static double metricsOf(List<GroupCounts> counts) {
        double acc = 0;
        acc += everything(GroupMetrics.of(counts.get(0)).withPrivileged("Male"));
        acc += everything(GroupMetrics.of(counts.get(1)).withPrivileged("White"));
        acc += InequalityIndices.theil(counts.get(0).overall()).value();
        acc += InequalityIndices.generalizedEntropy(counts.get(0).overall(), 2).value();
        acc += InequalityIndices.coefficientOfVariation(counts.get(0).overall()).value();
        acc += InequalityIndices.giniOfBenefits(counts.get(0).overall()).value();
        return acc;
    }

    private static double everything(GroupMetrics gm) {
        double acc = 0;
        for (Rate r : Rate.values()) {
            acc += gm.overall(r).value();
            for (MetricValue v : gm.byGroup(r).values()) {
                acc += v.value();
            }
            for (ComparisonMethod m : ComparisonMethod.values()) {
                acc += gm.difference(r, m).value() + gm.ratio(r, m).value();
            }
        }
        for (Comparison c : gm.metrics().values()) {
            acc += c.value();
        }
        for (Comparison c : gm.labelMetrics().values()) {
            acc += c.value();
        }
        return acc;
    }

    /** 1,000 bootstrap resamples of every named metric of the binary attribute, on all cores. */
    @Benchmark
    public BootstrapResult bootstrap1000() {
        Bootstrap b = Bootstrap.builder().resamples(1000).seed(1).build();
        List<String> names = List.copyOf(GroupMetrics.of(GroupCounter.count(new int[] {0, 1}, new int[] {0, 1},
                new GroupAttribute("sex", new int[] {0, 1}, binary.values()))).withPrivileged("Male").metrics().keySet());
        return b.run(sample, names, c -> {
            GroupMetrics gm = GroupMetrics.of(c).withPrivileged("Male");
            double[] v = new double[names.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = gm.metric(names.get(j)).value();
            }
            return v;
        });
    }

    /** 1,000 resamples with a distinct weight on every row (Poisson bootstrap, O(n) per resample), all cores. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public BootstrapResult bootstrap1000WeightedDistinct() {
        return Bootstrap.builder().resamples(1000).seed(1).build().run(weightedSample, List.of("disparate_impact"),
                c -> new double[] {GroupMetrics.of(c).withPrivileged("Male").metric("disparate_impact").value()});
    }
}
