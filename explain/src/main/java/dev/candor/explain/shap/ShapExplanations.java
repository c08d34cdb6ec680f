package dev.candor.explain.shap;

import dev.candor.core.Provenance;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The explanations of many rows (one model output), with the rows themselves, for global views:
 * importance ({@link #globalImportance()}), importance by group, beeswarm and dependence plots
 * (value of player j against the row's column values).
 *
 * @param rows         the explained rows (copied), {@code rows[i]} explained by {@code explanations.get(i)}
 * @param explanations one explanation per row
 * @param groups       the players
 * @param provenance   what made the batch (settings, seed, fingerprint of all rows)
 * @since 0.1.0
 */
public record ShapExplanations(double[][] rows, List<ShapExplanation> explanations, FeatureGroups groups,
                               Provenance provenance) {

    public ShapExplanations {
        Objects.requireNonNull(rows, "rows");
        explanations = List.copyOf(explanations);
        if (explanations.size() != rows.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + explanations.size() + " explanations");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        rows = copy;
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * Regroups per-row explanations of every output into one batch per output.
     *
     * @param rows    the explained rows
     * @param perRow  {@code perRow.get(i)[k]}: row i, output k
     * @param outputs the number of outputs
     */
    static List<ShapExplanations> byOutput(double[][] rows, List<ShapExplanation[]> perRow, int outputs,
                                           FeatureGroups groups, Provenance provenance) {
        List<ShapExplanations> out = new java.util.ArrayList<>(outputs);
        for (int k = 0; k < outputs; k++) {
            List<ShapExplanation> col = new java.util.ArrayList<>(perRow.size());
            for (ShapExplanation[] e : perRow) {
                col.add(e[k]);
            }
            out.add(new ShapExplanations(rows, col, groups, provenance));
        }
        return List.copyOf(out);
    }

    /** @return a copy of the explained rows */
    @Override
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** @return the number of explained rows */
    public int size() {
        return explanations.size();
    }

    /** @return explanation {@code i} */
    public ShapExplanation get(int i) {
        return explanations.get(i);
    }

    /** @return the Shapley values as a matrix, {@code [row][player]} */
    public double[][] values() {
        double[][] v = new double[explanations.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = explanations.get(i).values();
        }
        return v;
    }

    /** @return the player names */
    public String[] names() {
        return groups.names();
    }

    /** @return mean |phi| per player with its spread (see {@link GlobalImportance}), default settings */
    public GlobalImportance globalImportance() {
        return GlobalImportance.of(values(), groups.names());
    }

    /**
     * Importance within each group of rows (for example by sex or race).
     *
     * @param labels one group label per explained row
     * @return importance per label, in order of first appearance
     */
    public java.util.Map<String, GlobalImportance> globalImportanceByGroup(String[] labels) {
        return GlobalImportance.byGroup(values(), groups.names(), labels);
    }

    /**
     * A short plain-text summary instead of the record's dump of every row: the number of rows and
     * players, the base value, the largest |efficiency residual| over the rows, how many explanations
     * are exact, and the five players with the largest mean |phi| (without the bootstrap of
     * {@link #globalImportance()}, so it stays cheap for many rows).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        String[] names = groups.names();
        int m = names.length;
        double[] meanAbs = new double[m];
        double worstResidual = 0;
        int exact = 0;
        for (ShapExplanation e : explanations) {
            for (int j = 0; j < m; j++) {
                meanAbs[j] += Math.abs(e.value(j)) / explanations.size();
            }
            worstResidual = Math.max(worstResidual, Math.abs(e.efficiencyResidual()));
            exact += e.exact() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "ShapExplanations: %d rows x %d players, base value %s, max |efficiency residual| %.1e, %d exact",
                explanations.size(), m, explanations.isEmpty() ? "-" : String.format(Locale.ROOT, "%.4f",
                        explanations.get(0).baseValue()), worstResidual, exact));
        if (!explanations.isEmpty()) {
            sb.append("\n  mean |SHAP|:");
            java.util.stream.IntStream.range(0, m).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer j) -> -meanAbs[j]).thenComparingInt(j -> j))
                    .limit(5)
                    .forEach(j -> sb.append(String.format(Locale.ROOT, " %s %.4f,", names[j], meanAbs[j])));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }
}
