package dev.candor.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link FeatureProfile}s of every watched feature of one window, merged by addition feature by
 * feature. A reference profile can stand in for the raw reference in later windows.
 *
 * <pre>{@code
 * DatasetProfile p = DatasetProfile.of(List.of(FeatureProfile.numeric("age", bins), FeatureProfile.categorical("sex")));
 * p.feature("age").add(39.0);
 * DatasetProfile all = partA.merge(partB);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DatasetProfile {

    private final Map<String, FeatureProfile> features;

    private DatasetProfile(Map<String, FeatureProfile> features) {
        this.features = features;
    }

    /**
     * @param profiles empty (or partly filled) profiles, one per feature, names unique
     * @return the dataset profile
     */
    public static DatasetProfile of(List<FeatureProfile> profiles) {
        Map<String, FeatureProfile> m = new LinkedHashMap<>();
        for (FeatureProfile p : profiles) {
            if (m.put(p.feature(), p) != null) {
                throw new IllegalArgumentException("feature '" + p.feature() + "' profiled twice");
            }
        }
        return new DatasetProfile(m);
    }

    /**
     * @param name a feature
     * @return its profile
     * @throws IllegalArgumentException if the feature is not profiled
     */
    public FeatureProfile feature(String name) {
        FeatureProfile p = features.get(name);
        if (p == null) {
            throw new IllegalArgumentException("feature '" + name + "' is not in the profile");
        }
        return p;
    }

    /** @return the profiles, in order */
    public Map<String, FeatureProfile> features() {
        return Collections.unmodifiableMap(features);
    }

    /**
     * @param other a profile of the same features
     * @return the merged profile
     */
    public DatasetProfile merge(DatasetProfile other) {
        if (!features.keySet().equals(other.features.keySet())) {
            throw new IllegalArgumentException("profiles of different features: " + features.keySet() + " vs "
                    + other.features.keySet());
        }
        Map<String, FeatureProfile> m = new LinkedHashMap<>();
        features.forEach((k, v) -> m.put(k, v.merge(other.features.get(k))));
        return new DatasetProfile(m);
    }

    /** @return a plain representation for JSON writers: {@code {"features": [ ... ]}} */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        features.values().forEach(f -> list.add(f.toMap()));
        return Map.of("features", list);
    }

    /**
     * @param m a map made by {@link #toMap()}
     * @return the profile
     */
    @SuppressWarnings("unchecked")
    public static DatasetProfile fromMap(Map<String, ?> m) {
        List<FeatureProfile> list = new ArrayList<>();
        for (Object o : (List<?>) m.get("features")) {
            list.add(FeatureProfile.fromMap((Map<String, ?>) o));
        }
        return of(list);
    }
}
