package dev.candor.spark;

import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aggregation buffer of a distributed profile: a {@link DatasetProfile} being filled, which
 * travels between executors as its plain {@link DatasetProfile#toMap() map} form (counts, moments and
 * the KLL sketch's bytes). Merges with {@link DatasetProfile#merge}.
 *
 * @since 0.1.0
 */
public final class ProfileBuffer implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient DatasetProfile profile;

    ProfileBuffer(DatasetProfile profile) {
        this.profile = profile;
    }

    /**
     * @param template a profile whose features, kinds and bins to copy
     * @return an empty buffer of the same shape
     */
    static ProfileBuffer empty(DatasetProfile template) {
        List<FeatureProfile> empty = new ArrayList<>();
        for (FeatureProfile f : template.features().values()) {
            empty.add(f.kind() == FeatureKind.NUMERIC ? FeatureProfile.numeric(f.feature(), f.bins())
                    : FeatureProfile.categorical(f.feature()));
        }
        return new ProfileBuffer(DatasetProfile.of(empty));
    }

    /** @return the profile */
    public DatasetProfile profile() {
        return profile;
    }

    ProfileBuffer merge(ProfileBuffer other) {
        profile = profile.merge(other.profile);
        return this;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(profile.toMap());
    }

    @SuppressWarnings("unchecked")
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        profile = DatasetProfile.fromMap((Map<String, ?>) in.readObject());
    }
}
