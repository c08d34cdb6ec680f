package dev.candor.monitor;

import dev.candor.core.Fingerprint;
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

    /** @return an empty profile of the same features, kinds and bins, to profile another window with */
    public DatasetProfile emptyLike() {
        Map<String, FeatureProfile> m = new LinkedHashMap<>();
        features.forEach((k, v) -> m.put(k, v.emptyLike()));
        return new DatasetProfile(m);
    }

    /**
     * The fingerprint of the profile's schema: each feature's name, kind and reference bin edges, in
     * order (not the counts). Two profiles can be compared or merged only when their schema
     * fingerprints are equal.
     *
     * @return the schema fingerprint (rows = 0, columns = number of features)
     */
    public Fingerprint schemaFingerprint() {
        Fingerprint.Builder b = Fingerprint.builder();
        for (FeatureProfile f : features.values()) {
            b.add(f.feature()).add(f.kind().key());
            if (f.bins() != null) {
                b.add(f.bins().edges());
            }
        }
        return b.build(0, features.size());
    }

    /**
     * Checks that another profile has this profile's schema.
     *
     * @param other a profile
     * @throws IllegalArgumentException naming both fingerprints and the first difference, if not
     */
    public void requireSameSchema(DatasetProfile other) {
        Fingerprint mine = schemaFingerprint();
        Fingerprint theirs = other.schemaFingerprint();
        if (mine.equals(theirs)) {
            return;
        }
        String why;
        if (!features.keySet().equals(other.features.keySet())) {
            why = "features " + features.keySet() + " vs " + other.features.keySet();
        } else {
            why = features.values().stream().filter(f -> {
                FeatureProfile g = other.features.get(f.feature());
                return f.kind() != g.kind() || !java.util.Objects.equals(f.bins(), g.bins());
            }).findFirst().map(f -> "feature '" + f.feature() + "' has another kind or other bins")
                    .orElse("features in another order");
        }
        throw new IllegalArgumentException("profile schemas differ (fingerprint " + mine.hash() + " vs "
                + theirs.hash() + "): " + why);
    }

    /**
     * @return a plain representation for JSON writers:
     *         {@code {"schema_fingerprint": "...", "features": [ ... ]}}
     */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        features.values().forEach(f -> list.add(f.toMap()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_fingerprint", schemaFingerprint().hash());
        m.put("features", list);
        return m;
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
