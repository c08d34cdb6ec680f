package dev.candor.spark;

import dev.candor.fairness.ConfusionCounts;
import java.io.Serializable;

/**
 * The mergeable statistics of one group: weighted confusion cells, row counts, sums of squared
 * weights (the parts of {@link ConfusionCounts}), the weighted log-loss sum and the score histogram.
 */
final class GroupCell implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Cells by code {@code 2y + p}: 0 tn, 1 fp, 2 fn, 3 tp. */
    final double[] weighted = new double[4];
    final long[] rows = new long[4];
    final double[] squares = new double[4];
    double logLoss;
    final ScoreHistogram scores;

    GroupCell(int scoreBins, boolean withScores) {
        this.scores = withScores ? new ScoreHistogram(scoreBins) : null;
    }

    void add(int cell, double w) {
        weighted[cell] += w;
        rows[cell]++;
        squares[cell] += w * w;
    }

    void merge(GroupCell o) {
        for (int k = 0; k < 4; k++) {
            weighted[k] += o.weighted[k];
            rows[k] += o.rows[k];
            squares[k] += o.squares[k];
        }
        logLoss += o.logLoss;
        if (scores != null) {
            scores.merge(o.scores);
        }
    }

    ConfusionCounts counts() {
        return ConfusionCounts.ofCells(weighted, rows, squares, 0);
    }

    double total() {
        return weighted[0] + weighted[1] + weighted[2] + weighted[3];
    }
}
