package dev.candor.fairness.mitigation;

import dev.candor.core.BadInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The fitted cells of a {@link Reweighing} and the lookup of the cell a (group value, label) pair
 * falls in, for {@link Reweighing#weight}, {@link Reweighing#cell} and {@link Reweighing#transform}.
 * Cells are stored at {@code 2 * group + (favorable ? 0 : 1)}.
 */
final class ReweighingCells {

    private final int favorableLabel;
    private final int unfavorableLabel;
    private final Map<String, Integer> groupOfValue;
    private final List<ReweighingCell> cells;
    private final double[] cellWeight;

    ReweighingCells(int favorableLabel, int unfavorableLabel, Map<String, Integer> groupOfValue,
                    List<ReweighingCell> cells) {
        this.favorableLabel = favorableLabel;
        this.unfavorableLabel = unfavorableLabel;
        this.groupOfValue = Collections.unmodifiableMap(new LinkedHashMap<>(groupOfValue));
        this.cells = List.copyOf(cells);
        this.cellWeight = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            cellWeight[i] = cells.get(i).weight();
        }
    }

    List<ReweighingCell> cells() {
        return cells;
    }

    ReweighingCell cell(String group, int label) {
        return cells.get(index(group, label, "group", -1));
    }

    double weight(String group, int label) {
        return cellWeight[index(group, label, "group", -1)];
    }

    List<String> groupValues() {
        return List.copyOf(new TreeSet<>(groupOfValue.keySet()));
    }

    /** The cell weight of each row, times its prior weight when there are prior weights. */
    double[] transform(int[] labels, String[] groups, double[] priorWeights) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(groups, "groups");
        ReweighingFit.checkLengths(labels, groups.length, priorWeights);
        double[] out = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            double w = cellWeight[index(groups[i], labels[i], "groups", i)];
            out[i] = priorWeights == null ? w : ReweighingFit.checkPrior(priorWeights[i], i) * w;
        }
        return out;
    }

    private int index(String group, int label, String argument, int row) {
        Integer g = group == null ? null : groupOfValue.get(group);
        String where = row < 0 ? "" : " at row " + row;
        if (g == null) {
            throw new BadInputException(argument + where + ": group " + (group == null ? "null"
                    : "'" + group + "'") + " was not seen when fitting (groups: " + groupValues() + ")");
        }
        if (label == favorableLabel) {
            return 2 * g;
        }
        if (label == unfavorableLabel) {
            return 2 * g + 1;
        }
        throw new BadInputException("labels" + where + ": label " + label + " is neither the favorable ("
                + favorableLabel + ") nor the unfavorable (" + unfavorableLabel + ") label");
    }
}
