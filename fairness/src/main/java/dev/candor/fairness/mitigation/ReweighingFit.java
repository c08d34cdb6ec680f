package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.fairness.GroupAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The computation of a {@link Reweighing}: checks the labels, forms the cell groups (every group of
 * the attribute, or privileged versus the rest pooled by {@link GroupAttribute#pooled}), sums the
 * prior weights of every group, label and cell with compensated summation, and gives each cell
 * AIF360's weight {@code n_fav*n_p / (n*n_p_fav)}, in that order of operations.
 */
final class ReweighingFit {

    private ReweighingFit() {
    }

    /**
     * Fits reweighing on string groups, named {@code groups} in messages.
     *
     * @see #fit(int, Set, int[], GroupAttribute, double[])
     */
    static Reweighing fit(int favorable, Set<String> privileged, int[] labels, String[] groups,
                          double[] priorWeights) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groups, "groups");
        checkLengths(labels, groups.length, priorWeights);
        checkLabels(labels, favorable);
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new BadInputException("groups at row " + i + " is null");
            }
        }
        return fit(favorable, privileged, labels, GroupAttribute.of("groups", groups), priorWeights);
    }

    /**
     * @param favorable    the favorable label
     * @param privileged   the privileged values (empty: every group separately)
     * @param labels       the binary labels
     * @param groups       the protected attribute; its name appears in messages
     * @param priorWeights existing instance weights, or null for unit weights
     * @return the fitted reweighing
     * @throws BadInputException on bad input, see {@link Reweighing}
     */
    static Reweighing fit(int favorable, Set<String> privileged, int[] labels, GroupAttribute groups,
                          double[] priorWeights) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groups, "groups");
        checkLengths(labels, groups.rows(), priorWeights);
        int unfavorable = checkLabels(labels, favorable);
        int n = labels.length;
        String name = groups.name();
        List<String> values = groups.values();
        int[] codes = groups.codes();
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0 || codes[i] >= values.size()) {
                throw new BadInputException(name + " at row " + i + " has group code " + codes[i] + ", outside 0.."
                        + (values.size() - 1));
            }
        }

        // The cell groups: every value, or privileged versus the rest pooled.
        List<String> cellGroups = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        Map<String, Integer> groupOfValue = new HashMap<>();
        int[] cellGroupOfRow;
        if (privileged.isEmpty()) {
            if (values.size() == 1) {
                throw new BadInputException(name + ": every row is in the one group '" + values.get(0)
                        + "': reweighing needs at least two groups (all weights would be 1)");
            }
            for (String v : values) {
                groupOfValue.put(v, cellGroups.size());
                cellGroups.add(v);
                members.add(List.of(v));
            }
            cellGroupOfRow = codes;
        } else {
            for (String p : privileged) {
                if (!values.contains(p)) {
                    throw new BadInputException("privileged value '" + p + "' does not occur in " + name
                            + " (values: " + values + ")");
                }
            }
            if (privileged.containsAll(values)) {
                throw new BadInputException(name + ": every row is in the privileged group " + quoted(privileged)
                        + ": the unprivileged cells are empty and their weights undefined");
            }
            GroupAttribute pooled = groups.pooled(privileged);
            cellGroups.addAll(pooled.values());
            members.add(List.copyOf(privileged));
            List<String> others = new ArrayList<>();
            for (String v : values) {
                boolean isPrivileged = privileged.contains(v);
                groupOfValue.put(v, isPrivileged ? 0 : 1);
                if (!isPrivileged) {
                    others.add(v);
                }
            }
            members.add(others);
            cellGroupOfRow = pooled.codes();
        }
        int k = cellGroups.size();

        // Weighted sums W, W_g, W_l, W_{g,l}, each summed directly over the rows (as AIF360 does),
        // with compensated summation.
        int[] cellOfRow = new int[n];
        long[] cellRows = new long[2 * k];
        CompensatedSums cellSum = new CompensatedSums(2 * k);
        CompensatedSums groupSum = new CompensatedSums(k);
        CompensatedSums labelSum = new CompensatedSums(2);
        CompensatedSums total = new CompensatedSums(1);
        for (int i = 0; i < n; i++) {
            int g = cellGroupOfRow[i];
            int side = labels[i] == favorable ? 0 : 1;
            int c = 2 * g + side;
            cellOfRow[i] = c;
            cellRows[c]++;
            double w = priorWeights == null ? 1.0 : checkPrior(priorWeights[i], i);
            cellSum.add(c, w);
            groupSum.add(g, w);
            labelSum.add(side, w);
            total.add(0, w);
        }
        double bigW = total.sum(0);
        List<ReweighingCell> cells = new ArrayList<>(2 * k);
        double[] weightOfCell = new double[2 * k];
        for (int g = 0; g < k; g++) {
            for (int side = 0; side < 2; side++) {
                int c = 2 * g + side;
                int label = side == 0 ? favorable : unfavorable;
                double wgl = cellSum.sum(c);
                if (cellRows[c] == 0 || !(wgl > 0)) {
                    throw new BadInputException("cell (group " + describe(cellGroups.get(g),
                            members.get(g)) + ", label " + label + ") "
                            + (cellRows[c] == 0 ? "has no rows"
                            : "has " + cellRows[c] + " rows whose prior weights sum to 0")
                            + ": its reweighing weight W_g*W_l/(W*W_gl) is undefined");
                }
                // Same operation order as AIF360: n_fav*n_p / (n*n_p_fav).
                double w = labelSum.sum(side) * groupSum.sum(g) / (bigW * wgl);
                weightOfCell[c] = w;
                cells.add(new ReweighingCell(cellGroups.get(g), members.get(g), label, side == 0,
                        cellRows[c], wgl, w));
            }
        }
        double[] rowWeights = new double[n];
        for (int i = 0; i < n; i++) {
            double w = weightOfCell[cellOfRow[i]];
            rowWeights[i] = priorWeights == null ? w : priorWeights[i] * w;
        }

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("favorable", favorable);
        params.put("unfavorable", unfavorable);
        params.put("grouping", privileged.isEmpty() ? "every group" : "privileged=" + privileged);
        params.put("priorWeights", priorWeights == null ? "unit" : "given");
        // The groups enter the fingerprint as codes plus the distinct values: the same information as
        // the strings themselves, hashed ten times faster.
        Fingerprint.Builder fp = Fingerprint.builder().add(labels).add(codes).add(values.toArray(String[]::new));
        if (priorWeights != null) {
            fp.add(priorWeights);
        }
        Provenance prov = Provenance.of("Reweighing", params, null, fp.build(n, priorWeights == null ? 2 : 3));
        return new Reweighing(favorable, unfavorable, privileged, groupOfValue, cells, rowWeights, bigW, prov);
    }

    /**
     * @return the unfavorable label: the one value other than the favorable one
     * @throws BadInputException if there are no rows, or the labels are not exactly two values one of
     *                           which is the favorable label
     */
    private static int checkLabels(int[] labels, int favorable) {
        int n = labels.length;
        if (n == 0) {
            throw new BadInputException("labels: no rows to reweigh");
        }
        boolean haveUnfavorable = false;
        boolean haveFavorable = false;
        int unfavorable = 0;
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l == favorable) {
                haveFavorable = true;
            } else if (!haveUnfavorable) {
                unfavorable = l;
                haveUnfavorable = true;
            } else if (l != unfavorable) {
                throw new BadInputException("labels must be binary: row " + i + " has label " + l
                        + " but labels " + favorable + " (favorable) and " + unfavorable
                        + " were already seen");
            }
        }
        if (!haveFavorable) {
            throw new BadInputException("labels: no row has the favorable label " + favorable
                    + (haveUnfavorable ? " (every label is " + unfavorable + ")" : "")
                    + ": the cells (group, " + favorable + ") are empty and their weights undefined");
        }
        if (!haveUnfavorable) {
            throw new BadInputException("labels: every label is the favorable label " + favorable
                    + ": the cells (group, unfavorable) are empty and their weights undefined");
        }
        return unfavorable;
    }

    static void checkLengths(int[] labels, int groupRows, double[] priorWeights) {
        if (groupRows != labels.length) {
            throw new BadInputException("groups has " + groupRows + " rows but labels has " + labels.length);
        }
        if (priorWeights != null && priorWeights.length != labels.length) {
            throw new BadInputException("priorWeights has " + priorWeights.length
                    + " rows but labels has " + labels.length);
        }
    }

    static double checkPrior(double w, int row) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new BadInputException("priorWeights at row " + row + " is " + w
                    + ": instance weights must be finite and >= 0");
        }
        return w;
    }

    private static String quoted(Set<String> values) {
        return values.size() == 1 ? "'" + values.iterator().next() + "'" : values.toString();
    }

    private static String describe(String group, List<String> members) {
        if (members.size() == 1 && members.get(0).equals(group)) {
            return "'" + group + "'";
        }
        return group + " " + members;
    }
}
