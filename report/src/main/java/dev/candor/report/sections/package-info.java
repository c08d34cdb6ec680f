/**
 * The sections of a report as immutable records (summary, data, performance by group, fairness,
 * mitigation, explanations, methods), serialised to JSON by Jackson and rendered to HTML from that
 * same JSON tree. Undefined numbers are NaN here and null (with a reason beside them) in JSON.
 *
 * @since 0.1.0
 */
package dev.candor.report.sections;
