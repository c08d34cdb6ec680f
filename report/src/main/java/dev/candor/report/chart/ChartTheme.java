package dev.candor.report.chart;

import dev.candor.core.Html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The look shared by every chart (colour-blind-safe Okabe-Ito palette, light grid, sans-serif
 * text) and the conversion of a JFreeChart to an inline SVG element.
 */
final class ChartTheme {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Okabe and Ito's colour-blind-safe palette (2008), in the order series take it. */
    static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)};
    /** Colour of a value inside its acceptable band, and of a negative contribution. */
    static final Color GOOD = new Color(0x00, 0x72, 0xB2);
    /** Colour of a value outside its acceptable band, and of a positive contribution. */
    static final Color BAD = new Color(0xD5, 0x5E, 0x00);
    /** Fill of an acceptable band. */
    static final Color BAND = new Color(0x00, 0x9E, 0x73, 0x30);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final BasicStroke DASHED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 4f}, 0f);

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private ChartTheme() {
    }

    static Paint palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id must be a letter followed by letters, digits, '-' or '_', got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    /** Applies the shared look to a chart built by a factory. */
    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBorderVisible(false);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL_FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(GRID);
            cp.setDomainGridlinesVisible(false);
            styleAxis(cp.getDomainAxis());
            styleAxis(cp.getRangeAxis());
        } else if (plot instanceof XYPlot xp) {
            xp.setRangeGridlinePaint(GRID);
            xp.setDomainGridlinePaint(GRID);
            styleAxis(xp.getDomainAxis());
            styleAxis(xp.getRangeAxis());
        }
    }

    private static void styleAxis(Axis axis) {
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
    }

    /**
     * Draws the chart into an SVG element of the given size (in user units; the element scales to
     * its container because it has a view box but no fixed width or height).
     */
    static Chart render(JFreeChart chart, MarkCounter marks, String id, String title, String description,
                        int width, int height) {
        style(chart);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        // Two decimals of a user unit are far below a pixel; they keep the SVG small.
        g2.setGeomDoubleConverter(ChartTheme::twoDecimals);
        g2.setTransformDoubleConverter(ChartTheme::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
        // An accessible name, and a class the page's style sheet uses to size charts.
        svg = "<svg role='img' class='chart' aria-label='" + Html.escape(title) + "' " + svg.substring("<svg ".length());
        return new Chart(id, title, description, svg, marks.count());
    }

    static String twoDecimals(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long scaled = Math.round(v * 100.0);
        if (scaled % 100 == 0) {
            return Long.toString(scaled / 100);
        }
        String sign = scaled < 0 ? "-" : "";
        long a = Math.abs(scaled);
        long frac = a % 100;
        return sign + (a / 100) + (frac % 10 == 0 ? "." + (frac / 10) : (frac < 10 ? ".0" : ".") + frac);
    }
}
