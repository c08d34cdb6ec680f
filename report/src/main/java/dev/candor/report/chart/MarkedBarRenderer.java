package dev.candor.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * A bar renderer that draws plain flat bars, wraps each bar in a counted mark group, colours bars
 * one by one when asked to, and draws error bars (a low-high whisker) when given. It extends
 * {@link IntervalBarRenderer} so that bars may also float between a start and an end value (the
 * waterfall chart); with an ordinary dataset it draws ordinary bars from zero.
 */
final class MarkedBarRenderer extends IntervalBarRenderer {

    private static final long serialVersionUID = 1L;

    /** Colours bar (row, column), or returns null for the series colour. */
    interface ItemPaint {
        Paint paint(int row, int column);
    }

    private final transient MarkCounter marks;
    private final transient ItemPaint itemPaint;
    private final double[][] low;
    private final double[][] high;

    /**
     * @param marks     the mark counter of the chart
     * @param itemPaint per-bar colour, or null
     * @param low       whisker low end per [row][column], or null for no whiskers
     * @param high      whisker high end per [row][column], or null
     */
    MarkedBarRenderer(MarkCounter marks, ItemPaint itemPaint, double[][] low, double[][] high) {
        this.marks = marks;
        this.itemPaint = itemPaint;
        this.low = low;
        this.high = high;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.05);
        setMaximumBarWidth(0.12);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        if (itemPaint != null) {
            Paint p = itemPaint.paint(row, column);
            if (p != null) {
                return p;
            }
        }
        return super.getItemPaint(row, column);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        Number v = dataset.getValue(row, column);
        if (v == null || !Double.isFinite(v.doubleValue())) {
            return;
        }
        marks.begin(g2, dataset.getRowKey(row) + " / " + dataset.getColumnKey(column));
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double start = dataset instanceof org.jfree.data.category.IntervalCategoryDataset icd
                ? icd.getStartValue(row, column).doubleValue() : getBase();
        double end = dataset instanceof org.jfree.data.category.IntervalCategoryDataset icd
                ? icd.getEndValue(row, column).doubleValue() : v.doubleValue();
        if (start == end) {
            // A zero-length bar is still a value: draw a hairline so the reader sees it is zero.
            drawTick(g2, state, dataArea, plot, domainAxis, rangeAxis, row, column, end);
        }
        if (low != null && high != null) {
            drawWhisker(g2, state, dataArea, plot, domainAxis, rangeAxis, row, column);
        }
        marks.end(g2);
    }

    private void drawTick(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                          CategoryAxis domainAxis, ValueAxis rangeAxis, int row, int column, double at) {
        PlotOrientation orientation = plot.getOrientation();
        double w0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column);
        double p = rangeAxis.valueToJava2D(at, dataArea, plot.getRangeAxisEdge());
        g2.setPaint(getItemPaint(row, column));
        g2.setStroke(new BasicStroke(2f));
        if (orientation == PlotOrientation.HORIZONTAL) {
            g2.draw(new Line2D.Double(p, w0, p, w0 + state.getBarWidth()));
        } else {
            g2.draw(new Line2D.Double(w0, p, w0 + state.getBarWidth(), p));
        }
    }

    private void drawWhisker(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, int row, int column) {
        double lo = low[row][column];
        double hi = high[row][column];
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double w0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column);
        double mid = w0 + state.getBarWidth() / 2.0;
        double cap = Math.min(4.0, state.getBarWidth() / 4.0);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double a = rangeAxis.valueToJava2D(lo, dataArea, edge);
        double b = rangeAxis.valueToJava2D(hi, dataArea, edge);
        g2.setPaint(new Color(40, 40, 40));
        g2.setStroke(new BasicStroke(1.2f));
        if (orientation == PlotOrientation.HORIZONTAL) {
            g2.draw(new Line2D.Double(a, mid, b, mid));
            g2.draw(new Line2D.Double(a, mid - cap, a, mid + cap));
            g2.draw(new Line2D.Double(b, mid - cap, b, mid + cap));
        } else {
            g2.draw(new Line2D.Double(mid, a, mid, b));
            g2.draw(new Line2D.Double(mid - cap, a, mid + cap, a));
            g2.draw(new Line2D.Double(mid - cap, b, mid + cap, b));
        }
    }
}
