/**
 * Group and individual fairness metrics over plain arrays, with the numbers AIF360 and fairlearn give.
 *
 * <p>The flow: encode each protected attribute as a {@link dev.candor.fairness.GroupAttribute}
 * (integer codes plus names; intersections are attributes too), count every group's confusion cells
 * in one pass with {@link dev.candor.fairness.GroupCounter} (the result,
 * {@link dev.candor.fairness.GroupCounts}, is the sufficient statistic and merges by addition), then
 * read rates, differences and ratios from {@link dev.candor.fairness.GroupMetrics}:
 * <pre>{@code
 * GroupAttribute race = GroupAttribute.of("race", raceColumn);
 * GroupCounts counts = GroupCounter.count(yTrue, yPred, weights, race);   // weights may be null
 * GroupMetrics m = GroupMetrics.of(counts).withPrivileged("White");
 * m.metric("disparate_impact");                        // unprivileged (pooled) / privileged, AIF360
 * m.metric("equalized_odds_difference");               // max - min over all groups, fairlearn
 * m.ratio(Rate.TRUE_POSITIVE_RATE, ComparisonMethod.BETWEEN_GROUPS).group();  // the group behind it
 * InequalityIndices.theil(counts.overall());           // individual fairness of b = yhat - y + 1
 * }</pre>
 * Undefined values are NaN with an {@link dev.candor.fairness.UndefinedReason}, never a silent 0;
 * {@code withStrict(true)} throws instead. Scores give ROC AUC and log loss per group
 * ({@link dev.candor.fairness.ScoreMetrics}); uncertainty comes from Wilson intervals
 * ({@link dev.candor.fairness.WilsonInterval}), 2×2 tests ({@link dev.candor.fairness.TwoByTwoTable})
 * and a seeded, thread-count-independent bootstrap ({@link dev.candor.fairness.Bootstrap}).
 *
 * @since 0.1.0
 */
package dev.candor.fairness;
