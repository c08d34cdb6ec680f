package dev.candor.report.chart;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A line-and-shape renderer that counts marks: in {@link Mode#CURVES} each series' line is one mark
 * (drawn as one path), in {@link Mode#POINTS} each finite point is one mark and may get its own
 * colour.
 */
final class MarkedXYRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    /** What counts as a mark. */
    enum Mode { CURVES, POINTS }

    /** Colours point (series, item), or returns null for the series colour. */
    interface ItemPaint {
        Paint paint(int series, int item);
    }

    private final transient MarkCounter marks;
    private final Mode mode;
    private final transient ItemPaint itemPaint;

    MarkedXYRenderer(MarkCounter marks, Mode mode, boolean lines, boolean shapes, ItemPaint itemPaint) {
        super(lines, shapes);
        this.marks = marks;
        this.mode = mode;
        this.itemPaint = itemPaint;
        setDrawSeriesLineAsPath(true);
        setDrawOutlines(false);
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        if (itemPaint != null) {
            Paint p = itemPaint.paint(series, item);
            if (p != null) {
                return p;
            }
        }
        return super.getItemPaint(series, item);
    }

    @Override
    protected void drawFirstPassShape(Graphics2D g2, int pass, int series, int item, Shape shape) {
        if (mode == Mode.CURVES) {
            marks.begin(g2, "series " + series);
            super.drawFirstPassShape(g2, pass, series, item, shape);
            marks.end(g2);
        } else {
            super.drawFirstPassShape(g2, pass, series, item, shape);
        }
    }

    @Override
    protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, XYDataset dataset, int pass, int series, int item,
                                     ValueAxis domainAxis, Rectangle2D dataArea, ValueAxis rangeAxis,
                                     CrosshairState crosshairState, EntityCollection entities) {
        boolean counted = mode == Mode.POINTS && Double.isFinite(dataset.getXValue(series, item))
                && Double.isFinite(dataset.getYValue(series, item));
        if (counted) {
            marks.begin(g2, "point " + series + "/" + item);
        }
        super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis,
                crosshairState, entities);
        if (counted) {
            marks.end(g2);
        }
    }
}
