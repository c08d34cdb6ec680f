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
     * stay in cache instead of following one object per feature. Draws consume the random stream
     * exactly as {@link #draw} followed by {@link #value} do, so the output is the same.
     */
    static final class Table {
        private static final int G = GUIDE_SIZE;
        final int[] guide;      // feature j's guide at j*G, holding global level positions
        final double[] cdf;
        final int[] level;
        final double[] point;   // NaN for a level drawn from a truncated normal
        final double[] loc;
        final double[] scale;
        final double[] lo;
        final double[] hi;
        final TruncatedNormal[] normal;

        Table(LevelSampler[] samplers) {
            int total = 0;
            for (LevelSampler s : samplers) {
                total += s.size();
            }
            guide = new int[samplers.length * G];
            cdf = new double[total];
            level = new int[total];
            point = new double[total];
            loc = new double[total];
            scale = new double[total];
            lo = new double[total];
            hi = new double[total];
            normal = new TruncatedNormal[total];
            int off = 0;
            for (int j = 0; j < samplers.length; j++) {
                LevelSampler s = samplers[j];
                int k = s.size();
                for (int g = 0; g < G; g++) {
                    guide[j * G + g] = off + s.guide[g];
                }
                System.arraycopy(s.cdf, 0, cdf, off, k);
                System.arraycopy(s.levels, 0, level, off, k);
                System.arraycopy(s.point, 0, point, off, k);
                System.arraycopy(s.loc, 0, loc, off, k);
                System.arraycopy(s.scale, 0, scale, off, k);
                System.arraycopy(s.lo, 0, lo, off, k);
                System.arraycopy(s.hi, 0, hi, off, k);
                System.arraycopy(s.normal, 0, normal, off, k);
                off += k;
            }
        }

        /** @return the global position of a level drawn for feature j */
        int draw(int j, RandomGenerator rng) {
            double u = rng.nextDouble();
            int k = guide[j * G + (int) (u * G)];
            while (u >= cdf[k]) {
                k++;
            }
            return k;
        }

        /** @return a value within the level at a global position */
        double value(int k, RandomGenerator rng) {
            double p = point[k];
            if (p == p) {
                return p;
            }
            double v = loc[k] + scale[k] * normal[k].sample(rng);
            return Math.min(Math.max(v, lo[k]), hi[k]);
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
