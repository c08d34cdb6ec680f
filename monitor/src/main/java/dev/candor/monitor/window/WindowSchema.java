package dev.candor.monitor.window;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a monitored row holds: the watched numeric and categorical features and the protected
 * attributes, by name and in order. Label, score and prediction are fixed slots of every
 * {@link WindowRow}; each may be absent on a row (a label that has not arrived yet).
 *
 * @param numeric    numeric feature names
 * @param categorical categorical feature names
 * @param protectedAttributes protected attribute names (fairness is computed per attribute)
 * @since 0.2.0
 */
public record WindowSchema(List<String> numeric, List<String> categorical, List<String> protectedAttributes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the lists and refuses duplicate feature names. */
    public WindowSchema {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        protectedAttributes = List.copyOf(protectedAttributes);
        Set<String> seen = new HashSet<>();
        for (String f : numeric) {
            if (!seen.add(Objects.requireNonNull(f, "feature"))) {
                throw new IllegalArgumentException("feature '" + f + "' listed twice");
            }
        }
        for (String f : categorical) {
            if (!seen.add(Objects.requireNonNull(f, "feature"))) {
                throw new IllegalArgumentException("feature '" + f + "' listed twice");
            }
        }
    }

    /** @return the number of watched features */
    public int features() {
        return numeric.size() + categorical.size();
    }
}
