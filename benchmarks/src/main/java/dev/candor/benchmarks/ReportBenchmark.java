package dev.candor.benchmarks;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Datasets;
import dev.candor.report.Report;
import dev.candor.cli.pipeline.ReportAssembler;
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
 * The whole of {@code candor report} without the file write: split, train, audit with 500 bootstrap
 * resamples, reweigh and retrain, KernelSHAP of 200 test rows, LIME with stability for three rows,
 * and the HTML rendering with every chart. One invocation is one full report, so the mode is
 * single-shot time.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReportBenchmark -f 1 -wi 1 -i 3
 * java -jar benchmarks/target/benchmarks.jar ReportBenchmark -p dataset=german -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ReportBenchmark {

    /** A registered dataset name. */
    @Param({"synthetic-credit"})
    public String dataset;

    private Dataset data;

    /** Loads the dataset once (loading is not part of the measured report). */
    @Setup(Level.Trial)
    public void load() {
        data = Datasets.load(dataset);
    }

    /** @return the HTML page, so the work is not eliminated */
    @Benchmark
    public String fullReport() {
        Report r = ReportAssembler.builder(data).seed(42).build().run();
        return r.toHtml();
    }
}
