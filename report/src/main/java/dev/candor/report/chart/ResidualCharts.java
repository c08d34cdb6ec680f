package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.WIDTH;
import static dev.candor.report.chart.ChartSupport.densityPlot;
import static dev.candor.report.chart.ChartSupport.curves;
import static dev.candor.report.chart.ChartSupport.xyPlot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Residual charts of a regressor by group: residual against prediction, and the residual
 * distribution. A residual is \(y - \hat y\). Reached through the {@link Charts} facade, whose
 * conventions (ids, NaN never drawn, Okabe-Ito colours, deterministic SVG) apply.
 */
final class ResidualCharts {

    private ResidualCharts() {
    }

    static Chart scatter(String id, String title, String[] groups, double[][] predictions, double[][] residuals) {
        ChartTheme.checkId(id);
        XYSeriesCollection ds = curves(groups, predictions, residuals, "predictions", "residuals");
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.POINTS, false, true, null);
        for (int g = 0; g < groups.length; g++) {
            r.setSeriesShape(g, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            Color c = (Color) ChartTheme.palette(g);
            r.setSeriesPaint(g, new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x90));
        }
        XYPlot plot = xyPlot(ds, r, "prediction", "residual (observed − predicted)");
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title, "Residual against prediction, one point per row (at most "
                + "a sample of each group); points above the line are rows the model predicts too low.", WIDTH, 380);
    }

    static Chart distributions(String id, String title, String[] groups, double[] edges, double[][] density) {
        ChartTheme.checkId(id);
        MarkCounter marks = new MarkCounter(id);
        XYPlot plot = densityPlot(marks, groups, edges, density, "residual (observed − predicted)");
        plot.addDomainMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title, "Distribution of the residuals in each group (histogram "
                + "densities over the same bins; residuals beyond the outer bins are counted in them).", WIDTH, 340);
    }
}
