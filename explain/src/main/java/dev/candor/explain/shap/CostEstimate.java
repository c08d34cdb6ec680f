package dev.candor.explain.shap;

/**
 * What explaining a number of rows will cost, in model evaluations:
 * {@code modelRows = instances * (coalitions * backgroundRows + 1)} (every coalition is evaluated on
 * every background row, plus the row itself). This is the figure that decides the run time of
 * KernelSHAP; reduce it with a smaller or summarised background ({@code Background.kmeans}) or fewer
 * samples.
 *
 * @param instances      rows to explain
 * @param coalitions     coalitions per row (an upper bound: players that do not vary are skipped)
 * @param backgroundRows rows of the background
 * @param modelRows      model evaluations in all
 * @since 0.1.0
 */
public record CostEstimate(long instances, long coalitions, int backgroundRows, long modelRows) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%,d model rows (%,d instances x (%,d coalitions x %,d background rows + 1))",
                modelRows, instances, coalitions, backgroundRows);
    }
}
