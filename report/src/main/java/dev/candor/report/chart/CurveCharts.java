package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.WIDTH;
import static dev.candor.report.chart.ChartSupport.densityPlot;
import static dev.candor.report.chart.ChartSupport.xyPlot;
import static dev.candor.report.chart.ChartSupport.curves;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * XY curve charts of scores by group: ROC curves, score distributions and calibration curves.
 * Reached through the {@link Charts} facade, whose conventions (ids, NaN never drawn, Okabe-Ito
 * colours, deterministic SVG) apply.
 */
final class CurveCharts {

    private CurveCharts() {
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
    static Chart rocCurves(String id, String title, String[] groups, double[][] fpr, double[][] tpr) {
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
    static Chart scoreDistributions(String id, String title, String[] groups, double[] edges,
                                           double[][] density) {
        ChartTheme.checkId(id);
        MarkCounter marks = new MarkCounter(id);
        XYPlot plot = densityPlot(marks, groups, edges, density, "score");
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
    static Chart calibration(String id, String title, String[] groups, double[][] meanPredicted,
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
                "Observed favorable rate against mean predicted score per score bin (bins of fewer than 10 rows "
                        + "are left out); the diagonal is perfect calibration.", 460, 400);
    }
}
