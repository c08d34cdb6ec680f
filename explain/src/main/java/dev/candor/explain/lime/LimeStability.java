package dev.candor.explain.lime;

import dev.candor.core.Html;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How stable a LIME explanation is: the same row explained {@code runs} times with independent
 * random streams (run r uses the stream of index r, so run 0 is {@link LimeTabular#explain}).
 *
 * <p>For each feature: the mean and the sample standard deviation (ddof 1; NaN for one run) of its
 * weight over the runs, and the fraction of runs in which it is among the top k (the k features of
 * largest |weight|, ties to the lower index, zero weights never counted). A feature is flagged as a
 * near tie when its top-k membership changed between runs, or when it is the k-th or (k+1)-th
 * feature by |mean weight| and the two differ by less than twice their combined standard deviation
 * √(s<sub>k</sub>² + s<sub>k+1</sub>²): its rank in a single explanation should not be trusted.
 * {@link #meanTopKJaccard()} is the mean Jaccard similarity |A ∩ B| / |A ∪ B| of the top-k sets over
 * all pairs of runs (1 = the same top k every time; NaN for one run).
 *
 * <p>This measure is not in the reference, whose run-to-run variation is a known complaint
 * (marcotcr/lime issues 67, 231, 389); see also Visani et al., Statistical stability indices for
 * LIME, JORS 2022, doi:10.1080/01605682.2020.1865846.
 *
 * @param runs            number of explanations
 * @param topK            the k of the top-k counts
 * @param features        one entry per feature, by feature index
 * @param meanTopKJaccard mean pairwise Jaccard similarity of the top-k sets
 * @param scoreMean       mean weighted R² over runs
 * @param scoreStd        its standard deviation (ddof 1)
 * @param explanations    the individual explanations, by run
 * @since 0.1.0
 */
public record LimeStability(int runs, int topK, List<FeatureStability> features, double meanTopKJaccard,
                            double scoreMean, double scoreStd, List<LimeExplanation> explanations) {

    public LimeStability {
        features = List.copyOf(features);
        explanations = List.copyOf(explanations);
    }

    /**
     * Stability of one feature's weight.
     *
     * @param feature       the feature index
     * @param condition     its readable condition for the explained row
     * @param meanWeight    mean weight over runs
     * @param stdWeight     sample standard deviation of the weight (ddof 1)
     * @param topKFrequency fraction of runs with the feature in the top k
     * @param nearTie       whether its top-k membership is unreliable (see {@link LimeStability})
     */
    public record FeatureStability(int feature, String condition, double meanWeight, double stdWeight,
                                   double topKFrequency, boolean nearTie) {
        public FeatureStability {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** @return the features flagged as near ties */
    public List<FeatureStability> nearTies() {
        return features.stream().filter(FeatureStability::nearTie).toList();
    }

    /** @return the features by decreasing |mean weight| (ties by index), the order of the tables */
    private List<FeatureStability> byMagnitude() {
        return features.stream().sorted(Comparator.comparingDouble((FeatureStability f) -> -Math.abs(f.meanWeight()))
                .thenComparingInt(FeatureStability::feature)).toList();
    }

    private String headline() {
        return String.format(Locale.ROOT, "%d runs, top %d: mean top-%d Jaccard %.4f, surrogate R\u00b2 %.4f \u00b1 %.4f",
                runs, topK, topK, meanTopKJaccard, scoreMean, scoreStd);
    }

    /**
     * A plain-text table for terminals and notebooks: the headline (runs, k, mean top-k Jaccard,
     * surrogate R² mean ± std) and one line per feature by decreasing |mean weight| with its
     * condition, mean ± std of the weight, how often it was in the top k, and whether it is a near
     * tie. Numbers are rounded to four decimals.
     *
     * @return the table
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LimeStability: ").append(headline()).append('\n');
        int width = features.stream().mapToInt(f -> f.condition().length()).max().orElse(0);
        for (FeatureStability f : byMagnitude()) {
            sb.append(String.format(Locale.ROOT, "  %-" + Math.max(1, width) + "s  %+.4f \u00b1 %.4f  top %d %3.0f%%%s%n",
                    f.condition(), f.meanWeight(), f.stdWeight(), topK, 100 * f.topKFrequency(),
                    f.nearTie() ? "  near tie" : ""));
        }
        return sb.toString();
    }

    /**
     * The same table as {@link #toString()} as an HTML fragment, for notebooks:
     * {@code display(stability.toHtml(), "text/html")}.
     *
     * @return an HTML table with a caption (conditions escaped)
     */
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table><caption style=\"text-align:left\"><b>LIME stability</b>: ")
                .append(Html.escape(headline())).append("</caption>\n<thead><tr><th>condition</th><th>mean weight</th>"
                        + "<th>std</th><th>in top ").append(topK).append("</th><th>near tie</th></tr></thead>\n<tbody>\n");
        for (FeatureStability f : byMagnitude()) {
            sb.append(String.format(Locale.ROOT, "<tr><td style=\"text-align:left\">%s</td><td>%+.4f</td><td>%.4f</td>"
                    + "<td>%.0f%%</td><td>%s</td></tr>%n", Html.escape(f.condition()), f.meanWeight(), f.stdWeight(),
                    100 * f.topKFrequency(), f.nearTie() ? "yes" : ""));
        }
        return sb.append("</tbody></table>").toString();
    }

}
