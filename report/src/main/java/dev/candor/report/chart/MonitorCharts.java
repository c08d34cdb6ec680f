package dev.candor.report.chart;

import static dev.candor.report.chart.ChartSupport.maxFinite;
import static dev.candor.report.chart.ChartSupport.minFinite;
import static dev.candor.report.chart.ChartSupport.requireSameLength;
import static dev.candor.report.chart.ChartSupport.uniqueKeys;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of a monitoring run, with windows on the horizontal axis: a watched metric over time with
 * its thresholds and breaching windows, and the features × windows drift heat map. Reached through
 * the {@link Charts} facade, whose conventions (ids, NaN never drawn, Okabe-Ito colours,
 * deterministic SVG) apply.
 */
final class MonitorCharts {

    /** Fill of a breaching window's column. */
    static final Color BREACH = new Color(0xD5, 0x5E, 0x00, 0x2A);
    /** Heat map cell of a drifted feature. */
    static final Color DRIFTED = new Color(0xD5, 0x5E, 0x00);
    /** Heat map cell of a feature that did not drift. */
    static final Color STABLE = new Color(0xC6, 0xDB, 0xEF);
    /** Heat map cell whose test is undefined. */
    static final Color UNDEFINED = new Color(0xE0, 0xE0, 0xE0);

    private MonitorCharts() {
    }

    /** Windows as axis ticks; long keys are written vertically. */
    private static SymbolAxis windowAxis(String[] windows) {
        SymbolAxis x = new SymbolAxis("window", uniqueKeys(windows));
        int longest = 0;
        for (String w : windows) {
            longest = Math.max(longest, w.length());
        }
        x.setVerticalTickLabels(windows.length * Math.max(4, longest) > 70);
        x.setGridBandsVisible(false);
        return x;
    }

    static Chart windowSeries(String id, String title, String[] windows, String[] series, double[][] values,
                              double[][] low, double[][] high, double lower, double upper, boolean[] breached,
                              String yLabel, String description) {
        ChartTheme.checkId(id);
        requireSameLength("series", series.length, "values", values.length);
        requireSameLength("windows", windows.length, "breached", breached.length);
        String[] keys = uniqueKeys(series);
        XYSeriesCollection ds = new XYSeriesCollection();
        double lo = minFinite(Double.POSITIVE_INFINITY, lower, upper);
        double hi = maxFinite(Double.NEGATIVE_INFINITY, lower, upper);
        for (int s = 0; s < series.length; s++) {
            requireSameLength("windows", windows.length, "values[" + s + "]", values[s].length);
            XYSeries xy = new XYSeries(keys[s], false, true);
            for (int w = 0; w < windows.length; w++) {
                // A NaN stays in the series as a gap in the line, never as a point.
                xy.add(w, Double.isFinite(values[s][w]) ? values[s][w] : Double.NaN);
                lo = minFinite(lo, values[s][w], low == null ? Double.NaN : low[s][w]);
                hi = maxFinite(hi, values[s][w], high == null ? Double.NaN : high[s][w]);
            }
            ds.addSeries(xy);
        }
        MarkCounter marks = new MarkCounter(id);
        MarkedXYRenderer r = new MarkedXYRenderer(marks, MarkedXYRenderer.Mode.POINTS, true, true, null);
        for (int s = 0; s < series.length; s++) {
            r.setSeriesShape(s, s == 0 ? new Ellipse2D.Double(-3.5, -3.5, 7, 7)
                    : new Rectangle2D.Double(-3.5, -3.5, 7, 7));
            r.setSeriesStroke(s, s == 0 ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
        }
        XYPlot plot = ChartSupport.xyPlot(ds, r, "window", yLabel);
        plot.setDomainAxis(windowAxis(windows));
        plot.getDomainAxis().setRange(-0.6, windows.length - 0.4);
        for (int w = 0; w < windows.length; w++) {
            if (breached[w]) {
                IntervalMarker m = new IntervalMarker(w - 0.45, w + 0.45, BREACH);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
        if (Double.isFinite(lower) && Double.isFinite(upper)) {
            plot.addRangeMarker(new IntervalMarker(lower, upper, ChartTheme.BAND), Layer.BACKGROUND);
        }
        thresholdLine(plot, lower, "lower " + ChartSupport.fmt(lower), false);
        thresholdLine(plot, upper, "upper " + ChartSupport.fmt(upper), true);
        if (low != null && high != null) {
            for (int s = 0; s < series.length; s++) {
                Paint p = r.getSeriesPaint(s);
                for (int w = 0; w < windows.length; w++) {
                    if (Double.isFinite(values[s][w]) && Double.isFinite(low[s][w]) && Double.isFinite(high[s][w])) {
                        plot.addAnnotation(new XYLineAnnotation(w, low[s][w], w, high[s][w], new BasicStroke(1.2f), p));
                        plot.addAnnotation(new XYLineAnnotation(w - 0.08, low[s][w], w + 0.08, low[s][w],
                                new BasicStroke(1.2f), p));
                        plot.addAnnotation(new XYLineAnnotation(w - 0.08, high[s][w], w + 0.08, high[s][w],
                                new BasicStroke(1.2f), p));
                    }
                }
            }
        }
        if (lo <= hi) {
            double pad = (hi - lo) * 0.1 + 1e-6;
            plot.getRangeAxis().setRange(lo - pad, hi + pad);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < series.length; s++) {
            legend.add(new LegendItem(keys[s], r.getSeriesPaint(s)));
        }
        if (Double.isFinite(lower) || Double.isFinite(upper)) {
            legend.add(new LegendItem("threshold band", ChartTheme.BAND));
        }
        boolean anyBreach = false;
        for (boolean b : breached) {
            anyBreach |= b;
        }
        if (anyBreach) {
            legend.add(new LegendItem("breaching window", BREACH));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartTheme.render(chart, marks, id, title, description, ChartSupport.WIDTH,
                windows.length * 9 > 70 ? 380 : 330);
    }

    /** A dashed threshold line, labelled above it (upper) or below it (lower) so close bounds stay legible. */
    private static void thresholdLine(XYPlot plot, double v, String label, boolean above) {
        if (!Double.isFinite(v)) {
            return;
        }
        ValueMarker m = new ValueMarker(v, ChartTheme.TEXT, ChartTheme.DASHED);
        m.setLabel(label);
        m.setLabelFont(ChartTheme.TICK_FONT);
        m.setLabelPaint(ChartTheme.TEXT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(above ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    static Chart driftHeatMap(String id, String title, String[] rows, String[] windows, double[][] values,
                              boolean[][] drifted) {
        ChartTheme.checkId(id);
        requireSameLength("rows", rows.length, "values", values.length);
        requireSameLength("rows", rows.length, "drifted", drifted.length);
        int nf = rows.length;
        int nw = windows.length;
        double[][] xyz = new double[3][nf * nw];
        int k = 0;
        for (int f = 0; f < nf; f++) {
            requireSameLength("windows", nw, "values[" + f + "]", values[f].length);
            requireSameLength("windows", nw, "drifted[" + f + "]", drifted[f].length);
            for (int w = 0; w < nw; w++) {
                xyz[0][k] = w;
                xyz[1][k] = nf - 1 - f;
                xyz[2][k] = !Double.isFinite(values[f][w]) && !drifted[f][w] ? 0 : drifted[f][w] ? 2 : 1;
                k++;
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("drift", xyz);
        MarkCounter marks = new MarkCounter(id);
        HeatRenderer r = new HeatRenderer(marks);
        LookupPaintScale scale = new LookupPaintScale(0, 3, UNDEFINED);
        scale.add(0, UNDEFINED);
        scale.add(1, STABLE);
        scale.add(2, DRIFTED);
        r.setPaintScale(scale);
        String[] reversed = new String[nf];
        for (int f = 0; f < nf; f++) {
            reversed[nf - 1 - f] = rows[f];
        }
        SymbolAxis y = new SymbolAxis(null, uniqueKeys(reversed));
        y.setGridBandsVisible(false);
        SymbolAxis x = windowAxis(windows);
        XYPlot plot = new XYPlot(ds, x, y, r);
        x.setRange(-0.5, nw - 0.5);
        y.setRange(-0.5, nf - 0.5);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (nf * nw <= 400) {
            for (int f = 0; f < nf; f++) {
                for (int w = 0; w < nw; w++) {
                    if (Double.isFinite(values[f][w])) {
                        XYTextAnnotation t = new XYTextAnnotation(cell(values[f][w]), w, nf - 1 - f);
                        t.setFont(ChartTheme.TICK_FONT.deriveFont(nw > 10 ? 8f : 10f));
                        t.setPaint(drifted[f][w] ? Color.WHITE : ChartTheme.TEXT);
                        plot.addAnnotation(t);
                    }
                }
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("drifted", DRIFTED));
        legend.add(new LegendItem("not drifted", STABLE));
        legend.add(new LegendItem("undefined", UNDEFINED));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        int width = Math.max(ChartSupport.WIDTH, 220 + 64 * nw);
        return ChartTheme.render(chart, marks, id, title, String.format(Locale.ROOT,
                "Each cell is the value of the feature's default drift test (named beside the feature) in one "
                        + "window against the reference; orange cells drifted (%d of %d).", countTrue(drifted),
                nf * nw), width, 120 + 24 * nf + (nw * 9 > 70 ? 60 : 0));
    }

    private static int countTrue(boolean[][] b) {
        int n = 0;
        for (boolean[] row : b) {
            for (boolean v : row) {
                n += v ? 1 : 0;
            }
        }
        return n;
    }

    private static String cell(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? String.format(Locale.ROOT, "%.3f", v)
                : String.format(Locale.ROOT, "%.1e", v);
    }

    /** A block renderer that wraps each cell in a mark group naming its verdict. */
    private static final class HeatRenderer extends XYBlockRenderer {
        private static final long serialVersionUID = 1L;
        private final transient MarkCounter marks;

        HeatRenderer(MarkCounter marks) {
            this.marks = marks;
        }

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            double z = ((DefaultXYZDataset) dataset).getZValue(series, item);
            marks.begin(g2, z == 2 ? "drifted" : z == 1 ? "stable" : "undefined");
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
            marks.end(g2);
        }
    }
}
