/**
 * The fairness audit behind {@code candor audit}: {@link dev.candor.fairness.audit.Audit} builds an
 * {@link dev.candor.fairness.audit.AuditResult} from plain arrays (every attribute and intersection,
 * individual indices, optional intervals and tests, provenance), {@link dev.candor.report.AuditJson}
 * writes it in the documented JSON shape, {@link dev.candor.fairness.audit.Policy} and
 * {@link dev.candor.fairness.audit.PolicyResult} check it against metric bounds, and
 * {@link dev.candor.datasets.PredictionsTable} reads a predictions CSV with errors that name file,
 * line and column.
 *
 * @since 0.1.0
 */
package dev.candor.fairness.audit;
