/**
 * Candor's reports: {@link dev.candor.report.Report}, one immutable document rendered as a
 * self-contained HTML page (or an embeddable fragment for notebooks), as JSON with the same numbers,
 * and as plain text; {@link dev.candor.core.AtomicFiles} writes outputs so that a failure never
 * leaves a partial file.
 *
 * @since 0.1.0
 */
package dev.candor.report;
