/**
 * LIME for tabular data: {@link dev.candor.explain.lime.LimeTabular} explains one prediction of any
 * {@link dev.candor.explain.Model} by a weighted linear surrogate fitted on perturbations of the row,
 * following the reference {@code lime} package (Ribeiro, Singh and Guestrin, KDD 2016,
 * doi:10.1145/2939672.2939778), with per-row seeded random streams and a stability measure
 * ({@link dev.candor.explain.lime.LimeStability}).
 *
 * @since 0.1.0
 */
package dev.candor.explain.lime;
