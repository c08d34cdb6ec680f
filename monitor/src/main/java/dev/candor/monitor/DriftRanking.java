package dev.candor.monitor;

/**
 * One drifted feature ranked by how much its drift matters to a model:
 * {@code score = effect × importance}, where {@code effect} is the size of the feature's drift (a
 * distance, see {@link DriftReport#effect(FeatureDrift)}) and {@code importance} is what the caller
 * measured for the feature, typically its mean |SHAP value| on the reference (explain's
 * {@code GlobalImportance.meanAbs()}). A feature that drifted a lot but that the model ignores
 * scores low; one that drifted a little but drives every prediction scores high.
 *
 * @param feature    the feature
 * @param effectTest the test whose distance is the effect
 * @param effect     the drift's size (a distance, {@code >= 0})
 * @param importance the feature's importance to the model ({@code >= 0})
 * @param score      {@code effect × importance}
 * @since 0.1.0
 */
public record DriftRanking(String feature, DriftTest effectTest, double effect, double importance, double score) {
}
