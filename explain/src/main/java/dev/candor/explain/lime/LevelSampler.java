package dev.candor.explain.lime;

import java.util.random.RandomGenerator;

/**
 * Samples one discretized or categorical feature: a level (a bin or a category) drawn from its
 * training frequency, then a value for the model within that level. Immutable.
 *
 * <p>A level is drawn as numpy's {@code choice(values, p=freqs)} does: u uniform in [0, 1), the
 * first level whose cumulative frequency exceeds u (found from a guide table, H. C. Chen and
 * Y. Asau, On generating random variates from an empirical distribution, AIIE Transactions 6, 1974,
 * doi:10.1080/05695557408974949, so that the search rarely branches). A bin's value is its training mean plus its
 * standard deviation times a standard normal truncated to the bin's bounds; see
 * {@link LimeTabular.Builder#referenceCompatibleUndiscretize(boolean)} for the two ways a bin
 * without spread is handled.
 */
final class LevelSampler {

    /** Added to every bin's standard deviation by the reference; used only in compatibility mode. */
    static final double REFERENCE_STD_EPSILON = 1e-11;

    private final int[] levels;        // bin index or category index of each sampled level
    private final double[] cdf;        // cumulative frequencies, last is exactly 1
    private final double[] point;      // value of a point level (NaN for a truncated-normal level)
    private final double[] loc;
    private final double[] scale;
    private final double[] lo;         // clamp bounds (infinite when not clamped)
    private final double[] hi;
    private final TruncatedNormal[] normal;
    private final int[] guide;
    private final boolean allPoints;   // every level is fed as a fixed value (no draw needed)         // guide[k] = first level with cdf > k / GUIDE_SIZE (Chen and Asau, 1974)

    private static final int GUIDE_SIZE = 64;

    private LevelSampler(int[] levels, double[] cdf, double[] point, double[] loc, double[] scale, double[] lo,
                         double[] hi, TruncatedNormal[] normal) {
        this.levels = levels;
        this.cdf = cdf;
        this.point = point;
        this.loc = loc;
        this.scale = scale;
        this.lo = lo;
        this.hi = hi;
        this.normal = normal;
        boolean points = true;
        for (double p : point) {
            points &= !Double.isNaN(p);
        }
        this.allPoints = points;
        this.guide = new int[GUIDE_SIZE];
        int k = 0;
        for (int g = 0; g < GUIDE_SIZE; g++) {
            double u = (double) g / GUIDE_SIZE;
            while (u >= cdf[k]) {
                k++;
            }
            guide[g] = k;
        }
    }

    /**
     * A categorical feature: each category is fed to the model as itself.
     *
     * @param counts training count of each category (all &gt; 0)
     * @param values each category's value
     */
    static LevelSampler categorical(long[] counts, double[] values) {
        int k = counts.length;
        int[] levels = new int[k];
        for (int i = 0; i < k; i++) {
            levels[i] = i;
        }
        return new LevelSampler(levels, cdf(counts), values.clone(), new double[k], new double[k], new double[k],
                new double[k], new TruncatedNormal[k]);
    }

    /**
     * A discretized feature: the observed bins, each fed as a draw within it.
     *
     * @param bins      training statistics of every bin, empty ones included
     * @param reference reproduce the reference's handling of bins whose bounds coincide
     */
    static LevelSampler bins(java.util.List<BinStats> bins, boolean reference) {
        int observed = 0;
        for (BinStats b : bins) {
            if (b.count() > 0) {
                observed++;
            }
        }
        int[] levels = new int[observed];
        long[] counts = new long[observed];
        double[] point = new double[observed];
        double[] loc = new double[observed];
        double[] scale = new double[observed];
        double[] lo = new double[observed];
        double[] hi = new double[observed];
        TruncatedNormal[] normal = new TruncatedNormal[observed];
        int t = 0;
        for (int k = 0; k < bins.size(); k++) {
            BinStats b = bins.get(k);
            if (b.count() == 0) {
                continue;
            }
            levels[t] = k;
            counts[t] = b.count();
            point[t] = Double.NaN;
            if (reference) {
                double std = b.std() + REFERENCE_STD_EPSILON;
                double minz = (b.min() - b.mean()) / std;
                double maxz = (b.max() - b.mean()) / std;
                if (minz == maxz) {
                    point[t] = minz;
                } else {
                    normal[t] = TruncatedNormal.of(minz, maxz);
                    loc[t] = b.mean();
                    scale[t] = std;
                    lo[t] = Double.NEGATIVE_INFINITY;
                    hi[t] = Double.POSITIVE_INFINITY;
                }
            } else if (b.min() == b.max()) {
                point[t] = b.min();
            } else if (b.std() == 0) {
                point[t] = b.mean();
            } else {
                normal[t] = TruncatedNormal.of((b.min() - b.mean()) / b.std(), (b.max() - b.mean()) / b.std());
                loc[t] = b.mean();
                scale[t] = b.std();
                lo[t] = b.min();
                hi[t] = b.max();
            }
            t++;
        }
        return new LevelSampler(levels, cdf(counts), point, loc, scale, lo, hi, normal);
    }

    private static double[] cdf(long[] counts) {
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] cdf = new double[counts.length];
        double run = 0;
        for (int i = 0; i < counts.length; i++) {
            run += counts[i] / total;
            cdf[i] = run;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= run;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    /**
     * All features' level tables in flat arrays, so that the sampling loop reads a few arrays that
     * stay in cache instead of following one object per feature.
     *
     * <p>A level is drawn from one 64-bit word by Walker's alias method (A. J. Walker, An efficient
     * method for generating discrete random variables with general distributions, ACM TOMS 3, 1977,
     * doi:10.1145/355744.355749, with Vose's stable construction, IEEE TSE 17, 1991,
     * doi:10.1109/32.92917): the high 32 bits pick a column uniformly (multiply-shift), the low 32 bits
     * are compared with the column's threshold. A bin's truncated normal is Robert's sampler of
     * {@link TruncatedNormal}, inlined over flat arrays, with its two uniforms of a uniform proposal
     * taken from the two halves of one 64-bit word. The distributions are those of {@link #draw} and
     * {@link #value}; the random stream is consumed differently (so values differ from theirs for the
     * same seed), at 32-bit resolution for these uniforms.
     */
    static final class Table {
        private static final double TWO_M32 = 0x1.0p-32;
        final int[] offset;     // feature j's levels are at offset[j]..offset[j+1]
        final long[] threshold; // alias column c keeps itself when the low 32 bits are below threshold[c]
        final int[] alias;      // global position taken otherwise
        final int[] level;
        final double[] point;   // NaN for a level drawn from a truncated normal
        final double[] loc;
        final double[] scale;
        final double[] lo;
        final double[] hi;
        final int[] method;     // TruncatedNormal method, -1 for a point level
        final double[] a;       // TruncatedNormal bounds after reflection
        final double[] b;
        final double[] sign;
        final double[] alpha;

        Table(LevelSampler[] samplers) {
            int total = 0;
            for (LevelSampler s : samplers) {
                total += s.size();
            }
            offset = new int[samplers.length + 1];
            threshold = new long[total];
            alias = new int[total];
            level = new int[total];
            point = new double[total];
            loc = new double[total];
            scale = new double[total];
            lo = new double[total];
            hi = new double[total];
            method = new int[total];
            a = new double[total];
            b = new double[total];
            sign = new double[total];
            alpha = new double[total];
            int off = 0;
            for (int j = 0; j < samplers.length; j++) {
                LevelSampler s = samplers[j];
                int k = s.size();
                offset[j] = off;
                buildAlias(s.cdf, off, threshold, alias);
                System.arraycopy(s.levels, 0, level, off, k);
                System.arraycopy(s.point, 0, point, off, k);
                System.arraycopy(s.loc, 0, loc, off, k);
                System.arraycopy(s.scale, 0, scale, off, k);
                System.arraycopy(s.lo, 0, lo, off, k);
                System.arraycopy(s.hi, 0, hi, off, k);
                for (int t = 0; t < k; t++) {
                    TruncatedNormal tn = s.normal[t];
                    if (tn == null) {
                        method[off + t] = -1;
                    } else {
                        method[off + t] = tn.method();
                        a[off + t] = tn.a();
                        b[off + t] = tn.b();
                        sign[off + t] = tn.sign();
                        alpha[off + t] = tn.alpha();
                    }
                }
                off += k;
            }
            offset[samplers.length] = off;
        }

        /** Vose's alias construction for the probabilities given by a cumulative table, at global offset off. */
        private static void buildAlias(double[] cdf, int off, long[] threshold, int[] alias) {
            int k = cdf.length;
            double[] q = new double[k];
            for (int t = 0; t < k; t++) {
                q[t] = (cdf[t] - (t == 0 ? 0 : cdf[t - 1])) * k;
            }
            int[] small = new int[k];
            int[] large = new int[k];
            int ns = 0;
            int nl = 0;
            for (int t = 0; t < k; t++) {
                if (q[t] < 1) {
                    small[ns++] = t;
                } else {
                    large[nl++] = t;
                }
            }
            double[] keep = new double[k];
            int[] other = new int[k];
            while (ns > 0 && nl > 0) {
                int sm = small[--ns];
                int lg = large[--nl];
                keep[sm] = q[sm];
                other[sm] = lg;
                q[lg] = (q[lg] + q[sm]) - 1;
                if (q[lg] < 1) {
                    small[ns++] = lg;
                } else {
                    large[nl++] = lg;
                }
            }
            while (nl > 0) {
                int t = large[--nl];
                keep[t] = 1;
                other[t] = t;
            }
            while (ns > 0) { // only rounding leaves a column here
                int t = small[--ns];
                keep[t] = 1;
                other[t] = t;
            }
            for (int t = 0; t < k; t++) {
                threshold[off + t] = keep[t] >= 1 ? 1L << 32 : (long) Math.rint(keep[t] * 0x1.0p32);
                alias[off + t] = off + other[t];
            }
        }

        /** @return the global position of a level drawn for feature j */
        int draw(int j, RandomGenerator rng) {
            int off = offset[j];
            long r = rng.nextLong();
            int c = off + (int) (((r >>> 32) * (offset[j + 1] - off)) >>> 32);
            return (r & 0xFFFFFFFFL) < threshold[c] ? c : alias[c];
        }

        /** @return a value within the level at a global position */
        double value(int k, RandomGenerator rng) {
            int mth = method[k];
            if (mth < 0) {
                return point[k];
            }
            double v = loc[k] + scale[k] * truncatedNormal(k, mth, rng);
            return Math.min(Math.max(v, lo[k]), hi[k]);
        }

        private double truncatedNormal(int k, int mth, RandomGenerator rng) {
            double lower = a[k];
            double upper = b[k];
            switch (mth) {
                case TruncatedNormal.NORMAL: {
                    while (true) {
                        double z = rng.nextGaussian();
                        if (z >= lower && z <= upper) {
                            return z;
                        }
                    }
                }
                case TruncatedNormal.UNIFORM_CENTRAL: {
                    double width = upper - lower;
                    while (true) {
                        long r = rng.nextLong();
                        double z = lower + width * ((r >>> 32) * TWO_M32);
                        double h = 0.5 * z * z;
                        double v = (r & 0xFFFFFFFFL) * TWO_M32;
                        if (v <= 1 - h || v <= Math.exp(-h)) {
                            return z;
                        }
                    }
                }
                case TruncatedNormal.UNIFORM_TAIL: {
                    double width = upper - lower;
                    double a2 = lower * lower;
                    while (true) {
                        long r = rng.nextLong();
                        double z = lower + width * ((r >>> 32) * TWO_M32);
                        double h = 0.5 * (z * z - a2);
                        double v = (r & 0xFFFFFFFFL) * TWO_M32;
                        if (v <= 1 - h || v <= Math.exp(-h)) {
                            return sign[k] * z;
                        }
                    }
                }
                default: {
                    double al = alpha[k];
                    while (true) {
                        double z = lower + rng.nextExponential() / al;
                        if (z > upper) {
                            continue;
                        }
                        double d = z - al;
                        double h = 0.5 * d * d;
                        double v = rng.nextDouble();
                        if (v <= 1 - h || v <= Math.exp(-h)) {
                            return sign[k] * z;
                        }
                    }
                }
            }
        }
    }

    /** @return the number of levels that can be drawn */
    int size() {
        return levels.length;
    }

    /** @return the position (0..size-1) of a drawn level */
    int draw(RandomGenerator rng) {
        double u = rng.nextDouble();
        int k = guide[(int) (u * GUIDE_SIZE)];
        while (u >= cdf[k]) { // cdf[last] == 1 > u ends the scan; the guide makes it rarely step
            k++;
        }
        return k;
    }

    /** @return the bin or category index of the level at a position */
    int level(int position) {
        return levels[position];
    }

    /** @return a value for the model within the level at a position */
    double value(int position, RandomGenerator rng) {
        if (allPoints) {
            return point[position];
        }
        double p = point[position];
        if (!Double.isNaN(p)) {
            return p;
        }
        double v = loc[position] + scale[position] * normal[position].sample(rng);
        return Math.min(Math.max(v, lo[position]), hi[position]);
    }
}
