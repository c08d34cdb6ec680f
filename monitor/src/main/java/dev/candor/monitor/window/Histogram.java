package dev.candor.monitor.window;

import dev.candor.monitor.EvidentlyBinning;
import dev.candor.monitor.FeatureSamples;
import java.util.List;

/**
 * Reference and window counts of one feature over Evidently's binning (Sturges bins over both
 * samples for a numeric feature with more than 20 reference values, otherwise one bin per value),
 * ready to draw.
 *
 * @param labels    one label per bin (the category, or the bin's {@code [lo, hi)} interval)
 * @param edges     the bin edges of a histogram, empty for categories
 * @param reference reference counts per bin
 * @param current   window counts per bin
 * @since 0.2.0
 */
public record Histogram(List<String> labels, double[] edges, long[] reference, long[] current) {

    /** Copies the arrays. */
    public Histogram {
        labels = List.copyOf(labels);
        edges = edges.clone();
        reference = reference.clone();
        current = current.clone();
    }

    static Histogram of(FeatureSamples fs) {
        EvidentlyBinning b = EvidentlyBinning.of(fs);
        return new Histogram(b.labels(fs), b.histogram() ? b.edges() : new double[0], b.reference(), b.current());
    }
}
