package dev.candor.benchmarks;

import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Monitoring {@code rows} logged predictions with 30 features (the generators of {@link DriftBenchmark}:
 * 20 numeric, 10 categorical, a third of them shifted) in 20 windows against a reference of one
 * window's size: per window the drift of every feature (Evidently's default test plus KS, PSI,
 * Jensen–Shannon, normed Wasserstein, chi-square), score and label drift, the nine scikit-learn
 * performance metrics, the fairness metrics of one protected attribute and the CBPE estimates (with
 * its calibration decision on the reference), no bootstrap. The same work as
 * {@code benchmarks/python/monitor_scipy.py}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MonitorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MonitorBenchmark {

    static final int WINDOWS = 20;

    @Param({"1000000"})
    public int rows;

    private MonitorData reference;
    private MonitorData current;

    @Setup(Level.Trial)
    public void setUp() {
        int window = rows / WINDOWS;
        List<String> num = new ArrayList<>();
        for (int f = 0; f < DriftBenchmark.NUMERIC; f++) {
            num.add("n" + f);
        }
        List<String> cat = new ArrayList<>();
        for (int f = 0; f < DriftBenchmark.CATEGORICAL; f++) {
            cat.add("c" + f);
        }
        WindowSchema schema = new WindowSchema(num, cat, List.of("group"));
        reference = new MonitorData(schema, rows(new SplittableRandom(42), 0, window, false), null);
        current = new MonitorData(schema, rows(new SplittableRandom(43), window, rows, true), null);
    }

    static List<WindowRow> rows(SplittableRandom r, long first, int n, boolean drift) {
        String[][] labels = new String[DriftBenchmark.CATEGORICAL][];
        for (int f = 0; f < labels.length; f++) {
            labels[f] = new String[3 + 4 * f];
            for (int i = 0; i < labels[f].length; i++) {
                labels[f][i] = "c" + f + "_" + i;
            }
        }
        List<WindowRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[DriftBenchmark.NUMERIC];
            for (int f = 0; f < x.length; f++) {
                double g = r.nextGaussian() + (drift && f % 3 == 0 ? 0.3 : 0.0);
                x[f] = switch (f % 3) {
                    case 0 -> g;
                    case 1 -> Math.exp(g);
                    default -> Math.floor(40 + 10 * g);
                };
            }
            String[] c = new String[DriftBenchmark.CATEGORICAL];
            for (int f = 0; f < c.length; f++) {
                double u = r.nextDouble();
                if (drift && f % 3 == 0) {
                    u = u * u;
                }
                c[f] = labels[f][(int) (u * u * labels[f].length)];
            }
            String group = r.nextDouble() < 0.3 ? "b" : "a";
            double z = 0.8 * x[0] - 0.5 * (group.equals("b") ? 1 : 0) + r.nextGaussian();
            double score = 1 / (1 + Math.exp(-z));
            int label = r.nextDouble() < 1 / (1 + Math.exp(-(0.8 * x[0] + (drift ? 0.5 : 0)))) ? 1 : 0;
            out.add(new WindowRow(first + i, x, c, label, score, score >= 0.5 ? 1 : 0, new String[] {group}));
        }
        return out;
    }

    @Benchmark
    public MonitoringResult monitor() {
        return Monitor.builder(reference).windowing(Windowing.bySize(rows / WINDOWS)).privileged("group", "a")
                .bootstrap(0).build().run(current);
    }
}
