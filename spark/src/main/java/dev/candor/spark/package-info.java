/**
 * Candor on Apache Spark: the single-machine computations over distributed tables, with the same
 * numbers.
 *
 * <ul>
 *   <li>{@link dev.candor.spark.CandorSpark#audit}: the fairness audit as one typed
 *       {@link dev.candor.spark.AuditAggregator} pass over the rows; the merged
 *       {@link dev.candor.spark.AuditCounts} give the same {@code AuditResult} as
 *       {@code dev.candor.fairness.audit.Audit}. Also a SQL aggregate
 *       ({@link dev.candor.spark.CandorSpark#registerAudit}).</li>
 *   <li>{@link dev.candor.spark.CandorSpark#performance}: classification metrics by group from the same
 *       counts, with the ROC AUC of a {@link dev.candor.spark.ScoreHistogram} and its error bound.</li>
 *   <li>{@link dev.candor.spark.CandorSpark#profile}: the monitor's {@code DatasetProfile}, built per
 *       partition and merged ({@link dev.candor.spark.ProfileAggregator}).</li>
 *   <li>{@link dev.candor.spark.BatchExplanations}: KernelSHAP and LIME of many rows with a broadcast
 *       {@link dev.candor.spark.SparkModel}, deterministic per (seed, row id).</li>
 *   <li>{@link dev.candor.spark.CandorSparkMain}: {@code candor-spark audit}, the options and JSON of
 *       {@code candor audit} over anything Spark reads.</li>
 * </ul>
 *
 * <p>Why the numbers agree: every statistic here is a sum over rows (weighted confusion cells, log-loss
 * sums, per-score positive and negative weights, histogram slots, Welford moments combined by Chan's
 * formula, KLL sketches), so partial results of partitions merge by addition and the driver finishes
 * them with the single-machine code. Only floating-point summation order differs.
 *
 * @since 0.1.0
 */
package dev.candor.spark;
