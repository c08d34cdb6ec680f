package dev.candor.report.chart;

import dev.candor.fairness.Band;
import static dev.candor.report.chart.ChartSupport.WIDTH;
import static dev.candor.report.chart.ChartSupport.categoryAxis;
import static dev.candor.report.chart.ChartSupport.uniqueKeys;
import static dev.candor.report.chart.ChartSupport.minFinite;
import static dev.candor.report.chart.ChartSupport.maxFinite;
import static dev.candor.report.chart.ChartSupport.requireSameLength;
import static dev.candor.report.chart.ChartSupport.fmt;

import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Band charts: a value per category against an acceptable band (fairness metrics against their policy band).
 * Reached through the {@link Charts} facade, whose conventions (ids, NaN never drawn, Okabe-Ito
 * colours, deterministic SVG) apply.
 */
final class BandCharts {

    private BandCharts() {
    }

    /**
     * One bar per category with an acceptable band behind the bars, for example disparate impact per
     * protected attribute against the four-fifths band [0.8, 1.25], or a difference against
     * [-0.1, 0.1]. Bars inside the band are blue, bars outside orange; an optional whisker shows a
     * confidence interval. Bars are horizontal.
     *
     * @param id         chart id
     * @param title      title
     * @param estimates  the bars and their optional intervals
     * @param band       the acceptable band (inclusive edges)
     * @param reference  the value of "no disparity" (0 for differences, 1 for ratios), drawn as a line
     * @param axisLabel  label of the value axis
     * @return the chart; one mark per finite value
     */
    static Chart bandBars(String id, String title, Estimates estimates, Band band, double reference,
                          String axisLabel) {
        ChartTheme.checkId(id);
        String[] categories = estimates.labels();
        double[] values = estimates.values();
        double[] ciLow = estimates.ciLow();
        double[] ciHigh = estimates.ciHigh();
        double bandLow = band.lower();
        double bandHigh = band.upper();
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
        IntervalMarker bandMarker = new IntervalMarker(bandLow, bandHigh, ChartTheme.BAND);
        bandMarker.setLabel("acceptable");
        bandMarker.setLabelFont(ChartTheme.TICK_FONT);
        plot.addRangeMarker(bandMarker, Layer.BACKGROUND);
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
}
