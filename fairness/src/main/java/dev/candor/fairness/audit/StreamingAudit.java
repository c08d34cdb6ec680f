package dev.candor.fairness.audit;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.core.RadixSort;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.BootstrapSample;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupScores;
import dev.candor.fairness.ScoreMetrics;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceIntervals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A fairness audit of rows seen once, one at a time, in memory that does not grow with the number
 * of rows: the audit of a file too large to hold, with the same result as {@link Audit} on the same
 * rows.
 *
 * <pre>{@code
 * StreamingAudit s = StreamingAudit.builder(List.of("sex", "race")).intersectional(true).build();
 * for (each row) s.add(y, yHat, 1.0, Double.NaN, new int[] {sexCode, raceCode});
 * AuditResult r = s.result(List.of(sexValues, raceValues));   // values indexed by code
 * }</pre>
 *
 * <p>Group codes are the caller's (for example a CSV reader's dictionary codes, in order of first
 * appearance); {@link #result} renumbers groups in sorted order, as {@link GroupAttribute#of} does.
 * What is kept, all of it mergeable by addition:
 * <ul>
 *   <li>per attribute, per group and per confusion cell: rows, {@code Σw} and {@code Σw²}, added in
 *       row order, so the group counts are those of {@code GroupCounter} to the last bit;</li>
 *   <li>the same per observed combination of groups (the intersection);</li>
 *   <li>with scores, per group: positive and negative weight and the log-loss sum, in row order as in
 *       {@link ScoreMetrics}; and a compressed sample, one entry per distinct
 *       (score, label, prediction, combination) with its summed weight, from which ROC AUC and the
 *       performance block are computed: the same tied blocks at the same scores, so the same area.
 *       Without scores the compressed sample has at most four entries per combination.</li>
 * </ul>
 *
 * <p><b>Many distinct scores.</b> The compressed sample holds at most {@link #MAX_SCORE_CELLS}
 * slots. Beyond that the scores are rounded to fewer significant bits (first 13, then fewer, see
 * {@link #scoreBits()}): every score then stands for an interval of relative width
 * {@code 2^(1-bits)}. ROC AUC is computed with the scores in one interval treated as tied, which moves
 * each positive–negative pair in the same interval by at most ½, so for a group with positive weight
 * P and negative weight N, {@code |AUC − AUC_exact| ≤ Σ_b P_b N_b / (2 P N)} over the intervals b;
 * {@link #rocAucErrorBound(List)} is the largest such bound over all groups and the whole, and the
 * provenance records it. Log loss in the fairness block stays exact (it is a sum); the score metrics
 * of the performance block are then computed at the rounded scores.
 *
 * <p><b>Intervals.</b> Without instance weights the bootstrap draws from the group counts alone
 * ({@link BootstrapSample#of(GroupCounts)}), so the streaming intervals equal the in-memory ones for
 * the same seed. With instance weights the bootstrap needs the rows: {@link #result} then refuses
 * {@code intervals} and the caller audits in memory.
 *
 * <p>Not thread-safe; one instance per pass.
 *
 * @since 0.1.0
 */
public final class StreamingAudit {

    /**
     * The largest number of (score, combination, cell) slots of the compressed score sample (8 bytes
     * each, 16 MiB) before scores are rounded: with c combinations of groups, {@code MAX_SCORE_CELLS / (4c)}
     * distinct scores (rounded up to a power of two) are kept exactly.
     */
    public static final int MAX_SCORE_CELLS = 1 << 21;

    private final Builder b;
    private final int na;
    private long[][] rows;
    private double[][] sums;
    private double[][] squares;
    private double[][] groupWeight;
    private double[][] pos;
    private double[][] neg;
    private double[][] loss;
    private final Combos combos;
    private long[] comboRows = new long[64];
    private double[] comboSums = new double[64];
    private double[] comboSquares = new double[64];
    private double[] comboWeight = new double[16];
    private double[] comboPos = new double[16];
    private double[] comboNeg = new double[16];
    private double[] comboLoss = new double[16];
    private CellTable cells = new CellTable();
    private int droppedBits;
    private long n;
    private double totalWeight;
    private boolean probabilities = true;
    private long hash = 0xcbf29ce484222325L;

    private StreamingAudit(Builder b) {
        this.b = b;
        this.na = b.attributes.size();
        rows = new long[na][64];
        sums = new double[na][64];
        squares = new double[na][64];
        groupWeight = new double[na][16];
        pos = new double[na][16];
        neg = new double[na][16];
        loss = new double[na][16];
        combos = new Combos(na);
    }

    /**
     * @param attributes the protected attributes' names, in the order codes are given to {@link #add}
     * @return a builder
     */
    public static Builder builder(List<String> attributes) {
        return new Builder(attributes);
    }

    /**
     * Adds one row.
     *
     * @param yTrue  the true label, 0/1 (1 = favorable)
     * @param yPred  the prediction, 0/1
     * @param weight the instance weight (finite, ≥ 0; 1 without weights)
     * @param score  the score (finite), ignored without scores
     * @param codes  the row's group code of each attribute, {@code ≥ 0}
     * @throws IllegalArgumentException on a label other than 0/1, a bad weight or score, or a negative code
     */
    public void add(int yTrue, int yPred, double weight, double score, int[] codes) {
        if (((yTrue | yPred) & ~1) != 0) {
            throw new IllegalArgumentException("row " + n + ": labels and predictions must be 0 or 1, got "
                    + yTrue + " and " + yPred);
        }
        if (!(weight >= 0.0) || weight == Double.POSITIVE_INFINITY || (!b.weighted && weight != 1.0)) {
            throw new IllegalArgumentException("row " + n + ": weight " + weight
                    + (b.weighted ? " must be finite and >= 0" : " given, but the audit is unweighted"));
        }
        int cell = yTrue << 1 | yPred;
        double logLoss = 0;
        if (b.scores) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("row " + n + ": score " + score + " must be finite");
            }
            if (score < 0 || score > 1) {
                probabilities = false;
            }
            double p = Math.min(Math.max(score, ScoreMetrics.EPSILON), 1 - ScoreMetrics.EPSILON);
            logLoss = weight * (yTrue == 1 ? Math.log(p) : Math.log1p(-p));
        }
        long h = hash;
        for (int a = 0; a < na; a++) {
            int g = codes[a];
            if (g < 0) {
                throw new IllegalArgumentException("row " + n + ": negative group code " + g + " of '"
                        + b.attributes.get(a) + "'");
            }
            if (g >= groupWeight[a].length) {
                growAttribute(a, g);
            }
            count(rows[a], sums[a], squares[a], g << 2 | cell, weight);
            groupWeight[a][g] += weight;
            if (b.scores) {
                if (yTrue == 1) {
                    pos[a][g] += weight;
                } else {
                    neg[a][g] += weight;
                }
                loss[a][g] -= logLoss;
            }
            h = (h ^ g) * 0x100000001b3L;
        }
        int combo = combos.id(codes);
        if (combo >= comboWeight.length) {
            growCombos(combo);
        }
        if (b.intersectional) {
            count(comboRows, comboSums, comboSquares, combo << 2 | cell, weight);
            comboWeight[combo] += weight;
            if (b.scores) {
                if (yTrue == 1) {
                    comboPos[combo] += weight;
                } else {
                    comboNeg[combo] += weight;
                }
                comboLoss[combo] -= logLoss;
            }
        }
        long bits = b.scores ? Double.doubleToLongBits(score + 0.0) : 0L;
        cells.add(bits & -(1L << droppedBits), combo << 2 | cell, weight);
        if (cells.cells() > MAX_SCORE_CELLS) {
            coarsen();
        }
        h = (h ^ cell) * 0x100000001b3L;
        h = (h ^ Double.doubleToLongBits(weight)) * 0x100000001b3L;
        hash = (h ^ bits) * 0x100000001b3L;
        n++;
        totalWeight += weight;
    }

    private void count(long[] r, double[] s, double[] q, int idx, double w) {
        r[idx]++;
        if (b.weighted) {
            s[idx] += w;
            q[idx] += w * w;
        }
    }

    private void growAttribute(int a, int g) {
        int size = Math.max(g + 1, groupWeight[a].length * 2);
        rows[a] = Arrays.copyOf(rows[a], size * 4);
        sums[a] = Arrays.copyOf(sums[a], size * 4);
        squares[a] = Arrays.copyOf(squares[a], size * 4);
        groupWeight[a] = Arrays.copyOf(groupWeight[a], size);
        pos[a] = Arrays.copyOf(pos[a], size);
        neg[a] = Arrays.copyOf(neg[a], size);
        loss[a] = Arrays.copyOf(loss[a], size);
    }

    private void growCombos(int c) {
        int size = Math.max(c + 1, comboWeight.length * 2);
        comboRows = Arrays.copyOf(comboRows, size * 4);
        comboSums = Arrays.copyOf(comboSums, size * 4);
        comboSquares = Arrays.copyOf(comboSquares, size * 4);
        comboWeight = Arrays.copyOf(comboWeight, size);
        comboPos = Arrays.copyOf(comboPos, size);
        comboNeg = Arrays.copyOf(comboNeg, size);
        comboLoss = Arrays.copyOf(comboLoss, size);
    }

    /** Rounds the compressed sample's scores to fewer significant bits until it is at most half full. */
    private void coarsen() {
        while (cells.cells() > MAX_SCORE_CELLS / 2) {
            droppedBits = droppedBits == 0 ? 40 : droppedBits + 2;
            if (droppedBits > 52) {
                throw new IllegalStateException("more than " + MAX_SCORE_CELLS + " (score, label, group) cells even "
                        + "with scores rounded to their exponent; too many groups to audit in one pass");
            }
            CellTable next = new CellTable();
            long mask = -(1L << droppedBits);
            Entries e = cells.entries();
            for (int i = 0; i < e.k2().length; i++) {
                next.add(e.k1()[i] & mask, e.k2()[i], e.w()[i]);
            }
            cells = next;
        }
    }

    /**
     * @param attribute an attribute's index, as in {@link #add}
     * @return the summed weight of each of its group codes (the row count without weights)
     */
    public double[] weightByCode(int attribute) {
        return groupWeight[attribute].clone();
    }

    /** @return rows added so far */
    public long rows() {
        return n;
    }

    /** @return significant bits of the scores kept in the compressed sample: 53 (exact) unless rounded */
    public int scoreBits() {
        return 53 - droppedBits;
    }

    /**
     * Computes the audit.
     *
     * @param values the group names of each attribute, indexed by the codes given to {@link #add}
     * @return the result, as {@link Audit#run()} computes it on the same rows
     * @throws IllegalArgumentException if no rows were added, a code has no name, or names repeat
     * @throws IllegalStateException    if intervals were asked for with instance weights
     */
    public AuditResult result(List<List<String>> values) {
        Layout l = layout(values);
        if (b.bootstrap != null && b.weighted) {
            throw new IllegalStateException("bootstrap intervals with instance weights need the rows; audit in memory");
        }
        List<GroupScores> scores = null;
        if (b.scores) {
            scores = new ArrayList<>();
            for (int i = 0; i < l.counts.size(); i++) {
                Compressed c = compressed(l, i);
                scores.add(ScoreMetrics.fromSums(c.y, c.s, c.w, new GroupAttribute(l.names.get(i), c.g,
                        l.values.get(i)), l.pos.get(i), l.neg.get(i), l.loss.get(i), probabilities));
            }
        }
        Map<String, Object> params = Audit.parameters(b.parameters, l.names, b.privileged, b.weighted, b.scores,
                b.strict, b.bootstrap);
        if (droppedBits > 0) {
            params.put("score_significant_bits", scoreBits());
            params.put("roc_auc_error_bound", rocAucErrorBound(l));
        }
        int columns = 2 + l.names.size() + (b.weighted ? 1 : 0) + (b.scores ? 1 : 0);
        Provenance prov = Provenance.of("candor audit", params, b.bootstrap == null ? null : b.bootstrap.seed(),
                new Fingerprint(n, columns, String.format(Locale.ROOT, "%016x", hash)));
        return Audit.assemble(n, b.weighted, l.counts, scores, i -> BootstrapSample.of(l.counts.get(i)),
                b.privileged, b.bootstrap, b.strict, prov);
    }

    /**
     * The classification performance of every attribute (and the intersection), as
     * {@code PerformanceFrame.of} computes it on the rows: every metric the columns can feed,
     * overall and by group, computed over the compressed sample and carrying the original row counts.
     *
     * @param values  the group names of each attribute, indexed by code
     * @param columns the column names, for messages
     * @return one frame per attribute, then the intersection
     */
    public List<PerformanceFrame<ClassificationSample>> performance(List<List<String>> values,
                                                                    ClassificationSample.Columns columns) {
        Layout l = layout(values);
        List<PerformanceFrame<ClassificationSample>> out = new ArrayList<>();
        for (int i = 0; i < l.counts.size(); i++) {
            Compressed c = compressed(l, i);
            ClassificationSample s = ClassificationSample.of(c.y, c.p, b.scores ? c.s : null, c.w, columns);
            GroupAttribute attr = new GroupAttribute(l.names.get(i), c.g, l.values.get(i));
            GroupCounts gc = l.counts.get(i);
            long[] groupRows = new long[gc.size()];
            for (int g = 0; g < groupRows.length; g++) {
                groupRows[g] = gc.counts(g).rows();
            }
            out.add(PerformanceFrame.of(s, attr, ClassificationMetric.available(s))
                    .withRows(b.weighted, n, groupRows, l.weight.get(i), totalWeight));
        }
        return out;
    }

    /**
     * Bootstrap intervals of the label metrics of each attribute, as {@code PerformanceIntervals}
     * computes them on the rows (unweighted rows only: the counts are then sufficient).
     *
     * @param values the group names of each attribute, indexed by code
     * @return attribute name to its intervals
     * @throws IllegalStateException with instance weights
     */
    public Map<String, BootstrapResult> performanceIntervals(List<List<String>> values) {
        if (b.bootstrap == null) {
            return Map.of();
        }
        if (b.weighted) {
            throw new IllegalStateException("bootstrap intervals with instance weights need the rows; audit in memory");
        }
        Layout l = layout(values);
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        for (GroupCounts gc : l.counts) {
            out.put(gc.attribute(), PerformanceIntervals.labelMetrics(b.bootstrap, gc, ClassificationMetric.LABEL_METRICS));
        }
        return out;
    }

    /**
     * @return the bound on |AUC − exact AUC| of every group and the whole (0 while scores are exact);
     *         see the class comment
     * @param values the group names of each attribute, indexed by code
     */
    public double rocAucErrorBound(List<List<String>> values) {
        return droppedBits == 0 ? 0 : rocAucErrorBound(layout(values));
    }

    private double rocAucErrorBound(Layout l) {
        double worst = 0;
        Entries cellsNow = cells.entries();
        int size = cellsNow.k2().length;
        double[] cellScore = new double[size];
        for (int j = 0; j < size; j++) {
            cellScore[j] = Double.longBitsToDouble(cellsNow.k1()[j]);
        }
        int[] order = RadixSort.order(cellScore); // by score, ties in cell order
        for (int a = 0; a < l.counts.size(); a++) {
            int k = l.values.get(a).size();
            double[] p = new double[k + 1];
            double[] q = new double[k + 1];
            double[] tiedP = new double[k + 1];
            double[] tiedQ = new double[k + 1];
            double[] ties = new double[k + 1];
            long prev = 0;
            for (int j = 0; j <= size; j++) {
                long key = j < size ? cellsNow.k1()[order[j]] : 0;
                if (j == size || (j > 0 && key != prev)) {
                    for (int g = 0; g <= k; g++) {
                        ties[g] += tiedP[g] * tiedQ[g];
                        tiedP[g] = 0;
                        tiedQ[g] = 0;
                    }
                }
                if (j == size) {
                    break;
                }
                prev = key;
                int e = order[j];
                int c = cellsNow.k2()[e];
                int g = l.groupOfCombo.get(a)[c >>> 2];
                boolean positive = (c & 2) != 0;
                for (int t : new int[] {g, k}) {
                    if (positive) {
                        tiedP[t] += cellsNow.w()[e];
                        p[t] += cellsNow.w()[e];
                    } else {
                        tiedQ[t] += cellsNow.w()[e];
                        q[t] += cellsNow.w()[e];
                    }
                }
            }
            for (int g = 0; g <= k; g++) {
                if (p[g] > 0 && q[g] > 0) {
                    worst = Math.max(worst, ties[g] / (2 * p[g] * q[g]));
                }
            }
        }
        return worst;
    }

    /** The compressed sample with the group codes of attribute i (sorted numbering). */
    private Compressed compressed(Layout l, int i) {
        Entries e = cells.entries();
        int m = e.k2().length;
        Compressed c = new Compressed(new int[m], new int[m], new double[m], new double[m], new int[m]);
        int[] groupOf = l.groupOfCombo.get(i);
        for (int j = 0; j < m; j++) {
            int k2 = e.k2()[j];
            c.y[j] = (k2 >>> 1) & 1;
            c.p[j] = k2 & 1;
            c.s[j] = Double.longBitsToDouble(e.k1()[j]);
            c.w[j] = e.w()[j];
            c.g[j] = groupOf[k2 >>> 2];
        }
        return c;
    }

    private record Compressed(int[] y, int[] p, double[] s, double[] w, int[] g) {
    }

    /** Groups in sorted order, counts, and the map from combination to group of each attribute. */
    private record Layout(List<String> names, List<List<String>> values, List<GroupCounts> counts,
                          List<double[]> weight, List<double[]> pos, List<double[]> neg, List<double[]> loss,
                          List<int[]> groupOfCombo) {
    }

    private Layout layout(List<List<String>> values) {
        if (n == 0) {
            throw new IllegalArgumentException("no rows were added");
        }
        if (values.size() != na) {
            throw new IllegalArgumentException("values of " + values.size() + " attributes given, " + na + " expected");
        }
        List<String> names = new ArrayList<>();
        List<List<String>> sorted = new ArrayList<>();
        List<GroupCounts> counts = new ArrayList<>();
        List<double[]> weight = new ArrayList<>();
        List<double[]> ps = new ArrayList<>();
        List<double[]> ns = new ArrayList<>();
        List<double[]> ls = new ArrayList<>();
        List<int[]> groupOfCombo = new ArrayList<>();
        int[][] rank = new int[na][];
        int nc = combos.size();
        for (int a = 0; a < na; a++) {
            List<String> v = values.get(a);
            int k = v.size();
            List<String> order = List.copyOf(new TreeSet<>(v));
            if (order.size() != k) {
                throw new IllegalArgumentException("attribute '" + b.attributes.get(a) + "' has repeated values: " + v);
            }
            Map<String, Integer> at = new HashMap<>();
            for (int g = 0; g < k; g++) {
                at.put(order.get(g), g);
            }
            rank[a] = new int[k];
            for (int g = 0; g < k; g++) {
                rank[a][g] = at.get(v.get(g));
            }
            for (int c = 0; c < nc; c++) {
                if (combos.code(c, a) >= k) {
                    throw new IllegalArgumentException("attribute '" + b.attributes.get(a) + "': code "
                            + combos.code(c, a) + " has no value; " + k + " values given");
                }
            }
            names.add(b.attributes.get(a));
            sorted.add(order);
            counts.add(counts(b.attributes.get(a), order, rank[a], rows[a], sums[a], squares[a]));
            weight.add(permute(groupWeight[a], rank[a]));
            ps.add(permute(pos[a], rank[a]));
            ns.add(permute(neg[a], rank[a]));
            ls.add(permute(loss[a], rank[a]));
            int[] gc = new int[nc];
            for (int c = 0; c < nc; c++) {
                gc[c] = rank[a][combos.code(c, a)];
            }
            groupOfCombo.add(gc);
        }
        if (b.intersectional) {
            Integer[] order = new Integer[nc];
            for (int c = 0; c < nc; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (x, y) -> {
                for (int a = 0; a < na; a++) {
                    int d = Integer.compare(rank[a][combos.code(x, a)], rank[a][combos.code(y, a)]);
                    if (d != 0) {
                        return d;
                    }
                }
                return 0;
            });
            int[] comboRank = new int[nc];
            List<String> groupNames = new ArrayList<>();
            for (int r = 0; r < nc; r++) {
                comboRank[order[r]] = r;
                StringBuilder sb = new StringBuilder();
                for (int a = 0; a < na; a++) {
                    sb.append(a == 0 ? "" : "&").append(values.get(a).get(combos.code(order[r], a)));
                }
                groupNames.add(sb.toString());
            }
            String name = String.join("&", b.attributes);
            names.add(name);
            sorted.add(groupNames);
            counts.add(counts(name, groupNames, comboRank, comboRows, comboSums, comboSquares));
            weight.add(permute(comboWeight, comboRank));
            ps.add(permute(comboPos, comboRank));
            ns.add(permute(comboNeg, comboRank));
            ls.add(permute(comboLoss, comboRank));
            groupOfCombo.add(comboRank);
        }
        return new Layout(names, sorted, counts, weight, ps, ns, ls, groupOfCombo);
    }

    private static double[] permute(double[] byCode, int[] rank) {
        double[] out = new double[rank.length];
        for (int g = 0; g < rank.length; g++) {
            out[rank[g]] = byCode[g];
        }
        return out;
    }

    private GroupCounts counts(String name, List<String> order, int[] rank, long[] r, double[] s, double[] q) {
        ConfusionCounts[] byGroup = new ConfusionCounts[order.size()];
        for (int g = 0; g < rank.length; g++) {
            int base = g << 2;
            // cell code = 2y + p: 0 tn, 1 fp, 2 fn, 3 tp
            byGroup[rank[g]] = b.weighted ? ConfusionCounts.ofCells(s, r, q, base)
                    : ConfusionCounts.of(r[base + 3], r[base + 1], r[base], r[base + 2]);
        }
        return GroupCounts.of(name, order, List.of(byGroup));
    }

    /**
     * (score bits, combination << 2 | cell) to summed weight, in two levels so that the per-row work
     * touches little memory: a small hash of the distinct scores gives a score's index, and the
     * weights sit in one dense array, {@code stride} cells per score.
     */
    private static final class CellTable {
        private long[] keys = new long[1 << 10];
        private int[] ids = new int[1 << 10];
        private long[] scoreOf = new long[256];
        private int scores;
        private int stride = 4 * 16;
        private double[] w = new double[256 * stride];
        private long[] present = new long[w.length >>> 6];
        private int size;

        CellTable() {
            Arrays.fill(ids, -1);
        }

        /** @return the number of cells in use */
        int size() {
            return size;
        }

        /** @return the dense array's length, the memory measure */
        long cells() {
            return (long) scores * stride;
        }

        void add(long a, int c, double weight) {
            int sid = scoreId(a);
            if (c >= stride) {
                widen(c);
            }
            int i = sid * stride + c;
            long bit = 1L << i;
            if ((present[i >>> 6] & bit) == 0) {
                present[i >>> 6] |= bit;
                size++;
                w[i] = weight;
            } else {
                w[i] += weight;
            }
        }

        private int scoreId(long a) {
            int mask = ids.length - 1;
            long h = (a ^ (a >>> 33)) * 0xff51afd7ed558ccdL;
            h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
            int i = (int) (h ^ (h >>> 33)) & mask;
            while (true) {
                int id = ids[i];
                if (id < 0) {
                    break;
                }
                if (keys[i] == a) {
                    return id;
                }
                i = (i + 1) & mask;
            }
            int id = scores++;
            keys[i] = a;
            ids[i] = id;
            if (id >= scoreOf.length) {
                scoreOf = Arrays.copyOf(scoreOf, scoreOf.length * 2);
            }
            scoreOf[id] = a;
            if ((long) scores * stride > w.length) {
                relayout(stride, Math.max(scoreOf.length, scores));
            }
            if (2 * scores > ids.length) {
                rehash();
            }
            return id;
        }

        private void widen(int c) {
            int s = stride;
            while (s <= c) {
                s *= 2;
            }
            relayout(s, scoreOf.length);
        }

        private void relayout(int newStride, int capacity) {
            double[] nw = new double[Math.multiplyExact(capacity, newStride)];
            long[] np = new long[(nw.length + 63) >>> 6];
            for (int sid = 0; sid < Math.min(scores, w.length / stride); sid++) {
                for (int c = 0; c < stride; c++) {
                    int i = sid * stride + c;
                    if ((present[i >>> 6] & 1L << i) != 0) {
                        int j = sid * newStride + c;
                        nw[j] = w[i];
                        np[j >>> 6] |= 1L << j;
                    }
                }
            }
            w = nw;
            present = np;
            stride = newStride;
        }

        private void rehash() {
            keys = new long[keys.length * 2];
            ids = new int[ids.length * 2];
            Arrays.fill(ids, -1);
            int mask = ids.length - 1;
            for (int id = 0; id < scores; id++) {
                long a = scoreOf[id];
                long h = (a ^ (a >>> 33)) * 0xff51afd7ed558ccdL;
                h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
                int i = (int) (h ^ (h >>> 33)) & mask;
                while (ids[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = a;
                ids[i] = id;
            }
        }

        /** @return the cells in use: score bits, combination << 2 | cell, and weight */
        Entries entries() {
            Entries e = new Entries(new long[size], new int[size], new double[size]);
            int m = 0;
            for (int sid = 0; sid < scores; sid++) {
                for (int c = 0; c < stride; c++) {
                    int i = sid * stride + c;
                    if ((present[i >>> 6] & 1L << i) != 0) {
                        e.k1[m] = scoreOf[sid];
                        e.k2[m] = c;
                        e.w[m++] = w[i];
                    }
                }
            }
            return e;
        }
    }

    /** The cells of a {@link CellTable}, compact. */
    private record Entries(long[] k1, int[] k2, double[] w) {
    }

    /** Distinct combinations of group codes, numbered in order of first appearance. */
    private static final class Combos {
        private final int na;
        private int[] codes = new int[64];
        private int size;
        private long[] keys = new long[64];
        private int[] ids = new int[64];
        private final Map<List<Integer>, Integer> wide = new HashMap<>();
        private final int bits;

        Combos(int na) {
            this.na = na;
            this.bits = na == 0 ? 63 : 63 / na;
            Arrays.fill(keys, -1);
        }

        int size() {
            return size;
        }

        int code(int combo, int a) {
            return codes[combo * na + a];
        }

        int id(int[] c) {
            long key = 0;
            boolean packed = true;
            for (int a = 0; a < na; a++) {
                if (bits < 31 && c[a] >= 1 << bits) {
                    packed = false;
                    break;
                }
                key = key << bits | c[a];
            }
            if (!packed) {
                List<Integer> k = new ArrayList<>(na);
                for (int a = 0; a < na; a++) {
                    k.add(c[a]);
                }
                Integer id = wide.get(k);
                return id != null ? id : add(c, -1, k);
            }
            int mask = keys.length - 1;
            int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (keys[i] != -1) {
                if (keys[i] == key) {
                    return ids[i];
                }
                i = (i + 1) & mask;
            }
            int id = add(c, i, null);
            keys[i] = key;
            ids[i] = id;
            if (2 * size > keys.length) {
                rehash();
            }
            return id;
        }

        private int add(int[] c, int slot, List<Integer> wideKey) {
            if ((size + 1) * na > codes.length) {
                codes = Arrays.copyOf(codes, Math.max(codes.length * 2, (size + 1) * na));
            }
            System.arraycopy(c, 0, codes, size * na, na);
            if (wideKey != null) {
                wide.put(wideKey, size);
            }
            return size++;
        }

        private void rehash() {
            long[] k = keys;
            int[] v = ids;
            keys = new long[k.length * 2];
            ids = new int[k.length * 2];
            Arrays.fill(keys, -1);
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (k[j] != -1) {
                    int i = (int) ((k[j] * 0x9E3779B97F4A7C15L) >>> 40) & mask;
                    while (keys[i] != -1) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k[j];
                    ids[i] = v[j];
                }
            }
        }
    }

    /** Options of a {@link StreamingAudit}. */
    public static final class Builder {
        private final List<String> attributes;
        private boolean intersectional;
        private boolean weighted;
        private boolean scores;
        private final Map<String, String> privileged = new LinkedHashMap<>();
        private Bootstrap bootstrap;
        private boolean strict;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Builder(List<String> attributes) {
            this.attributes = List.copyOf(attributes);
            if (this.attributes.isEmpty()) {
                throw new IllegalArgumentException("at least one protected attribute is needed");
            }
            for (String a : this.attributes) {
                if (a.contains("&")) {
                    throw new IllegalArgumentException("attribute name '" + a + "' must not contain '&'");
                }
            }
            if (new TreeSet<>(this.attributes).size() != this.attributes.size()) {
                throw new IllegalArgumentException("protected attributes given twice: " + attributes);
            }
        }

        /**
         * @param on whether to add the intersection of all attributes ({@code a&b}); needs two or more
         * @return this builder
         */
        public Builder intersectional(boolean on) {
            if (on && attributes.size() < 2) {
                throw new IllegalArgumentException("an intersection needs at least two attributes");
            }
            this.intersectional = on;
            return this;
        }

        /**
         * @param on whether rows carry instance weights
         * @return this builder
         */
        public Builder weighted(boolean on) {
            this.weighted = on;
            return this;
        }

        /**
         * @param on whether rows carry scores (ROC AUC, log loss and the score metrics of the performance block)
         * @return this builder
         */
        public Builder scores(boolean on) {
            this.scores = on;
            return this;
        }

        /**
         * @param attribute an attribute's name
         * @param value     its privileged value (checked to occur by the caller)
         * @return this builder
         */
        public Builder privileged(String attribute, String value) {
            if (!attributes.contains(attribute)) {
                throw new IllegalArgumentException("privileged value for '" + attribute
                        + "', which is not among the protected attributes " + attributes);
            }
            privileged.put(attribute, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param settings the bootstrap of Wilson intervals, tests and bootstrap intervals, or null
         * @return this builder
         */
        public Builder intervals(Bootstrap settings) {
            this.bootstrap = settings;
            return this;
        }

        /**
         * @param on when true, any undefined value makes {@link StreamingAudit#result} throw
         * @return this builder
         */
        public Builder strict(boolean on) {
            this.strict = on;
            return this;
        }

        /**
         * @param key   a provenance parameter's name
         * @param value its value
         * @return this builder
         */
        public Builder parameter(String key, Object value) {
            parameters.put(key, value);
            return this;
        }

        /** @return a new accumulator */
        public StreamingAudit build() {
            return new StreamingAudit(this);
        }
    }
}
