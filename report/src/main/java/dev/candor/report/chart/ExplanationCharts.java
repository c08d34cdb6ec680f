package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.WIDTH;
import static dev.candor.report.chart.ChartSupport.categoryAxis;
import static dev.candor.report.chart.ChartSupport.xyPlot;
import static dev.candor.report.chart.ChartSupport.topByMagnitude;
import static dev.candor.report.chart.ChartSupport.uniqueKeys;
import static dev.candor.report.chart.ChartSupport.valueColour;
import static dev.candor.report.chart.ChartSupport.percentile;
import static dev.candor.report.chart.ChartSupport.requireSameLength;
import static dev.candor.report.chart.ChartSupport.fmt;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of explanations: the SHAP beeswarm, dependence and waterfall charts, and LIME weight bars.
 * Reached through the {@link Charts} facade, whose conventions (ids, NaN never drawn, Okabe-Ito
 * colours, deterministic SVG) apply.
 */
final class ExplanationCharts {

    /** The one colour of a categorical feature's points in the beeswarm. */
    private static final Color CATEGORY_COLOUR = new Color(0x88, 0x88, 0x88);

    private ExplanationCharts() {
    }

    private static boolean anyCategorical(int[] shown, boolean[] categorical) {
        if (categorical == null) {
            return false;
        }
        for (int f : shown) {
            if (categorical[f]) {
                return true;
            }
        }
        return false;
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
     * @param categorical   per feature, whether its values are category codes (drawn in one neutral
     *                      colour: codes have no order to colour by), or null for none
     * @return the chart; one mark per finite point drawn
     */
    static Chart beeswarm(String id, String title, String[] features, double[][] shapValues,
                                 double[][] featureValues, int maxFeatures, boolean[] categorical) {
        if (categorical != null) {
            requireSameLength("features", features.length, "categorical", categorical.length);
        }
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
                pc[drawn++] = categorical != null && categorical[f] ? CATEGORY_COLOUR : valueColour(fv[i], lo, hi);
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
        chart.addSubtitle(valueLegend());
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "SHAP value of each explained row for the %d most important features; colour runs from blue "
                        + "(low feature value) to red (high)%s.", k, anyCategorical(order, categorical)
                        ? "; categorical features are drawn in grey, as their codes have no order" : ""),
                WIDTH, 110 + 34 * Math.max(2, k));
    }

    /** The colour key of the beeswarm: a strip from low (blue) to high (red) feature value. */
    private static org.jfree.chart.title.PaintScaleLegend valueLegend() {
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(0, 1.0001,
                Color.GRAY);
        for (int i = 0; i <= 40; i++) {
            scale.add(i / 40.0, valueColour(i / 40.0, 0, 1));
        }
        NumberAxis axis = new NumberAxis("feature value: low \u2192 high");
        axis.setRange(0, 1);
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
        axis.setLabelFont(ChartTheme.TICK_FONT);
        org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(scale, axis);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
        legend.setStripWidth(8);
        legend.setAxisOffset(2);
        legend.setMargin(new org.jfree.chart.ui.RectangleInsets(2, 180, 4, 180));
        legend.setBackgroundPaint(null);
        return legend;
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
    static Chart dependence(String id, String title, String feature, double[] x, double[] shap) {
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
    static Chart waterfall(String id, String title, String[] labels, double[] contributions,
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
        // The bar renderer ranges over bar ends only: set the range from every start and end, the base
        // value included (else the first bar, the E[f(x)] line and its label are cut when f(x) < E[f(x)]),
        // with room for the two marker labels.
        double lo = Math.min(baseValue, prediction);
        double hi = Math.max(baseValue, prediction);
        for (int i = 0; i < bars; i++) {
            lo = Math.min(lo, Math.min(starts[0][i].doubleValue(), ends[0][i].doubleValue()));
            hi = Math.max(hi, Math.max(starts[0][i].doubleValue(), ends[0][i].doubleValue()));
        }
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            double pad = hi > lo ? 0.15 * (hi - lo) : Math.max(1e-3, Math.abs(hi) * 0.1);
            axis.setRange(lo - pad, hi + pad);
        }
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
    static Chart limeBars(String id, String title, String[] labels, double[] weights, int maxBars) {
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
}
