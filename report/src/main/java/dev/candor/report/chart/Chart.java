package dev.candor.report.chart;

import java.util.Objects;

/**
 * One rendered chart: an inline SVG element ready to be placed in an HTML page, with the text a
 * reader needs when the picture is not enough (title and a one-sentence description, used as the
 * figure caption and the SVG's accessible name).
 *
 * <p>The SVG has no XML prolog, carries {@code id} as the id of its root element, and every id it
 * defines inside (clip paths, gradients) is prefixed with {@code id}, so several charts can live in
 * one page. Every data mark (a bar, a point, a curve) is wrapped in a group whose id starts with
 * {@code id + "-mark-"}; {@link #marks()} is their number, which tests compare with the data.
 *
 * @param id          the chart's id, unique within a report; letters, digits and {@code -} only
 * @param title       the chart's title (plain text; escaped where it is shown)
 * @param description a one-sentence description of what the chart shows (plain text)
 * @param svg         the {@code <svg>} element
 * @param marks       the number of data marks drawn
 * @since 0.1.0
 */
public record Chart(String id, String title, String description, String svg, int marks) {

    public Chart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(svg, "svg");
        if (marks < 0) {
            throw new IllegalArgumentException("marks must be >= 0, got " + marks);
        }
    }
}
