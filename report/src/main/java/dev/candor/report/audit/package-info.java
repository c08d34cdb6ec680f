/**
 * The fairness audit behind {@code candor audit}: {@link dev.candor.report.audit.Audit} builds an
 * {@link dev.candor.report.audit.AuditResult} from plain arrays (every attribute and intersection,
 * individual indices, optional intervals and tests, provenance), {@link dev.candor.report.audit.AuditJson}
 * writes it in the documented JSON shape, {@link dev.candor.report.audit.Policy} and
 * {@link dev.candor.report.audit.PolicyResult} check it against metric bounds, and
 * {@link dev.candor.report.audit.PredictionsTable} reads a predictions CSV with errors that name file,
 * line and column.
 *
 * @since 0.1.0
 */
package dev.candor.report.audit;
