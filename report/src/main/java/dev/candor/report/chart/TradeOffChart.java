package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.requireSameLength;
import static dev.candor.report.chart.ChartSupport.xyPlot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The accuracy–fairness trade-off of several mitigations: one point per method at (unfairness,
 * accuracy), and the Pareto front — the methods no other method beats on both — joined by a line.
 */
final class TradeOffChart {

    private TradeOffChart() {
    }

    static Chart tradeOff(String id, String title, String[] methods, double[] unfairness, double[] accuracy,
                          String xLabel) {
        ChartTheme.checkId(id);
        requireSameLength("methods", methods.length, "unfairness", unfairness.length);
        requireSameLength("methods", methods.length, "accuracy", accuracy.length);
        XYSeriesCollection ds = new XYSeriesCollection();
        XYSeries front = new XYSeries("Pareto front", true, true);
        for (int i : paretoFront(unfairness, accuracy)) {
            front.add(unfairness[i], accuracy[i]);
        }
        ds.addSeries(front);
        for (int i = 0; i < methods.length; i++) {
            XYSeries s = new XYSeries(methods[i] + (ds.getSeriesIndex(methods[i]) >= 0 ? " " + i : ""), false, true);
            if (Double.isFinite(unfairness[i]) && Double.isFinite(accuracy[i])) {
                s.add(unfairness[i], accuracy[i]);
            }
            ds.addSeries(s);
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.POINTS, false, true, null);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, Color.GRAY);
        r.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {4f, 4f}, 0f));
        for (int s = 1; s < ds.getSeriesCount(); s++) {
            r.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        XYPlot plot = xyPlot(ds, r, xLabel, "accuracy");
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title, "Accuracy against " + xLabel + ", one point per "
                + "method; the dashed line joins the methods that no other method beats on both.", 560, 340);
    }

    /** Indices of the points not dominated (lower or equal unfairness and higher or equal accuracy, one strictly). */
    static List<Integer> paretoFront(double[] x, double[] y) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < x.length && !dominated; j++) {
                dominated = j != i && Double.isFinite(x[j]) && Double.isFinite(y[j]) && x[j] <= x[i] && y[j] >= y[i]
                        && (x[j] < x[i] || y[j] > y[i]);
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out;
    }
}
