/**
 * The charts of Candor's reports: JFreeChart plots drawn into inline SVG with JFreeSVG, from plain
 * arrays. {@link dev.candor.report.chart.Charts} holds the factories (band bars for fairness metrics,
 * grouped bars, ROC, score distributions, calibration, importance bars with error bars, a SHAP
 * beeswarm, dependence scatter, SHAP waterfall and LIME bars); each returns a
 * {@link dev.candor.report.chart.Chart} whose SVG has no XML prolog, ids unique to the chart, escaped
 * text and counted data marks.
 *
 * @since 0.1.0
 */
package dev.candor.report.chart;
