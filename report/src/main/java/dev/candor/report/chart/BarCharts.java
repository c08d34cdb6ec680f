package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.WIDTH;
import static dev.candor.report.chart.ChartSupport.categoryAxis;
import static dev.candor.report.chart.ChartSupport.topByMagnitude;
import static dev.candor.report.chart.ChartSupport.uniqueKeys;
import static dev.candor.report.chart.ChartSupport.requireSameLength;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts: grouped bars of several series per category, and importance bars with error bars.
 * Reached through the {@link Charts} facade, whose conventions (ids, NaN never drawn, Okabe-Ito
 * colours, deterministic SVG) apply.
 */
final class BarCharts {

    private BarCharts() {
    }

    /**
     * Grouped bars: several series (for example "before" and "after" mitigation) side by side for
     * each category.
     *
     * @param id         chart id
     * @param title      title
     * @param categories category labels (length k)
     * @param series     series names (length s)
     * @param values     values[series][category] (NaN: not drawn)
     * @param axisLabel  value axis label
     * @return the chart; one mark per finite value
     */
    static Chart groupedBars(String id, String title, String[] categories, String[] series,
                                    double[][] values, String axisLabel) {
        ChartTheme.checkId(id);
        requireSameLength("series", series.length, "values", values.length);
        String[] keys = uniqueKeys(categories);
        String[] seriesKeys = uniqueKeys(series);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int s = 0; s < series.length; s++) {
            requireSameLength("categories", categories.length, "values[" + s + "]", values[s].length);
            for (int c = 0; c < categories.length; c++) {
                double v = values[s][c];
                ds.addValue(Double.isFinite(v) ? v : null, seriesKeys[s], keys[c]);
            }
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedBarRenderer r = new MarkedBarRenderer(marks, null, null, null);
        for (int s = 0; s < series.length; s++) {
            r.setSeriesPaint(s, ChartTheme.palette(s));
        }
        NumberAxis axis = new NumberAxis(axisLabel);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "%s for %d categories, %s side by side.", axisLabel, categories.length, String.join(" and ", series)),
                WIDTH, 90 + 18 * Math.max(2, categories.length) * Math.max(1, series.length));
    }

    /**
     * Horizontal importance bars with error bars, largest first (for example mean |SHAP value| per
     * feature with a standard error).
     *
     * @param id          chart id
     * @param title       title
     * @param features    feature names
     * @param importance  importance per feature
     * @param error       half-width of the error bar per feature, or null
     * @param maxFeatures at most this many bars (the largest)
     * @param axisLabel   value axis label
     * @return the chart; one mark per drawn feature
     */
    static Chart importanceBars(String id, String title, String[] features, double[] importance,
                                       double[] error, int maxFeatures, String axisLabel) {
        ChartTheme.checkId(id);
        requireSameLength("features", features.length, "importance", importance.length);
        if (error != null) {
            requireSameLength("importance", importance.length, "error", error.length);
        }
        int[] order = topByMagnitude(importance, maxFeatures);
        String[] keys = uniqueKeys(features);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double[][] lo = new double[1][order.length];
        double[][] hi = new double[1][order.length];
        for (int i = 0; i < order.length; i++) {
            int f = order[i];
            ds.addValue(importance[f], "importance", keys[f]);
            double e = error == null ? Double.NaN : error[f];
            lo[0][i] = importance[f] - e;
            hi[0][i] = importance[f] + e;
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedBarRenderer r = new MarkedBarRenderer(marks, null, error == null ? null : lo, error == null ? null : hi);
        r.setSeriesPaint(0, ChartTheme.GOOD);
        r.setMaximumBarWidth(0.6);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis(), new NumberAxis(axisLabel), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "%s of the %d most important features%s.", axisLabel, order.length,
                error == null ? "" : ", with error bars"), WIDTH, 60 + 26 * Math.max(2, order.length));
    }
}
