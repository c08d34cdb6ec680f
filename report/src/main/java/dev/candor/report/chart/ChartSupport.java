package dev.candor.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Axes, datasets, colours and checks shared by the chart families. */
final class ChartSupport {

    private ChartSupport() {
    }

    static final int WIDTH = 640;

    static CategoryAxis categoryAxis() {
        CategoryAxis a = new CategoryAxis(null);
        // Long labels (metric names, "feature = value") get up to 45% of the width before wrapping.
        a.setMaximumCategoryLabelWidthRatio(0.45f);
        a.setMaximumCategoryLabelLines(2);
        return a;
    }

    static XYPlot xyPlot(XYSeriesCollection ds, MarkedXYRenderer r, String xLabel, String yLabel) {
        for (int s = 0; s < ds.getSeriesCount(); s++) {
            if (r.getSeriesPaint(s) == null) {
                r.setSeriesPaint(s, ChartTheme.palette(s));
            }
            if (r.getSeriesStroke(s) == null) {
                r.setSeriesStroke(s, new BasicStroke(2f));
            }
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        return new XYPlot(ds, x, y, r);
    }

    /**
     * Histogram densities of several groups over the same bins, drawn as step curves (one mark per
     * group): the plot shared by the score and the residual distributions.
     *
     * @param marks   the chart's mark counter
     * @param groups  group names
     * @param edges   bin edges, ascending (k + 1 values)
     * @param density density[group][bin] (k values each)
     * @param xLabel  the value axis label
     * @return the plot
     */
    static XYPlot densityPlot(MarkCounter marks, String[] groups, double[] edges, double[][] density, String xLabel) {
        requireSameLength("groups", groups.length, "density", density.length);
        double[][] xs = new double[groups.length][];
        double[][] ys = new double[groups.length][];
        for (int g = 0; g < groups.length; g++) {
            requireSameLength("edges - 1", edges.length - 1, "density[" + g + "]", density[g].length);
            int k = density[g].length;
            xs[g] = new double[2 * k];
            ys[g] = new double[2 * k];
            for (int b = 0; b < k; b++) {
                xs[g][2 * b] = edges[b];
                xs[g][2 * b + 1] = edges[b + 1];
                ys[g][2 * b] = density[g][b];
                ys[g][2 * b + 1] = density[g][b];
            }
        }
        XYSeriesCollection ds = curves(groups, xs, ys, "edges", "density");
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.CURVES, true, false, null);
        for (int g = 0; g < groups.length; g++) {
            r.setSeriesStroke(g, new BasicStroke(1.8f));
        }
        return xyPlot(ds, r, xLabel, "density");
    }

    static XYSeriesCollection curves(String[] groups, double[][] xs, double[][] ys, String xName,
                                             String yName) {
        requireSameLength("groups", groups.length, xName, xs.length);
        requireSameLength("groups", groups.length, yName, ys.length);
        XYSeriesCollection ds = new XYSeriesCollection();
        String[] keys = uniqueKeys(groups);
        for (int g = 0; g < groups.length; g++) {
            requireSameLength(xName + "[" + g + "]", xs[g].length, yName + "[" + g + "]", ys[g].length);
            XYSeries s = new XYSeries(keys[g], false, true);
            for (int i = 0; i < xs[g].length; i++) {
                if (Double.isFinite(xs[g][i]) && Double.isFinite(ys[g][i])) {
                    s.add(xs[g][i], ys[g][i]);
                }
            }
            ds.addSeries(s);
        }
        return ds;
    }

    /** Indices of the (at most) {@code k} largest finite |values|, largest first; ties by index. */
    static int[] topByMagnitude(double[] values, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of bars must be >= 1, got " + k);
        }
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            double va = Double.isFinite(values[a]) ? Math.abs(values[a]) : -1;
            double vb = Double.isFinite(values[b]) ? Math.abs(values[b]) : -1;
            return vb != va ? Double.compare(vb, va) : Integer.compare(a, b);
        });
        return Arrays.stream(idx).filter(i -> Double.isFinite(values[i])).limit(k).mapToInt(Integer::intValue)
                .toArray();
    }

    /** Makes labels usable as category keys: a repeated label gets " (2)", " (3)", ... */
    static String[] uniqueKeys(String[] labels) {
        Set<String> seen = new LinkedHashSet<>();
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String base = labels[i] == null ? "(missing)" : labels[i];
            String k = base;
            for (int n = 2; !seen.add(k); n++) {
                k = base + " (" + n + ")";
            }
            out[i] = k;
        }
        return out;
    }

    static Paint valueColour(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return new Color(0x99, 0x99, 0x99);
        }
        double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        t = Math.max(0, Math.min(1, t));
        // From blue (0, 139, 251) to pink-red (255, 0, 82), the colours shap's summary plot uses.
        int r = (int) Math.round(0 + t * 255);
        int g = (int) Math.round(139 - t * 139);
        int b = (int) Math.round(251 - t * (251 - 82));
        return new Color(r, g, b);
    }

    /** Linear-interpolation percentile of the finite values (NaN if there are none). */
    static double percentile(double[] values, double p) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = p * (v.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(v.length - 1, i + 1);
        return v[i] + (pos - i) * (v[j] - v[i]);
    }

    static double minFinite(double acc, double... xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                acc = Math.min(acc, x);
            }
        }
        return acc;
    }

    static double maxFinite(double acc, double... xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                acc = Math.max(acc, x);
            }
        }
        return acc;
    }

    static void requireSameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException("length of " + a + " (" + na + ") differs from length of " + b
                    + " (" + nb + ")");
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
