package dev.candor.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A window summary built only from statistics that merge by addition: the monitor's
 * {@link FeatureProfile} of every watched feature and of the score (histograms over bins fixed from
 * the reference, Welford moments, category counts), confusion counts overall and per protected group,
 * and the fairness registry's metrics ({@link GroupMetrics#metrics()}) computed from those counts.
 *
 * <p>The window object holds {@code key}, {@code start}, {@code end}, {@code rows}, {@code complete},
 * {@code performance.counts} ({@code n, tp, fp, tn, fn}; {@code unlabeled} rows lack a label or a
 * prediction), {@code fairness.<attr>} ({@code groups.<value>} counts, {@code missing},
 * {@code metrics.<registry key>} and {@code undefined.<key>} = reason for every metric that is
 * {@code null}) and {@code features.<name>} (count, missing, mean, variance, min, max and reference-bin
 * {@code slots} for numbers; {@code categories} for labels).
 *
 * <p>The reference fixes the numeric bins (Sturges over the reference, {@link ReferenceBins}).
 *
 * @since 0.2.0
 */
public final class ProfileAggregation implements WindowAggregation<ProfileAccumulator> {

    private static final long serialVersionUID = 1L;

    private final EventSchema schema;
    private final Map<String, double[]> edges;
    private final List<String> categorical;
    private final int label;
    private final int prediction;
    private final int[] attributes;
    private final int[] numericIndex;
    private final int[] categoricalIndex;

    private ProfileAggregation(EventSchema schema, Map<String, double[]> edges) {
        this.schema = schema;
        this.edges = edges;
        this.categorical = schema.categorical();
        this.label = schema.label() == null ? -1 : schema.indexOf(schema.label());
        this.prediction = schema.prediction() == null ? -1 : schema.indexOf(schema.prediction());
        this.attributes = schema.protectedAttributes().stream().mapToInt(schema::indexOf).toArray();
        this.numericIndex = edges.keySet().stream().mapToInt(schema::indexOf).toArray();
        this.categoricalIndex = categorical.stream().mapToInt(schema::indexOf).toArray();
    }

    /**
     * @param schema    the stream's columns and roles
     * @param reference the reference events, which fix the numeric bins
     * @return the aggregation
     * @throws IllegalArgumentException when a numeric feature has no value in the reference
     */
    public static ProfileAggregation fromReference(EventSchema schema, List<PredictionEvent> reference) {
        Set<String> numeric = new LinkedHashSet<>(schema.numeric());
        if (schema.score() != null) {
            numeric.add(schema.score());
        }
        Map<String, double[]> edges = new LinkedHashMap<>();
        for (String f : numeric) {
            int c = schema.indexOf(f);
            double[] values = reference.stream().mapToDouble(e -> number(e.values[c])).toArray();
            try {
                edges.put(f, ReferenceBins.sturges(values).edges());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("feature '" + f + "' (reference side): " + e.getMessage(), e);
            }
        }
        return new ProfileAggregation(schema, edges);
    }

    @Override
    public ProfileAccumulator create() {
        List<FeatureProfile> profiles = new ArrayList<>();
        edges.forEach((f, e) -> profiles.add(FeatureProfile.numeric(f, ReferenceBins.ofEdges(e))));
        categorical.forEach(f -> profiles.add(FeatureProfile.categorical(f)));
        return new ProfileAccumulator(DatasetProfile.of(profiles), schema.protectedAttributes());
    }

    @Override
    public void add(ProfileAccumulator acc, PredictionEvent e) {
        acc.rows++;
        acc.first = Math.min(acc.first, e.timestamp);
        acc.last = Math.max(acc.last, e.timestamp);
        int i = 0;
        for (FeatureProfile p : acc.features.features().values()) {
            if (p.kind() == FeatureKind.NUMERIC) {
                p.add(number(e.values[numericIndex[i++]]));
            } else {
                p.add(e.values[categoricalIndex[i++ - numericIndex.length]]);
            }
        }
        String y = label < 0 ? null : e.values[label];
        String p = prediction < 0 ? null : e.values[prediction];
        if (y == null || p == null) {
            acc.unlabeled++;
            return;
        }
        int cell = 2 * favorable(y) + favorable(p);
        acc.overall[cell]++;
        for (int a = 0; a < attributes.length; a++) {
            String attr = schema.protectedAttributes().get(a);
            String g = e.values[attributes[a]];
            if (g == null) {
                acc.missingGroup.merge(attr, 1L, Long::sum);
            } else {
                acc.groups.get(attr).computeIfAbsent(g, k -> new long[4])[cell]++;
            }
        }
    }

    @Override
    public ProfileAccumulator merge(ProfileAccumulator a, ProfileAccumulator b) {
        ProfileAccumulator m = new ProfileAccumulator(a.features.merge(b.features), schema.protectedAttributes());
        m.rows = a.rows + b.rows;
        m.first = Math.min(a.first, b.first);
        m.last = Math.max(a.last, b.last);
        m.unlabeled = a.unlabeled + b.unlabeled;
        for (int i = 0; i < 4; i++) {
            m.overall[i] = a.overall[i] + b.overall[i];
        }
        for (ProfileAccumulator s : List.of(a, b)) {
            s.groups.forEach((attr, byGroup) -> byGroup.forEach((g, c) -> {
                long[] into = m.groups.get(attr).computeIfAbsent(g, k -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    into[i] += c[i];
                }
            }));
            s.missingGroup.forEach((k, v) -> m.missingGroup.merge(k, v, Long::sum));
        }
        return m;
    }

    @Override
    public Map<String, Object> evaluate(ProfileAccumulator acc, WindowBounds bounds) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("key", bounds.key(acc.last));
        w.put("start", bounds.startValue());
        w.put("end", bounds.endValue());
        w.put("rows", acc.rows);
        w.put("complete", bounds.complete(acc.rows));
        Map<String, Object> perf = new LinkedHashMap<>();
        perf.put("counts", counts(acc.overall));
        perf.put("unlabeled", acc.unlabeled);
        w.put("performance", perf);
        Map<String, Object> fairness = new LinkedHashMap<>();
        acc.groups.forEach((attr, byGroup) -> fairness.put(attr, fairness(attr, byGroup, acc.missingGroup.get(attr))));
        w.put("fairness", fairness);
        Map<String, Object> features = new LinkedHashMap<>();
        acc.features.features().forEach((f, p) -> features.put(f, feature(p)));
        w.put("features", features);
        return w;
    }

    private Map<String, Object> fairness(String attr, Map<String, long[]> byGroup, long missing) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> groups = new LinkedHashMap<>();
        byGroup.forEach((g, c) -> groups.put(g, counts(c)));
        out.put("groups", groups);
        out.put("missing", missing);
        List<String> names = new ArrayList<>(byGroup.keySet());
        List<ConfusionCounts> cc = new ArrayList<>();
        byGroup.values().forEach(c -> cc.add(ConfusionCounts.of(c[3], c[1], c[0], c[2])));
        String privileged = schema.privileged().get(attr);
        if (privileged != null && !byGroup.containsKey(privileged)) {
            names.add(privileged);
            cc.add(ConfusionCounts.EMPTY);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Object> undefined = new LinkedHashMap<>();
        if (!names.isEmpty()) {
            GroupMetrics gm = GroupMetrics.of(GroupCounts.of(attr, names, cc));
            if (privileged != null) {
                gm = gm.withPrivileged(privileged);
            }
            for (Map.Entry<String, Comparison> e : gm.metrics().entrySet()) {
                Comparison c = e.getValue();
                if (c.isDefined()) {
                    metrics.put(e.getKey(), c.value());
                } else {
                    metrics.put(e.getKey(), null);
                    undefined.put(e.getKey(), c.reason().key());
                }
            }
        }
        out.put("metrics", metrics);
        out.put("undefined", undefined);
        return out;
    }

    private static Map<String, Object> feature(FeatureProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().key());
        m.put("count", p.count());
        m.put("missing", p.missing());
        if (p.kind() == FeatureKind.NUMERIC) {
            m.put("mean", finite(p.mean()));
            m.put("variance", finite(p.variance()));
            m.put("min", finite(p.min()));
            m.put("max", finite(p.max()));
            List<Long> slots = new ArrayList<>();
            for (long s : p.slotCounts()) {
                slots.add(s);
            }
            m.put("slots", slots);
        } else {
            m.put("categories", new LinkedHashMap<>(p.categoryCounts()));
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Map<String, Object> counts(long[] c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c[0] + c[1] + c[2] + c[3]);
        m.put("tp", c[3]);
        m.put("fp", c[1]);
        m.put("tn", c[0]);
        m.put("fn", c[2]);
        return m;
    }

    private int favorable(String v) {
        if (v.equals(schema.favorable())) {
            return 1;
        }
        try {
            return Double.parseDouble(v) == Double.parseDouble(schema.favorable()) ? 1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double number(String v) {
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    @Override
    public AccumulatorCodec<ProfileAccumulator> codec() {
        return new Codec();
    }

    /** JSON bytes of {@link ProfileAccumulator}'s plain representation. */
    static final class Codec implements AccumulatorCodec<ProfileAccumulator> {
        private static final long serialVersionUID = 1L;
        // An empty profile's minimum is +Infinity: written and read back as a bare number token.
        private static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

        @Override
        public Class<ProfileAccumulator> type() {
            return ProfileAccumulator.class;
        }

        @Override
        public byte[] encode(ProfileAccumulator acc) {
            try {
                return JSON.writeValueAsBytes(acc.toMap());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public ProfileAccumulator decode(byte[] bytes) {
            try {
                return ProfileAccumulator.fromMap(JSON.readValue(bytes, Map.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
