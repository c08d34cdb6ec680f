package dev.candor.monitor;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A mergeable summary of one feature in one window, built in one pass: the count of each category
 * (categorical), or histogram counts over {@link ReferenceBins} with explicit below/above leftover
 * slots, Welford moments (count, mean, sum of squared deviations), minimum, maximum and a KLL
 * quantile sketch (numeric); the missing count for both.
 *
 * <p>Profiles merge by addition ({@link #merge}): counts add, moments combine by Chan's formula, KLL
 * sketches merge. So a batch job, a Flink operator or Spark partitions build the same profile, and
 * the binned statistics and the t-test computed from profiles equal those from the raw data. KS
 * from sketches is approximate: {@link #rankError()} bounds the rank error.
 *
 * <p>Instances are not thread-safe while being built; {@link #merge} returns a new profile.
 * {@link #toMap()} gives a plain representation (numbers, strings, lists, maps) for JSON writers.
 *
 * <p>References: B. P. Welford, "Note on a method for calculating corrected sums of squares and
 * products", Technometrics 4, 1962; T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a
 * pairwise algorithm for computing sample variances", 1979; Z. Karnin, K. Lang, E. Liberty, "Optimal
 * quantile approximation in streams", FOCS 2016 (KLL).
 *
 * @since 0.1.0
 */
public final class FeatureProfile {

    /** KLL accuracy parameter (rank error about 1.65 % at k = 200). */
    public static final int KLL_K = 200;

    private final String feature;
    private final FeatureKind kind;
    private final ReferenceBins bins;
    private final long[] slots;
    private final TreeMap<String, Long> categories;
    private long missing;
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final KllDoublesSketch sketch;

    private FeatureProfile(String feature, FeatureKind kind, ReferenceBins bins, KllDoublesSketch sketch) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.kind = kind;
        this.bins = bins;
        this.slots = bins == null ? null : new long[bins.bins() + 2];
        this.categories = kind == FeatureKind.CATEGORICAL ? new TreeMap<>() : null;
        this.sketch = sketch;
    }

    /** An empty numeric profile over bins fixed from the reference. */
    public static FeatureProfile numeric(String feature, ReferenceBins bins) {
        return new FeatureProfile(feature, FeatureKind.NUMERIC, Objects.requireNonNull(bins, "bins"),
                KllDoublesSketch.newHeapInstance(KLL_K));
    }

    /** An empty categorical profile. */
    public static FeatureProfile categorical(String feature) {
        return new FeatureProfile(feature, FeatureKind.CATEGORICAL, null, null);
    }

    /**
     * Adds a numeric value; {@code NaN} counts as missing.
     *
     * @throws IllegalArgumentException for an infinite value
     */
    public FeatureProfile add(double v) {
        if (kind != FeatureKind.NUMERIC) {
            throw new IllegalStateException("feature '" + feature + "' is categorical");
        }
        if (Double.isNaN(v)) {
            missing++;
            return this;
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("feature '" + feature + "': non-finite value " + v);
        }
        slots[bins.slot(v)]++;
        count++;
        double d = v - mean;
        mean += d / count;
        m2 += d * (v - mean);
        min = Math.min(min, v);
        max = Math.max(max, v);
        sketch.update(v);
        return this;
    }

    /** Adds a label; {@code null} counts as missing. */
    public FeatureProfile add(String label) {
        if (kind != FeatureKind.CATEGORICAL) {
            throw new IllegalStateException("feature '" + feature + "' is numeric");
        }
        if (label == null) {
            missing++;
        } else {
            categories.merge(label, 1L, Long::sum);
            count++;
        }
        return this;
    }

    /**
     * Adds a label {@code times} times, as that many calls of {@link #add(String)} would: for readers
     * that count rows per distinct value first.
     *
     * @param label the label; {@code null} counts as missing
     * @param times how many rows hold it, {@code >= 0}
     * @return this profile
     * @throws IllegalArgumentException if {@code times < 0}
     */
    public FeatureProfile add(String label, long times) {
        if (kind != FeatureKind.CATEGORICAL) {
            throw new IllegalStateException("feature '" + feature + "' is numeric");
        }
        if (times < 0) {
            throw new IllegalArgumentException("feature '" + feature + "': a count of " + times + " rows");
        }
        if (times == 0) {
            return this;
        }
        if (label == null) {
            missing += times;
        } else {
            categories.merge(label, times, Long::sum);
            count += times;
        }
        return this;
    }

    /**
     * @param other a profile of the same feature, kind and bins
     * @return a new profile equal to the profile of both inputs' data together
     */
    public FeatureProfile merge(FeatureProfile other) {
        if (!feature.equals(other.feature) || kind != other.kind || !Objects.equals(bins, other.bins)) {
            throw new IllegalArgumentException("cannot merge profiles of '" + feature + "' and '" + other.feature
                    + "' with different kinds or bins");
        }
        FeatureProfile m = kind == FeatureKind.NUMERIC ? numeric(feature, bins) : categorical(feature);
        m.missing = missing + other.missing;
        m.count = count + other.count;
        if (kind == FeatureKind.CATEGORICAL) {
            m.categories.putAll(categories);
            other.categories.forEach((k, v) -> m.categories.merge(k, v, Long::sum));
            return m;
        }
        for (int i = 0; i < slots.length; i++) {
            m.slots[i] = slots[i] + other.slots[i];
        }
        if (m.count > 0) {
            double delta = other.mean - mean;
            m.mean = mean + delta * other.count / m.count;
            m.m2 = m2 + other.m2 + delta * delta * ((double) count * other.count / m.count);
        }
        m.min = Math.min(min, other.min);
        m.max = Math.max(max, other.max);
        m.sketch.merge(sketch);
        m.sketch.merge(other.sketch);
        return m;
    }

    /** @return the feature's name */
    public String feature() {
        return feature;
    }

    /** @return numeric or categorical */
    public FeatureKind kind() {
        return kind;
    }

    /** @return non-missing values added */
    public long count() {
        return count;
    }

    /** @return missing values added */
    public long missing() {
        return missing;
    }

    /** @return the mean, {@code NaN} when empty */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** @return the sample variance (ddof 1), {@code NaN} below two values */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** @return the sum of squared deviations from the mean (Welford's {@code M2}), 0 when empty */
    public double sumOfSquaredDeviations() {
        return m2;
    }

    /** @return an empty profile of the same feature, kind and bins, to profile another window with */
    public FeatureProfile emptyLike() {
        return kind == FeatureKind.NUMERIC ? numeric(feature, bins) : categorical(feature);
    }

    KllDoublesSketch sketch() {
        return sketch;
    }

    /** @return the minimum, {@code NaN} when empty */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** @return the maximum, {@code NaN} when empty */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** @return the bins (numeric only), or {@code null} */
    public ReferenceBins bins() {
        return bins;
    }

    /** @return counts per slot: below, each bin, above (numeric only) */
    public long[] slotCounts() {
        return slots == null ? null : slots.clone();
    }

    /** @return counts per category, keys ascending (categorical only) */
    public Map<String, Long> categoryCounts() {
        return categories == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(categories));
    }

    /**
     * @param q a probability in [0, 1]
     * @return the approximate quantile from the KLL sketch (numeric only)
     */
    public double quantile(double q) {
        return count == 0 ? Double.NaN : sketch.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }

    /** @return the sketch's normalized rank error bound (two-sided), 0 while it holds every value */
    public double rankError() {
        return sketch == null || !sketch.isEstimationMode() ? 0.0 : sketch.getNormalizedRankError(false);
    }

    /** @return a plain representation: numbers, strings, lists and maps only */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", feature);
        m.put("kind", kind.key());
        m.put("count", count);
        m.put("missing", missing);
        if (kind == FeatureKind.CATEGORICAL) {
            m.put("categories", new LinkedHashMap<>(categories));
        } else {
            m.put("edges", Arrays.stream(bins.edges()).boxed().toList());
            m.put("slots", Arrays.stream(slots).boxed().toList());
            m.put("mean", mean);
            m.put("m2", m2);
            m.put("min", min);
            m.put("max", max);
            m.put("kll", Base64.getEncoder().encodeToString(sketch.toByteArray()));
        }
        return m;
    }

    /**
     * @param m a map made by {@link #toMap()} (numbers may come back as any {@link Number})
     * @return the profile
     */
    @SuppressWarnings("unchecked")
    public static FeatureProfile fromMap(Map<String, ?> m) {
        String feature = (String) m.get("feature");
        FeatureProfile p;
        if ("categorical".equals(m.get("kind"))) {
            p = categorical(feature);
            ((Map<String, ?>) m.get("categories")).forEach((k, v) -> p.categories.put(k, ((Number) v).longValue()));
        } else {
            double[] edges = ((List<? extends Number>) m.get("edges")).stream().mapToDouble(Number::doubleValue)
                    .toArray();
            byte[] kll = Base64.getDecoder().decode((String) m.get("kll"));
            p = new FeatureProfile(feature, FeatureKind.NUMERIC, ReferenceBins.ofEdges(edges),
                    KllDoublesSketch.heapify(Memory.wrap(kll)));
            List<? extends Number> s = (List<? extends Number>) m.get("slots");
            for (int i = 0; i < s.size(); i++) {
                p.slots[i] = s.get(i).longValue();
            }
            p.mean = ((Number) m.get("mean")).doubleValue();
            p.m2 = ((Number) m.get("m2")).doubleValue();
            p.min = ((Number) m.get("min")).doubleValue();
            p.max = ((Number) m.get("max")).doubleValue();
        }
        p.count = ((Number) m.get("count")).longValue();
        p.missing = ((Number) m.get("missing")).longValue();
        return p;
    }
}
