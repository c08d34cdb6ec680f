package dev.candor.report.chart;

import java.awt.Graphics2D;
import java.util.Map;
import org.jfree.svg.SVGHints;

/**
 * Wraps each data mark a renderer draws in an SVG group with an id {@code <chart>-mark-<n>}, so the
 * marks of a chart can be counted in its SVG and addressed by style sheets. Not thread-safe: one
 * counter per chart rendering.
 */
final class MarkCounter {

    private final String chartId;
    private int count;

    MarkCounter(String chartId) {
        this.chartId = chartId;
    }

    /** Opens the group of the next mark; {@code what} describes it (escaped by the SVG writer). */
    void begin(Graphics2D g2, String what) {
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP,
                Map.of("id", chartId + "-mark-" + count, "ref", what));
        count++;
    }

    /** Closes the group opened by the last {@link #begin}. */
    void end(Graphics2D g2) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
    }

    /** @return how many marks were opened */
    int count() {
        return count;
    }
}
