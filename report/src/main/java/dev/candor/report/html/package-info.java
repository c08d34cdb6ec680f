/**
 * HTML rendering of reports: Freemarker templates in the HTML output format with auto-escaping, an
 * inline print-friendly style sheet, and the charts of each section. The page needs no script and
 * fetches nothing.
 *
 * @since 0.1.0
 */
package dev.candor.report.html;
