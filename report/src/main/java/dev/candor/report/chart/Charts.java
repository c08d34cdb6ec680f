package dev.candor.report.chart;

import dev.candor.fairness.Band;
/**
 * The charts of a Candor report, drawn with JFreeChart into inline SVG, from plain arrays.
 *
 * <p>Every factory takes a chart id (unique within the page; a letter, then letters, digits,
 * {@code -} or {@code _}), a title, and the data. Undefined values (NaN) are never drawn as zero:
 * the bar or point is left out, and {@link Chart#marks()} counts only what was drawn. Colours come
 * from the Okabe-Ito colour-blind-safe palette. All factories are deterministic: the same data give
 * the same SVG bytes.
 *
 * <p>The factories live in one class per chart family ({@code BandCharts}, {@code BarCharts},
 * {@code CurveCharts}, {@code ExplanationCharts}); this class is their single entry point.
 *
 * @since 0.1.0
 */
public final class Charts {

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
     * @param estimates  the bars: labels, values (NaN: not drawn) and optional confidence intervals
     * @param band       the acceptable band; bars inside it are drawn in one colour, outside in another
     * @param reference  the value of "no disparity" (0 for differences, 1 for ratios), drawn as a line
     * @param axisLabel  label of the value axis
     * @return the chart; one mark per finite value
     */
    public static Chart bandBars(String id, String title, Estimates estimates, Band band, double reference,
                                 String axisLabel) {
        return BandCharts.bandBars(id, title, estimates, band, reference, axisLabel);
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
        return BarCharts.groupedBars(id, title, categories, series, values, axisLabel);
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
        return BarCharts.importanceBars(id, title, features, importance, error, maxFeatures, axisLabel);
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
        return CurveCharts.rocCurves(id, title, groups, fpr, tpr);
    }

    /**
     * The accuracy–fairness trade-off of several mitigations on the same rows: one point per method at
     * (unfairness, accuracy), with the Pareto front (methods no other beats on both) as a dashed line.
     *
     * @param id         chart id
     * @param title      title
     * @param methods    method names
     * @param unfairness per method, a fairness gap where 0 is fair (for example |SPD|)
     * @param accuracy   per method
     * @param xLabel     what the unfairness axis shows
     * @return the chart; one mark per finite point, the front's points included
     */
    public static Chart tradeOff(String id, String title, String[] methods, double[] unfairness, double[] accuracy,
                                 String xLabel) {
        return TradeOffChart.tradeOff(id, title, methods, unfairness, accuracy, xLabel);
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
        return CurveCharts.scoreDistributions(id, title, groups, edges, density);
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
        return CurveCharts.calibration(id, title, groups, meanPredicted, observed);
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
        return ExplanationCharts.beeswarm(id, title, features, shapValues, featureValues, maxFeatures, null);
    }

    /**
     * {@link #beeswarm(String, String, String[], double[][], double[][], int)} with categorical features
     * drawn in one neutral colour (their codes have no order to colour by).
     *
     * @param categorical per feature, whether its values are category codes
     * @return the chart
     */
    public static Chart beeswarm(String id, String title, String[] features, double[][] shapValues,
                                 double[][] featureValues, int maxFeatures, boolean[] categorical) {
        return ExplanationCharts.beeswarm(id, title, features, shapValues, featureValues, maxFeatures, categorical);
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
        return ExplanationCharts.dependence(id, title, feature, x, shap);
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
        return ExplanationCharts.waterfall(id, title, labels, contributions, baseValue, maxBars);
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
        return ExplanationCharts.limeBars(id, title, labels, weights, maxBars);
    }

    /**
     * A watched metric over the monitoring windows: one line per series (for example the realized
     * value and its label-free estimate), optional interval whiskers (a bootstrap interval), the
     * metric's lower and upper thresholds as dashed lines with the band between them shaded, and the
     * breaching windows shaded in orange.
     *
     * @param id          chart id
     * @param title       title
     * @param windows     window keys, in time order (the horizontal axis)
     * @param series      series names
     * @param values      values[series][window] (NaN: not drawn)
     * @param low         interval lower ends [series][window], or null
     * @param high        interval upper ends [series][window], or null
     * @param lower       the lower threshold (NaN: none)
     * @param upper       the upper threshold (NaN: none)
     * @param breached    per window, whether it breaches
     * @param yLabel      value axis label
     * @param description the figure's one-sentence description
     * @return the chart; one mark per finite point
     */
    public static Chart windowSeries(String id, String title, String[] windows, String[] series, double[][] values,
                                     double[][] low, double[][] high, double lower, double upper, boolean[] breached,
                                     String yLabel, String description) {
        return MonitorCharts.windowSeries(id, title, windows, series, values, low, high, lower, upper, breached,
                yLabel, description);
    }

    /**
     * A features × windows drift heat map: one row per feature (its label should name the test),
     * one column per window; the cell shows the test's value and is orange when the feature drifted,
     * light blue when it did not and grey when the test is undefined, with a legend of the three.
     *
     * @param id      chart id
     * @param title   title
     * @param rows    row labels, e.g. {@code "age (wasserstein)"}
     * @param windows window keys, in time order
     * @param values  values[row][window] (NaN: undefined)
     * @param drifted drifted[row][window]
     * @return the chart; one mark per cell
     */
    public static Chart driftHeatMap(String id, String title, String[] rows, String[] windows, double[][] values,
                                     boolean[][] drifted) {
        return MonitorCharts.driftHeatMap(id, title, rows, windows, values, drifted);
    }

    /** Indices of the (at most) {@code k} largest finite |values|, largest first; ties by index. */
    /**
     * Residual against prediction for each group of a regressor, with the zero line.
     *
     * @param id          chart id
     * @param title       title
     * @param groups      group names
     * @param predictions predictions[group] of the plotted rows
     * @param residuals   residuals[group] (observed − predicted) of the same rows
     * @return the chart; one mark per finite point
     */
    public static Chart residualScatter(String id, String title, String[] groups, double[][] predictions,
                                        double[][] residuals) {
        return ResidualCharts.scatter(id, title, groups, predictions, residuals);
    }

    /**
     * Residual distributions per group, as step histograms of densities over shared bins.
     *
     * @param id      chart id
     * @param title   title
     * @param groups  group names
     * @param edges   bin edges, ascending (k + 1 values)
     * @param density density[group][bin] (k values each)
     * @return the chart; one mark per group
     */
    public static Chart residualDistributions(String id, String title, String[] groups, double[] edges,
                                              double[][] density) {
        return ResidualCharts.distributions(id, title, groups, edges, density);
    }

    static int[] topByMagnitude(double[] values, int k) {
        return ChartSupport.topByMagnitude(values, k);
    }

    /** Makes labels usable as category keys: a repeated label gets " (2)", " (3)", ... */
    static String[] uniqueKeys(String[] labels) {
        return ChartSupport.uniqueKeys(labels);
    }
}
