package dev.candor.fairness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Seeded, parallel percentile bootstrap of any statistics computed from group counts.
 *
 * <p>Resample {@code b} (b = 0..B−1) draws n rows with replacement using a random stream derived
 * from {@code (seed, b)} only (a SplitMix64 mix), so the output is bit-for-bit identical for any
 * number of threads. Resamples are drawn exactly and cheaply as described in
 * {@link BootstrapSample}. For each statistic the interval is the ((1−level)/2, (1+level)/2)
 * percentile pair of its resampled values, with linear interpolation between order statistics
 * (numpy's default, Hyndman–Fan type 7); resamples where the statistic is undefined are left out and
 * counted in {@link BootstrapResult#undefinedResamples()}. If every resample is undefined the interval
 * is NaN.
 *
 * <p>This is the interval "of our sample" (Efron and Tibshirani, An Introduction to the Bootstrap,
 * 1993, ch. 13): it describes sampling noise, not bias.
 *
 * @since 0.1.0
 */
public final class Bootstrap {

    /** The default seed. */
    public static final long DEFAULT_SEED = 12345L;

    private final int resamples;
    private final double level;
    private final long seed;
    private final int threads;

    private Bootstrap(Builder b) {
        this.resamples = b.resamples;
        this.level = b.level;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    /** @return a builder with 1000 resamples, level 0.95, seed {@value #DEFAULT_SEED}, all cores */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of resamples */
    public int resamples() {
        return resamples;
    }

    /** @return the confidence level */
    public double level() {
        return level;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * @param sample    what to resample
     * @param names     the statistics' names
     * @param statistic computes the statistics (one value per name, NaN when undefined) from counts;
     *                  must be thread-safe
     * @return the intervals
     */
    public BootstrapResult run(BootstrapSample sample, List<String> names,
                               Function<GroupCounts, double[]> statistic) {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(statistic, "statistic");
        return collect(names, b -> statistic.apply(sample.resample(Sampling.stream(seed, b))), sample.method());
    }

    /**
     * Bootstrap of statistics that need the rows themselves (ROC AUC, log loss, regression errors, whose
     * values are not functions of group counts): resample {@code b} draws {@code rows} row indices
     * uniformly with replacement from the random stream of {@code (seed, b)} (the same stream
     * {@link #run} uses), sorts them ascending, and passes them to {@code statistic}. Intervals are the
     * same type-7 percentiles as {@link #run}; NaN values are left out and counted.
     *
     * @param rows      the number of rows, {@code >= 1}
     * @param names     the statistics' names
     * @param statistic computes the statistics (one value per name, NaN when undefined) from the
     *                  resampled row indices (ascending, with repeats); must be thread-safe
     * @return the intervals; {@link BootstrapResult#method()} is {@code row-resampling}
     * @throws IllegalArgumentException if rows is below 1
     */
    public BootstrapResult runRows(int rows, List<String> names, Function<int[], double[]> statistic) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        Objects.requireNonNull(statistic, "statistic");
        return collect(names, b -> statistic.apply(resampledRows(rows, b)), "row-resampling");
    }

    /**
     * The row indices of resample {@code b} of {@link #runRows}, for checking a statistic against
     * the same resamples computed another way.
     *
     * @param rows the number of rows
     * @param b    the resample, in [0, resamples)
     * @return the indices, ascending
     */
    public int[] resampledRows(int rows, int b) {
        java.util.SplittableRandom r = Sampling.stream(seed, b);
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = r.nextInt(rows);
        }
        Arrays.sort(idx);
        return idx;
    }

    private BootstrapResult collect(List<String> names, java.util.function.IntFunction<double[]> resample,
                                    String method) {
        int m = names.size();
        double[][] values = new double[m][resamples];
        Runnable work = () -> IntStream.range(0, resamples).parallel().forEach(b -> {
            double[] v = resample.apply(b);
            if (v.length != m) {
                throw new IllegalStateException("statistic returned " + v.length + " values for " + m + " names");
            }
            for (int j = 0; j < m; j++) {
                values[j][b] = v[j];
            }
        });
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("bootstrap failed", c);
        } finally {
            pool.shutdown();
        }
        Map<String, ConfidenceInterval> intervals = new LinkedHashMap<>();
        Map<String, Integer> undefined = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            double[] v = Arrays.stream(values[j]).filter(x -> !Double.isNaN(x)).sorted().toArray();
            undefined.put(names.get(j), resamples - v.length);
            double lo = percentile(v, (1 - level) / 2);
            double hi = percentile(v, (1 + level) / 2);
            intervals.put(names.get(j), new ConfidenceInterval(lo, hi, level, "bootstrap-percentile"));
        }
        return new BootstrapResult(intervals, undefined, resamples, level, seed, method);
    }

    /** Type-7 percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Options of a {@link Bootstrap}. */
    public static final class Builder {
        private int resamples = 1000;
        private double level = 0.95;
        private long seed = DEFAULT_SEED;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * @param b number of resamples, >= 1
         * @return this builder
         */
        public Builder resamples(int b) {
            if (b < 1) {
                throw new IllegalArgumentException("resamples must be >= 1, got " + b);
            }
            this.resamples = b;
            return this;
        }

        /**
         * @param l confidence level in (0, 1)
         * @return this builder
         */
        public Builder level(double l) {
            if (!(l > 0 && l < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1), got " + l);
            }
            this.level = l;
            return this;
        }

        /**
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param t number of worker threads, >= 1 (results do not depend on it)
         * @return this builder
         */
        public Builder threads(int t) {
            if (t < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + t);
            }
            this.threads = t;
            return this;
        }

        /** @return the bootstrap */
        public Bootstrap build() {
            return new Bootstrap(this);
        }
    }
}
