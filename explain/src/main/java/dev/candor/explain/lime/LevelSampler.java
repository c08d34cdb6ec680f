package dev.candor.explain.lime;

import java.util.Arrays;
import java.util.SplittableRandom;
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
     * All features' level tables in flat arrays, with the hot sampling loop, so that drawing a
     * neighbourhood reads a few arrays that stay in cache instead of following one object per feature.
     *
     * <p>A level is drawn from one 64-bit word by Walker's alias method (A. J. Walker, An efficient
     * method for generating discrete random variables with general distributions, ACM TOMS 3, 1977,
     * doi:10.1145/355744.355749, with Vose's stable construction, IEEE TSE 17, 1991,
     * doi:10.1109/32.92917): the high 32 bits pick a column uniformly (multiply-shift), the low 32 bits
     * are compared with the column's threshold.
     *
     * <p>A bin's truncated normal is cut at build time into {@link #CELLS} cells of equal probability
     * (its quantiles at 1/CELLS, 2/CELLS, ..., from the closed-form CDF; see
     * {@link TruncatedNormal#equalMassCuts}). A value takes one more 64-bit word: its top
     * {@link #CELL_BITS} bits pick a cell uniformly, the next 32 bits a uniform point u in the cell, and
     * the low 24 bits a uniform v compared with the cell's squeeze, the ratio of the normal density's
     * minimum to its maximum over the cell: below it (most draws: the ratio is above 0.9 in nearly every
     * cell) u is accepted at once. Otherwise the exact test v ≤ φ(u)/max φ is completed with a fresh
     * double and, if it fails, a new point of the same cell is proposed. Cells whose ratio is below
     * one half (the outermost cells of a bin reaching into a tail) draw from {@link TruncatedNormal}
     * on the cell instead. Every draw is an exact sample of the bin's truncated normal, up to
     * floating-point error in the cut points and 2⁻³² resolution within a cell; a bin whose
     * probability under the normal is too small to cut accurately is drawn by {@link TruncatedNormal}
     * as a whole. Point levels (categories, bins without spread) are single cells that are always
     * accepted, and a feature with only point levels takes no second word.
     */
    static final class Table {
        /** log2 of the number of equal-probability cells of a truncated-normal bin. */
        static final int CELL_BITS = 8;
        /** Cells per truncated-normal bin. */
        static final int CELLS = 1 << CELL_BITS;
        private static final int SQUEEZE_BITS = 24;
        private static final int ALWAYS = 1 << SQUEEZE_BITS;
        private static final double TWO_M32 = 0x1.0p-32;
        private static final double TWO_M24 = 0x1.0p-24;
        /** A cell whose density ratio is below this draws from {@link TruncatedNormal} on the cell. */
        private static final double UNIFORM_PROPOSAL_FLOOR = 0.5;

        final int[] offset;     // feature j's levels are at offset[j]..offset[j+1]
        // alias column c keeps itself when the low 32 bits of a word are below aliasEntry[c] >>> 32,
        // else it takes the global position (int) aliasEntry[c]
        private final long[] aliasEntry;
        final int[] level;
        private final int[] cellOf;       // first cell of each level << CELL_BITS | (CELLS - 1, or 0 for one cell)
        private final double[] pointValue; // the value of a point level (NaN for a drawn one)
        private final double[] cellData;  // per cell: lower bound, width and squeeze, side by side
        private final double[] cellLo;    // cell bounds in the model's units
        private final double[] cellHi;
        private final int[] squeeze;      // accept at once when the low 24 bits are below this
        private final double[] zLo;       // cell bounds in standard units (for the exact test)
        private final double[] zWidth;
        private final double[] peakHalfSq; // z²/2 at the cell's point nearest 0
        private final TruncatedNormal[] cellNormal; // non-null: draw the cell by Robert's sampler
        private final double[] cellLoc;
        private final double[] cellScale;
        private final int[] drawnFeatures;  // features with a truncated-normal level
        // Features whose levels are all points are drawn in groups of up to GROUP, one alias draw over
        // the product of their levels per group (the features are independent, so the joint
        // probability of an entry is the product of its levels' frequencies).
        private final int[] groupSize;
        private final int[] groupMember;    // GROUP slots per group
        private final int[] jointOffset;    // group g's entries are at jointOffset[g]..jointOffset[g+1]
        private final long[] jointEntry;     // as aliasEntry
        private final int[] entryPos;       // GROUP slots per entry: each member's global level position

        Table(LevelSampler[] samplers) {
            int total = 0;
            int cells = 0;
            for (LevelSampler s : samplers) {
                total += s.size();
                for (int t = 0; t < s.size(); t++) {
                    cells += s.normal[t] == null ? 1 : CELLS;
                }
            }
            offset = new int[samplers.length + 1];
            long[] threshold = new long[total];
            int[] alias = new int[total];
            level = new int[total];
            cellOf = new int[total];
            pointValue = new double[total];
            cellLo = new double[cells];
            cellHi = new double[cells];
            squeeze = new int[cells];
            zLo = new double[cells];
            zWidth = new double[cells];
            peakHalfSq = new double[cells];
            cellNormal = new TruncatedNormal[cells];
            cellLoc = new double[cells];
            cellScale = new double[cells];
            int off = 0;
            int cell = 0;
            int points = 0;
            boolean[] pointOnly = new boolean[samplers.length];
            for (int j = 0; j < samplers.length; j++) {
                LevelSampler s = samplers[j];
                int k = s.size();
                offset[j] = off;
                buildAlias(probabilities(s.cdf), off, threshold, alias);
                System.arraycopy(s.levels, 0, level, off, k);
                pointOnly[j] = true;
                for (int t = 0; t < k; t++) {
                    int pos = off + t;
                    cellOf[pos] = cell << CELL_BITS;
                    pointValue[pos] = s.point[t];
                    TruncatedNormal tn = s.normal[t];
                    if (tn == null) {
                        cellLo[cell] = s.point[t];
                        cellHi[cell] = s.point[t];
                        squeeze[cell] = ALWAYS;
                        cell++;
                        continue;
                    }
                    pointOnly[j] = false;
                    double[] cuts = TruncatedNormal.equalMassCuts(tn.lower(), tn.upper(), CELLS);
                    if (cuts == null) {
                        cuts = new double[] {tn.lower(), tn.upper()};
                    } else {
                        cellOf[pos] |= CELLS - 1;
                    }
                    for (int c = 0; c + 1 < cuts.length; c++) {
                        setCell(cell++, cuts[c], cuts[c + 1], cuts.length == 2 ? tn : null,
                                s.loc[t], s.scale[t], s.lo[t], s.hi[t]);
                    }
                }
                if (pointOnly[j]) {
                    points++;
                }
                off += k;
            }
            offset[samplers.length] = off;
            drawnFeatures = new int[samplers.length - points];
            int[] pointFeatures = new int[points];
            int p = 0;
            int d = 0;
            for (int j = 0; j < samplers.length; j++) {
                if (pointOnly[j]) {
                    pointFeatures[p++] = j;
                } else {
                    drawnFeatures[d++] = j;
                }
            }
            int[] sizes = new int[points];
            int groups = 0;
            int entries = 0;
            for (int t = 0; t < points; groups++) {
                int size = 1;
                int product = samplers[pointFeatures[t]].size();
                while (size < GROUP && t + size < points
                        && product * samplers[pointFeatures[t + size]].size() <= MAX_JOINT_ENTRIES) {
                    product *= samplers[pointFeatures[t + size]].size();
                    size++;
                }
                sizes[groups] = size;
                entries += product;
                t += size;
            }
            groupSize = Arrays.copyOf(sizes, groups);
            groupMember = new int[groups * GROUP];
            jointOffset = new int[groups + 1];
            long[] jointThreshold = new long[entries];
            int[] jointAlias = new int[entries];
            entryPos = new int[entries * GROUP];
            int first = 0;
            int e0 = 0;
            for (int g = 0; g < groups; g++) {
                int size = groupSize[g];
                int product = 1;
                for (int t = 0; t < size; t++) {
                    groupMember[g * GROUP + t] = pointFeatures[first + t];
                    product *= samplers[pointFeatures[first + t]].size();
                }
                double[] prob = new double[product];
                for (int e = 0; e < product; e++) {
                    double q = 1;
                    int rest = e;
                    for (int t = size - 1; t >= 0; t--) { // mixed radix, last member fastest
                        int j = pointFeatures[first + t];
                        int k = samplers[j].size();
                        int local = rest % k;
                        rest /= k;
                        q *= probabilities(samplers[j].cdf)[local];
                        entryPos[(e0 + e) * GROUP + t] = offset[j] + local;
                    }
                    prob[e] = q;
                }
                jointOffset[g] = e0;
                buildAlias(prob, e0, jointThreshold, jointAlias);
                e0 += product;
                first += size;
            }
            jointOffset[groups] = e0;
            aliasEntry = pack(threshold, alias);
            jointEntry = pack(jointThreshold, jointAlias);
            cellData = new double[3 * cells];
            for (int c = 0; c < cells; c++) {
                double width = cellHi[c] - cellLo[c];
                while (cellLo[c] + width > cellHi[c]) { // lo + width·u never passes hi
                    width = Math.nextDown(width);
                }
                cellData[3 * c] = cellLo[c];
                cellData[3 * c + 1] = width;
                cellData[3 * c + 2] = squeeze[c];
            }
        }

        /** Threshold (at most 2³² − 1: a full column's alias is itself) and alias in one word per column. */
        private static long[] pack(long[] threshold, int[] alias) {
            long[] packed = new long[threshold.length];
            for (int c = 0; c < packed.length; c++) {
                packed[c] = Math.min(threshold[c], 0xFFFFFFFFL) << 32 | alias[c];
            }
            return packed;
        }

        /** Point features drawn together, at most. */
        private static final int GROUP = 3;
        /** Entries of a joint alias table, at most (a larger product is split into smaller groups). */
        private static final int MAX_JOINT_ENTRIES = 64;

        private static double[] probabilities(double[] cdf) {
            double[] p = new double[cdf.length];
            for (int t = 0; t < cdf.length; t++) {
                p[t] = cdf[t] - (t == 0 ? 0 : cdf[t - 1]);
            }
            return p;
        }

        /** One cell [z0, z1] of a bin in standard units, fed as loc + scale·z clamped to [lo, hi]. */
        private void setCell(int c, double z0, double z1, TruncatedNormal whole, double loc, double scale,
                             double lo, double hi) {
            cellLo[c] = Math.min(Math.max(loc + scale * z0, lo), hi);
            cellHi[c] = Math.min(Math.max(loc + scale * z1, lo), hi);
            cellLoc[c] = loc;
            cellScale[c] = scale;
            zLo[c] = z0;
            zWidth[c] = z1 - z0;
            double near = z0 <= 0 && z1 >= 0 ? 0 : Math.min(Math.abs(z0), Math.abs(z1));
            double far = Math.max(Math.abs(z0), Math.abs(z1));
            peakHalfSq[c] = 0.5 * near * near;
            double ratio = Math.exp(-0.5 * (far - near) * (far + near));
            if (whole != null || !(z0 < z1) || ratio < UNIFORM_PROPOSAL_FLOOR) {
                cellNormal[c] = whole != null ? whole : z0 < z1 ? TruncatedNormal.of(z0, z1) : null;
                squeeze[c] = cellNormal[c] == null ? ALWAYS : 0;
            } else {
                squeeze[c] = (int) Math.floor(ratio * ALWAYS);
            }
        }

        /** Vose's alias construction for probabilities p (summing to 1), at global offset off. */
        private static void buildAlias(double[] p, int off, long[] threshold, int[] alias) {
            int k = p.length;
            double[] q = new double[k];
            for (int t = 0; t < k; t++) {
                q[t] = p[t] * k;
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
            return levelOf(j, rng.nextLong());
        }

        private int levelOf(int j, long r) {
            return aliasPick(offset[j], offset[j + 1], r, aliasEntry);
        }

        /** Alias draw among columns off..end from the word r. */
        private static int aliasPick(int off, int end, long r, long[] entry) {
            int c = off + (int) (((r >>> 32) * (end - off)) >>> 32);
            long a = entry[c];
            int other = (int) a;
            int keep = (int) (((r & 0xFFFFFFFFL) - (a >>> 32)) >> 63); // -1 when the column keeps itself
            return other ^ ((other ^ c) & keep); // branch-free: the outcome is random
        }

        /** @return a value within the level at a global position (a point level takes no random word) */
        double value(int pos, RandomGenerator rng) {
            if (!Double.isNaN(pointValue[pos])) {
                return pointValue[pos];
            }
            return cellValue(pos, rng.nextLong(), rng);
        }

        /** The value of a drawn level from the word w (cell, point and squeeze bits), see the class description. */
        private double cellValue(int pos, long w, RandomGenerator rng) {
            int info = cellOf[pos];
            int c = (info >>> CELL_BITS) + ((int) (w >>> (64 - CELL_BITS)) & info & (CELLS - 1));
            double u = ((w >>> SQUEEZE_BITS) & 0xFFFFFFFFL) * TWO_M32;
            int d = 3 * c;
            if ((double) (w & (ALWAYS - 1)) < cellData[d + 2]) {
                return cellData[d] + cellData[d + 1] * u;
            }
            return slowValue(c, u, rng);
        }

        /**
         * Completes a draw in cell c whose squeeze test failed for the point u: the exact acceptance test
         * with v uniform on [squeeze, 1), then fresh proposals; or Robert's sampler on the cell.
         */
        private double slowValue(int c, double u, RandomGenerator rng) {
            double lo = cellLo[c];
            double hi = cellHi[c];
            TruncatedNormal tn = cellNormal[c];
            if (tn != null) {
                return Math.min(Math.max(cellLoc[c] + cellScale[c] * tn.sample(rng), lo), hi);
            }
            int sq = squeeze[c];
            double floor = sq * TWO_M24;
            while (true) {
                double z = zLo[c] + zWidth[c] * u;
                double v = floor + (1 - floor) * rng.nextDouble();
                if (v <= Math.exp(peakHalfSq[c] - 0.5 * z * z)) {
                    return cellData[3 * c] + cellData[3 * c + 1] * u;
                }
                long w = rng.nextLong();
                u = ((w >>> SQUEEZE_BITS) & 0xFFFFFFFFL) * TWO_M32;
                if ((int) (w & (ALWAYS - 1)) < sq) {
                    return cellData[3 * c] + cellData[3 * c + 1] * u;
                }
            }
        }

        /**
         * Fills rows 1..n−1 of {@code rows} with a level and a value per feature and lists, for each
         * row, the features whose level differs from x's: {@code diff[start[i]..start[i+1])}, in no
         * particular order. Row 0 is left alone (it is x).
         */
        void sample(double[][] rows, int[] xLevel, int[] diff, int[] start, SplittableRandom rng) {
            int[] differs = new int[level.length];
            for (int j = 0; j + 1 < offset.length; j++) {
                for (int pos = offset[j]; pos < offset[j + 1]; pos++) {
                    differs[pos] = level[pos] != xLevel[j] ? 1 : 0;
                }
            }
            int cursor = 0;
            int[] df = drawnFeatures;
            int groups = groupSize.length;
            start[0] = 0;
            start[1] = 0;
            for (int i = 1; i < rows.length; i++) {
                double[] r = rows[i];
                for (int g = 0; g < groups; g++) {
                    int e = aliasPick(jointOffset[g], jointOffset[g + 1], rng.nextLong(), jointEntry);
                    for (int t = 0; t < groupSize[g]; t++) {
                        int pos = entryPos[e * GROUP + t];
                        int j = groupMember[g * GROUP + t];
                        r[j] = pointValue[pos];
                        diff[cursor] = j; // kept only when the level differs: branch-free on a random outcome
                        cursor += differs[pos];
                    }
                }
                for (int j : df) {
                    int pos = levelOf(j, rng.nextLong());
                    r[j] = cellValue(pos, rng.nextLong(), rng);
                    diff[cursor] = j;
                    cursor += differs[pos];
                }
                start[i + 1] = cursor;
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
