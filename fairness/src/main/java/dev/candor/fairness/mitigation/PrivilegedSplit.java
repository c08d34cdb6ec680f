package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * AIF360's two-group view of a protected attribute: rows with a privileged value against every other
 * value pooled into one unprivileged group. Remembers the values seen when fitting, so that a value
 * never seen is refused when applying (it might not belong with the pooled ones).
 */
final class PrivilegedSplit {
    static final String PRIVILEGED = Reweighing.PRIVILEGED;
    static final String UNPRIVILEGED = Reweighing.UNPRIVILEGED;

    final Set<String> privileged;
    final Set<String> seen;

    private PrivilegedSplit(Set<String> privileged, Set<String> seen) {
        this.privileged = Set.copyOf(privileged);
        this.seen = Set.copyOf(seen);
    }

    static PrivilegedSplit fit(String[] groups, Collection<String> privileged) {
        if (privileged == null || privileged.isEmpty()) {
            throw new BadInputException("a privileged group value is needed: AIF360's post-processing compares the "
                    + "privileged group with all other values pooled");
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new BadInputException("groups[" + i + "] is null");
            }
            seen.add(groups[i]);
        }
        Set<String> priv = new TreeSet<>(privileged);
        if (!seen.containsAll(priv)) {
            Set<String> missing = new TreeSet<>(priv);
            missing.removeAll(seen);
            throw new BadInputException("privileged value(s) " + missing + " do not occur in the data (values "
                    + seen + ")");
        }
        if (priv.containsAll(seen)) {
            throw new BadInputException("every value " + seen + " is privileged: there is no unprivileged group");
        }
        return new PrivilegedSplit(priv, seen);
    }

    /** @return each row's pooled group, {@link #PRIVILEGED} or {@link #UNPRIVILEGED} */
    String[] pool(String[] groups) {
        String[] out = new String[groups.length];
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g == null || !seen.contains(g)) {
                throw new BadInputException("groups[" + i + "] = '" + g + "' was not in the calibration data (values "
                        + seen + ")");
            }
            out[i] = privileged.contains(g) ? PRIVILEGED : UNPRIVILEGED;
        }
        return out;
    }

    /** @return a pooled group named with its members, for messages */
    String display(String pooled) {
        if (PRIVILEGED.equals(pooled)) {
            return "privileged " + privileged;
        }
        Set<String> others = new TreeSet<>(seen);
        others.removeAll(privileged);
        return "unprivileged " + others;
    }

    List<String> privilegedList() {
        return List.copyOf(new TreeSet<>(privileged));
    }
}
