package dev.candor.datasets;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The invariants of a {@link Dataset}, checked once when it is built. */
final class DatasetChecks {

    private DatasetChecks() {
    }

    /**
     * Checks that the parts agree and hold valid values, and copies the rows.
     *
     * @return a copy of {@code x}
     * @throws IllegalArgumentException naming the row and column of the first problem
     */
    static double[][] copyChecked(List<Feature> features, double[][] bx, int[] labels,
                                  List<ProtectedAttribute> protectedAttributes) {
        int n = labels.length;
        int m = features.size();
        if (bx.length != n) {
            throw new IllegalArgumentException("x: " + bx.length + " rows but " + n + " labels");
        }
        Set<String> names = new HashSet<>();
        for (Feature f : features) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("features: duplicate feature name '" + f.name() + "'");
            }
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = bx[i];
            if (row == null || row.length != m) {
                throw new IllegalArgumentException("x: row " + i + " has " + (row == null ? 0 : row.length)
                        + " values, expected " + m + " (one per feature)");
            }
            for (int j = 0; j < m; j++) {
                double v = row[j];
                Feature f = features.get(j);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x: row " + i + ", feature '" + f.name() + "' is " + v);
                }
                if (f.isCategorical() && (v != Math.rint(v) || v < 0 || v >= f.levels().size())) {
                    throw new IllegalArgumentException("x: row " + i + ", categorical feature '" + f.name()
                            + "' has code " + v + ", expected an integer in 0.." + (f.levels().size() - 1));
                }
            }
            x[i] = row.clone();
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels: row " + i + " has label " + labels[i]
                        + ", expected 0 or 1 (1 = favorable)");
            }
        }
        Set<String> pnames = new HashSet<>();
        for (ProtectedAttribute p : protectedAttributes) {
            if (p.size() != n) {
                throw new IllegalArgumentException("protectedAttribute: '" + p.name() + "' has " + p.size()
                        + " values but the dataset has " + n + " rows");
            }
            if (!pnames.add(p.name())) {
                throw new IllegalArgumentException("protectedAttribute: duplicate name '" + p.name() + "'");
            }
        }
        return x;
    }

    static void checkWeights(double[] w, int n) {
        if (w.length != n) {
            throw new IllegalArgumentException("weights: " + w.length + " weights but " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weights: row " + i + " has weight " + w[i]
                        + ", expected a finite value >= 0");
            }
        }
    }
}
