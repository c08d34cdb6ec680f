package dev.candor.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a Candor report, drawn with JFreeChart into inline SVG, from plain arrays.
 *
 * <p>Every factory takes a chart id (unique within the page; a letter, then letters, digits,
 * {@code -} or {@code _}), a title, and the data. Undefined values (NaN) are never drawn as zero:
 * the bar or point is left out, and {@link Chart#marks()} counts only what was drawn. Colours come
 * from the Okabe-Ito colour-blind-safe palette. All factories are deterministic: the same data give
 * the same SVG bytes.
 *
 * @since 0.1.0
 */
public final class Charts {

    private static final int WIDTH = 640;

    private Charts() {
    }

    /**
     * One bar per category with an acceptable band behind the bars, for example disparate impact per
     * protected attribute against the four-fifths band [0.8, 1.25], or a difference against
     * [-0.1, 0.1]. Bars inside the band are blue, bars outside orange; an optional whisker shows a
     * confidence interval. Bars are horizontal.
     *
     * @param id         chart id
     * @param title      title
     * @param categories bar labels
     * @param values     bar values (NaN: not drawn)
     * @param ciLow      confidence-interval low ends, or null
     * @param ciHigh     confidence-interval high ends, or null
     * @param bandLow    low edge of the acceptable band (inclusive)
     * @param bandHigh   high edge of the acceptable band (inclusive)
     * @param reference  the value of "no disparity" (0 for differences, 1 for ratios), drawn as a line
     * @param axisLabel  label of the value axis
     * @return the chart; one mark per finite value
     * @throws IllegalArgumentException if lengths differ or bandLow > bandHigh
     */
    public static Chart bandBars(String id, String title, String[] categories, double[] values, double[] ciLow,
                                 double[] ciHigh, double bandLow, double bandHigh, double reference, String axisLabel) {
        ChartTheme.checkId(id);
        requireSameLength("categories", categories.length, "values", values.length);
        if (ciLow != null || ciHigh != null) {
            if (ciLow == null || ciHigh == null) {
                throw new IllegalArgumentException("ciLow and ciHigh must both be given or both be null");
            }
            requireSameLength("values", values.length, "ciLow", ciLow.length);
            requireSameLength("values", values.length, "ciHigh", ciHigh.length);
        }
        if (!(bandLow <= bandHigh)) {
            throw new IllegalArgumentException("bandLow must be <= bandHigh, got " + bandLow + " > " + bandHigh);
        }
        MarkCounter marks = new MarkCounter(id);
        String[] keys = uniqueKeys(categories);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int i = 0; i < values.length; i++) {
            ds.addValue(Double.isFinite(values[i]) ? values[i] : null, "value", keys[i]);
        }
        MarkedBarRenderer r = new MarkedBarRenderer(marks,
                (row, col) -> values[col] >= bandLow && values[col] <= bandHigh ? ChartTheme.GOOD : ChartTheme.BAD,
                ciLow == null ? null : new double[][] {ciLow}, ciHigh == null ? null : new double[][] {ciHigh});
        r.setMaximumBarWidth(0.5);
        // Bars grow from the "no disparity" value, so their length is the disparity.
        r.setBase(reference);
        NumberAxis axis = new NumberAxis(axisLabel);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        IntervalMarker band = new IntervalMarker(bandLow, bandHigh, ChartTheme.BAND);
        band.setLabel("acceptable");
        band.setLabelFont(ChartTheme.TICK_FONT);
        plot.addRangeMarker(band, Layer.BACKGROUND);
        ValueMarker ref = new ValueMarker(reference, Color.GRAY, ChartTheme.DASHED);
        plot.addRangeMarker(ref, Layer.FOREGROUND);
        double lo = Math.min(bandLow, reference);
        double hi = Math.max(bandHigh, reference);
        for (int i = 0; i < values.length; i++) {
            lo = minFinite(lo, values[i], ciLow == null ? Double.NaN : ciLow[i]);
            hi = maxFinite(hi, values[i], ciHigh == null ? Double.NaN : ciHigh[i]);
        }
        double pad = (hi - lo) * 0.08 + 1e-9;
        axis.setRange(lo - pad, hi + pad);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "%s for %d categories; the shaded band [%s, %s] is acceptable.", axisLabel, values.length,
                fmt(bandLow), fmt(bandHigh)), WIDTH, 60 + 34 * Math.max(2, values.length));
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
    public static Chart groupedBars(String id, String title, String[] categories, String[] series,
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
     * ROC curves, one per group, with the chance diagonal.
     *
     * @param id     chart id
     * @param title  title
     * @param groups group names
     * @param fpr    false positive rates of each group's curve, ascending
     * @param tpr    true positive rates of each group's curve
     * @return the chart; one mark per group with at least two points
     */
    public static Chart rocCurves(String id, String title, String[] groups, double[][] fpr, double[][] tpr) {
        ChartTheme.checkId(id);
        XYSeriesCollection ds = curves(groups, fpr, tpr, "fpr", "tpr");
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.CURVES, true, false, null);
        XYPlot plot = xyPlot(ds, r, "false positive rate", "true positive rate");
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, ChartTheme.DASHED, Color.GRAY));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title,
                "ROC curve of each group; the dashed diagonal is a random classifier.", 460, 400);
    }

    /**
     * Score distributions per group, as step histograms of densities over shared bins.
     *
     * @param id      chart id
     * @param title   title
     * @param groups  group names
     * @param edges   bin edges, ascending (k + 1 values)
     * @param density density[group][bin] (k values each; area 1 per group)
     * @return the chart; one mark per group
     */
    public static Chart scoreDistributions(String id, String title, String[] groups, double[] edges,
                                           double[][] density) {
        ChartTheme.checkId(id);
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
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.CURVES, true, false, null);
        for (int g = 0; g < groups.length; g++) {
            r.setSeriesStroke(g, new BasicStroke(1.8f));
        }
        XYPlot plot = xyPlot(ds, r, "score", "density");
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title,
                "Distribution of the model's score in each group (histogram densities over the same bins).",
                WIDTH, 360);
    }

    /**
     * Calibration (reliability) curves per group: mean predicted score of each score bin against
     * the observed rate of the favorable label in it, with the diagonal of perfect calibration.
     *
     * @param id            chart id
     * @param title         title
     * @param groups        group names
     * @param meanPredicted meanPredicted[group][bin] (NaN for an empty bin)
     * @param observed      observed[group][bin]
     * @return the chart; one mark per group
     */
    public static Chart calibration(String id, String title, String[] groups, double[][] meanPredicted,
                                    double[][] observed) {
        ChartTheme.checkId(id);
        XYSeriesCollection ds = curves(groups, meanPredicted, observed, "meanPredicted", "observed");
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.CURVES, true, true, null);
        for (int g = 0; g < groups.length; g++) {
            r.setSeriesShape(g, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = xyPlot(ds, r, "mean predicted score", "observed favorable rate");
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, ChartTheme.DASHED, Color.GRAY));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title,
                "Observed favorable rate against mean predicted score per score bin; the diagonal is perfect "
                        + "calibration.", 460, 400);
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
    public static Chart importanceBars(String id, String title, String[] features, double[] importance,
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

    /**
     * A beeswarm summary of SHAP values: one row per feature (most important at the top), one point
     * per explained row at its SHAP value, points stacked vertically where they crowd, coloured from
     * blue (low feature value) to red (high feature value) by the feature value's rank between its
     * 5th and 95th percentiles; grey where the feature value is NaN. The vertical spread is computed
     * deterministically from the points' ranks within small bins of the SHAP axis (no randomness).
     *
     * @param id            chart id
     * @param title         title
     * @param features      feature names (M)
     * @param shapValues    shapValues[row][feature]
     * @param featureValues featureValues[row][feature], same shape
     * @param maxFeatures   at most this many feature rows (by mean |SHAP|)
     * @return the chart; one mark per finite point drawn
     */
    public static Chart beeswarm(String id, String title, String[] features, double[][] shapValues,
                                 double[][] featureValues, int maxFeatures) {
        ChartTheme.checkId(id);
        requireSameLength("shapValues", shapValues.length, "featureValues", featureValues.length);
        int m = features.length;
        double[] meanAbs = new double[m];
        int[] finite = new int[m];
        for (int i = 0; i < shapValues.length; i++) {
            requireSameLength("features", m, "shapValues[" + i + "]", shapValues[i].length);
            requireSameLength("features", m, "featureValues[" + i + "]", featureValues[i].length);
            for (int j = 0; j < m; j++) {
                if (Double.isFinite(shapValues[i][j])) {
                    meanAbs[j] += Math.abs(shapValues[i][j]);
                    finite[j]++;
                }
            }
        }
        for (int j = 0; j < m; j++) {
            meanAbs[j] = finite[j] == 0 ? Double.NaN : meanAbs[j] / finite[j];
        }
        int[] order = topByMagnitude(meanAbs, maxFeatures);
        int k = order.length;
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (double[] row : shapValues) {
            for (int f : order) {
                if (Double.isFinite(row[f])) {
                    xmin = Math.min(xmin, row[f]);
                    xmax = Math.max(xmax, row[f]);
                }
            }
        }
        double span = xmax > xmin ? xmax - xmin : 1.0;
        XYSeriesCollection ds = new XYSeriesCollection();
        List<Paint[]> colours = new ArrayList<>();
        String[] labels = new String[k];
        for (int pos = 0; pos < k; pos++) {
            int f = order[pos];
            double yBase = k - 1 - pos; // the most important feature on top
            labels[(int) yBase] = features[f];
            double[] fv = new double[shapValues.length];
            for (int i = 0; i < fv.length; i++) {
                fv[i] = featureValues[i][f];
            }
            double lo = percentile(fv, 0.05);
            double hi = percentile(fv, 0.95);
            XYSeries s = new XYSeries("f" + pos, false, true);
            Paint[] pc = new Paint[shapValues.length];
            Map<Integer, Integer> crowd = new HashMap<>();
            int drawn = 0;
            int[] bins = new int[shapValues.length];
            for (int i = 0; i < shapValues.length; i++) {
                bins[i] = (int) Math.floor((shapValues[i][f] - xmin) / span * 80);
            }
            int maxCrowd = 1;
            for (int i = 0; i < shapValues.length; i++) {
                if (Double.isFinite(shapValues[i][f])) {
                    maxCrowd = Math.max(maxCrowd, crowd.merge(bins[i], 1, Integer::sum));
                }
            }
            crowd.clear();
            double step = Math.min(0.04, 0.8 / maxCrowd);
            for (int i = 0; i < shapValues.length; i++) {
                double x = shapValues[i][f];
                if (!Double.isFinite(x)) {
                    continue;
                }
                int rank = crowd.merge(bins[i], 1, Integer::sum) - 1;
                double offset = (rank % 2 == 0 ? 1 : -1) * ((rank + 1) / 2) * step;
                s.add(x, yBase + offset);
                pc[drawn++] = valueColour(fv[i], lo, hi);
            }
            ds.addSeries(s);
            colours.add(pc);
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.POINTS, false, true,
                (series, item) -> colours.get(series)[item]);
        for (int s = 0; s < k; s++) {
            r.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        SymbolAxis yAxis = new SymbolAxis(null, labels);
        yAxis.setGridBandsVisible(false);
        NumberAxis xAxis = new NumberAxis("SHAP value (impact on the model output)");
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, r);
        plot.addDomainMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "SHAP value of each explained row for the %d most important features; colour runs from blue "
                        + "(low feature value) to red (high).", k), WIDTH, 70 + 34 * Math.max(2, k));
    }

    /**
     * A dependence scatter: the SHAP value of one feature against that feature's value.
     *
     * @param id        chart id
     * @param title     title
     * @param feature   feature name
     * @param x         feature value per row
     * @param shap      SHAP value of the feature per row
     * @return the chart; one mark per finite point
     */
    public static Chart dependence(String id, String title, String feature, double[] x, double[] shap) {
        ChartTheme.checkId(id);
        requireSameLength("x", x.length, "shap", shap.length);
        XYSeries s = new XYSeries(feature, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(shap[i])) {
                s.add(x[i], shap[i]);
            }
        }
        XYSeriesCollection ds = new XYSeriesCollection(s);
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.POINTS, false, true, null);
        r.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesPaint(0, new Color(0x00, 0x72, 0xB2, 0xA0));
        XYPlot plot = xyPlot(ds, r, feature, "SHAP value of " + feature);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title,
                "SHAP value of " + feature + " against its value, one point per explained row.", 420, 300);
    }

    /**
     * A SHAP waterfall for one row: starting from the base value E[f(x)], each feature's SHAP value
     * moves the output up (orange) or down (blue) until it reaches the prediction f(x). The largest
     * contributions are drawn, the rest summed into one bar named "other features".
     *
     * @param id            chart id
     * @param title         title
     * @param labels        a label per feature (for example {@code "age = 23"})
     * @param contributions SHAP value per feature
     * @param baseValue     E[f(x)] over the background
     * @param maxBars       at most this many feature bars (the rest are summed)
     * @return the chart; one mark per drawn bar
     */
    public static Chart waterfall(String id, String title, String[] labels, double[] contributions,
                                  double baseValue, int maxBars) {
        ChartTheme.checkId(id);
        requireSameLength("labels", labels.length, "contributions", contributions.length);
        int[] order = topByMagnitude(contributions, Math.min(maxBars, contributions.length));
        double rest = 0;
        boolean[] shown = new boolean[contributions.length];
        for (int f : order) {
            shown[f] = true;
        }
        int restCount = 0;
        for (int f = 0; f < contributions.length; f++) {
            if (!shown[f] && Double.isFinite(contributions[f])) {
                rest += contributions[f];
                restCount++;
            }
        }
        int bars = order.length + (restCount > 0 ? 1 : 0);
        String[] keys = new String[bars];
        double[] values = new double[bars];
        String[] uk = uniqueKeys(labels);
        for (int i = 0; i < order.length; i++) {
            keys[i] = uk[order[i]];
            values[i] = contributions[order[i]];
        }
        if (restCount > 0) {
            keys[bars - 1] = restCount + " other features";
            values[bars - 1] = rest;
        }
        // Bars are drawn from the top: the largest contribution starts at the base value.
        Number[][] starts = new Number[1][bars];
        Number[][] ends = new Number[1][bars];
        double level = baseValue;
        for (int i = 0; i < bars; i++) {
            starts[0][i] = level;
            level += values[i];
            ends[0][i] = level;
        }
        double prediction = level;
        DefaultIntervalCategoryDataset ds = new DefaultIntervalCategoryDataset(new Comparable<?>[] {"shap"}, keys,
                starts, ends);
        MarkCounter marks = new MarkCounter(id);
        MarkedBarRenderer r = new MarkedBarRenderer(marks, (row, col) -> values[col] >= 0 ? ChartTheme.BAD
                : ChartTheme.GOOD, null, null);
        r.setMaximumBarWidth(0.7);
        NumberAxis axis = new NumberAxis("model output");
        axis.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        ValueMarker base = new ValueMarker(baseValue, Color.GRAY, ChartTheme.DASHED);
        base.setLabel("E[f(x)] = " + fmt(baseValue));
        base.setLabelFont(ChartTheme.TICK_FONT);
        base.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
        base.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(base, Layer.BACKGROUND);
        ValueMarker pred = new ValueMarker(prediction, Color.DARK_GRAY, new BasicStroke(1f));
        pred.setLabel("f(x) = " + fmt(prediction));
        pred.setLabelFont(ChartTheme.TICK_FONT);
        pred.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        pred.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addRangeMarker(pred, Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "From the base value %s to the prediction %s: each bar is one feature's SHAP value (orange "
                        + "raises the output, blue lowers it).", fmt(baseValue), fmt(prediction)),
                460, 70 + 26 * Math.max(2, bars));
    }

    /**
     * LIME weights for one row as horizontal bars, largest magnitude first, orange for weights that
     * raise the output and blue for weights that lower it.
     *
     * @param id       chart id
     * @param title    title
     * @param labels   a label per feature (for example the discretized condition {@code "age <= 25"})
     * @param weights  LIME weight per feature
     * @param maxBars  at most this many bars
     * @return the chart; one mark per drawn bar
     */
    public static Chart limeBars(String id, String title, String[] labels, double[] weights, int maxBars) {
        ChartTheme.checkId(id);
        requireSameLength("labels", labels.length, "weights", weights.length);
        int[] order = topByMagnitude(weights, maxBars);
        String[] uk = uniqueKeys(labels);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double[] shown = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            shown[i] = weights[order[i]];
            ds.addValue(weights[order[i]], "weight", uk[order[i]]);
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedBarRenderer r = new MarkedBarRenderer(marks,
                (row, col) -> shown[col] >= 0 ? ChartTheme.BAD : ChartTheme.GOOD, null, null);
        r.setMaximumBarWidth(0.6);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis(), new NumberAxis("LIME weight"), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)), Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "Weights of the %d largest features of the local linear surrogate (orange raises the output, "
                        + "blue lowers it).", order.length), 460, 60 + 26 * Math.max(2, order.length));
    }

    // ---------------------------------------------------------------------------------------------

    private static CategoryAxis categoryAxis() {
        CategoryAxis a = new CategoryAxis(null);
        // Long labels (metric names, "feature = value") get up to 45% of the width before wrapping.
        a.setMaximumCategoryLabelWidthRatio(0.45f);
        a.setMaximumCategoryLabelLines(2);
        return a;
    }

    private static XYPlot xyPlot(XYSeriesCollection ds, MarkedXYRenderer r, String xLabel, String yLabel) {
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

    private static XYSeriesCollection curves(String[] groups, double[][] xs, double[][] ys, String xName,
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

    private static Paint valueColour(double v, double lo, double hi) {
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

    private static double minFinite(double acc, double... xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                acc = Math.min(acc, x);
            }
        }
        return acc;
    }

    private static double maxFinite(double acc, double... xs) {
        for (double x : xs) {
            if (Double.isFinite(x)) {
                acc = Math.max(acc, x);
            }
        }
        return acc;
    }

    private static void requireSameLength(String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException("length of " + a + " (" + na + ") differs from length of " + b
                    + " (" + nb + ")");
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
