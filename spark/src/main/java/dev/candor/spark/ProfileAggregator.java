package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark {@link Aggregator} of a {@link DatasetProfile}: each row (the template's features,
 * in order) is added to the partition's profile, and partial profiles merge by addition (counts,
 * histogram slots over the template's reference bins, category counts, Chan's moments, KLL sketches).
 *
 * <p>Cells: a numeric feature takes a number or text that parses as one; null and empty text are
 * missing, as are NaN values; other text fails the job naming the feature and the value. A
 * categorical feature takes any value as text; null is missing.
 *
 * @since 0.1.0
 */
public final class ProfileAggregator extends Aggregator<Row, ProfileBuffer, ProfileBuffer> {

    private static final long serialVersionUID = 1L;

    private final ProfileBuffer template;
    private final String[] names;
    private final boolean[] numeric;

    /**
     * @param template the features to profile, with their kinds and reference bins (its counts are ignored)
     */
    public ProfileAggregator(DatasetProfile template) {
        this.template = ProfileBuffer.empty(template);
        List<FeatureProfile> fs = List.copyOf(template.features().values());
        this.names = fs.stream().map(FeatureProfile::feature).toArray(String[]::new);
        this.numeric = new boolean[fs.size()];
        for (int i = 0; i < fs.size(); i++) {
            numeric[i] = fs.get(i).kind() == FeatureKind.NUMERIC;
        }
    }

    @Override
    public ProfileBuffer zero() {
        return ProfileBuffer.empty(template.profile());
    }

    @Override
    public ProfileBuffer reduce(ProfileBuffer b, Row r) {
        DatasetProfile p = b.profile();
        for (int i = 0; i < names.length; i++) {
            Object v = r.get(i);
            FeatureProfile f = p.feature(names[i]);
            if (numeric[i]) {
                f.add(number(v, names[i], r));
            } else {
                f.add(v == null ? null : v.toString());
            }
        }
        return b;
    }

    private static double number(Object v, String feature, Row r) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d)) {
                throw new BadInputException("feature '" + feature + "': non-finite value " + v + " in the row " + r);
            }
            return d;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException("feature '" + feature + "': value '" + s + "' is not a finite number, in the row "
                    + r);
        }
    }

    @Override
    public ProfileBuffer merge(ProfileBuffer b1, ProfileBuffer b2) {
        return b1.merge(b2);
    }

    @Override
    public ProfileBuffer finish(ProfileBuffer reduction) {
        return reduction;
    }

    @Override
    public Encoder<ProfileBuffer> bufferEncoder() {
        return Encoders.javaSerialization(ProfileBuffer.class);
    }

    @Override
    public Encoder<ProfileBuffer> outputEncoder() {
        return Encoders.javaSerialization(ProfileBuffer.class);
    }
}
