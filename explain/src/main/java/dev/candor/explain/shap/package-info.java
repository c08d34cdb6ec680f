/**
 * Shapley-value explanations: {@link dev.candor.explain.shap.KernelShap} (model-agnostic KernelSHAP,
 * exact when every coalition fits the budget), {@link dev.candor.explain.shap.ExactShap} (brute force
 * over all coalitions, the reference), and {@link dev.candor.explain.shap.GlobalImportance} (mean |phi|
 * with its spread, overall and by group).
 *
 * <p>References: L. S. Shapley, "A value for n-person games", 1953, doi:10.1515/9781400881970-018;
 * S. M. Lundberg and S.-I. Lee, "A Unified Approach to Interpreting Model Predictions", NeurIPS 2017,
 * arXiv:1705.07874.
 *
 * @since 0.1.0
 */
package dev.candor.explain.shap;
