package dev.candor.report.sections;

import java.util.List;
import java.util.Objects;

/**
 * Who is in the data: group sizes and base rates (the rate of the favorable label) per protected
 * attribute, on the rows the report evaluates.
 *
 * @param rows            rows described
 * @param label           the label column
 * @param favorable       the favorable label value
 * @param baseRate        the overall rate of the favorable label
 * @param attributes      one entry per protected attribute
 * @since 0.1.0
 */
public record DataSection(long rows, String label, String favorable, double baseRate,
                          List<AttributeGroups> attributes) {

    public DataSection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(favorable, "favorable");
        attributes = List.copyOf(attributes);
    }

    /**
     * The groups of one protected attribute.
     *
     * @param attribute  the attribute
     * @param privileged the privileged group (may be null when none is declared)
     * @param groups     the groups, in the order they are shown
     */
    public record AttributeGroups(String attribute, String privileged, List<GroupRow> groups) {
        public AttributeGroups {
            Objects.requireNonNull(attribute, "attribute");
            groups = List.copyOf(groups);
        }
    }

    /**
     * One group's size and base rate.
     *
     * @param group    the group's value
     * @param count    its rows
     * @param share    count / rows
     * @param baseRate the rate of the favorable label in the group (NaN if the group is empty)
     */
    public record GroupRow(String group, long count, double share, double baseRate) {
        public GroupRow {
            Objects.requireNonNull(group, "group");
        }
    }
}
