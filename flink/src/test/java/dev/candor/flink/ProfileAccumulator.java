package dev.candor.flink;

import dev.candor.monitor.DatasetProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one window in the profile summary ({@link ProfileAggregation}): the monitor's
 * mergeable {@link DatasetProfile} of the watched features and the score, confusion cells overall and
 * per protected group, the row count and the first and last event times. Every part merges by
 * addition.
 *
 * <p>Confusion cells are indexed {@code 2y + p}: 0 true negative, 1 false positive, 2 false negative,
 * 3 true positive. A row without a label or a prediction is counted in {@code unlabeled}; a row
 * without a protected attribute's value in that attribute's {@code missing}; neither is dropped
 * silently.
 *
 * @since 0.2.0
 */
public final class ProfileAccumulator {

    DatasetProfile features;
    long rows;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final long[] overall = new long[4];
    long unlabeled;
    final Map<String, TreeMap<String, long[]>> groups = new LinkedHashMap<>();
    final Map<String, Long> missingGroup = new LinkedHashMap<>();

    ProfileAccumulator(DatasetProfile features, List<String> attributes) {
        this.features = features;
        for (String a : attributes) {
            groups.put(a, new TreeMap<>());
            missingGroup.put(a, 0L);
        }
    }

    /** @return the rows added */
    public long rows() {
        return rows;
    }

    /** @return the feature profiles */
    public DatasetProfile features() {
        return features;
    }

    /** @return a plain representation (numbers, strings, lists and maps) */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("first", first);
        m.put("last", last);
        m.put("overall", cells(overall));
        m.put("unlabeled", unlabeled);
        Map<String, Object> g = new LinkedHashMap<>();
        groups.forEach((attr, byGroup) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            byGroup.forEach((k, v) -> one.put(k, cells(v)));
            g.put(attr, one);
        });
        m.put("groups", g);
        m.put("missing_group", new LinkedHashMap<>(missingGroup));
        m.put("features", features.toMap());
        return m;
    }

    @SuppressWarnings("unchecked")
    static ProfileAccumulator fromMap(Map<String, ?> m) {
        Map<String, Map<String, List<Number>>> g = (Map<String, Map<String, List<Number>>>) m.get("groups");
        ProfileAccumulator a = new ProfileAccumulator(DatasetProfile.fromMap((Map<String, ?>) m.get("features")),
                new ArrayList<>(g.keySet()));
        a.rows = ((Number) m.get("rows")).longValue();
        a.first = ((Number) m.get("first")).longValue();
        a.last = ((Number) m.get("last")).longValue();
        fill(a.overall, (List<Number>) m.get("overall"));
        a.unlabeled = ((Number) m.get("unlabeled")).longValue();
        g.forEach((attr, byGroup) -> byGroup.forEach((k, v) -> fill(a.groups.get(attr).computeIfAbsent(k,
                x -> new long[4]), v)));
        ((Map<String, Number>) m.get("missing_group")).forEach((k, v) -> a.missingGroup.put(k, v.longValue()));
        return a;
    }

    private static List<Long> cells(long[] c) {
        return List.of(c[0], c[1], c[2], c[3]);
    }

    private static void fill(long[] into, List<Number> from) {
        for (int i = 0; i < 4; i++) {
            into[i] = from.get(i).longValue();
        }
    }
}
