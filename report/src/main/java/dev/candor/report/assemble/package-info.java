/**
 * Making a report from data: {@link dev.candor.cli.pipeline.ReportAssembler} splits a dataset,
 * trains a classifier, audits it against a fairness policy
 * ({@link dev.candor.fairness.audit.DefaultPolicy} unless another is given), compares it with a
 * reweighed model, and explains it with KernelSHAP and LIME;
 * {@link dev.candor.report.assemble.AuditReports} turns an audit of a predictions file into the same
 * page.
 *
 * @since 0.1.0
 */
package dev.candor.report.assemble;
