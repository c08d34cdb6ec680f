package dev.candor.models;

/** Column-wise \( (x - c_j) / s_j \) on encoded rows; immutable. */
record Standardizer(double[] center, double[] scale) {

    double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            if (r.length != center.length) {
                throw new IllegalArgumentException("rows: row " + i + " has " + r.length + " values, the model expects "
                        + center.length + " encoded columns");
            }
            double[] o = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                o[j] = (r[j] - center[j]) / scale[j];
            }
            out[i] = o;
        }
        return out;
    }
}
