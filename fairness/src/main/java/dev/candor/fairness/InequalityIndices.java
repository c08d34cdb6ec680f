package dev.candor.fairness;

import java.util.Arrays;
import java.util.List;

/**
 * Inequality indices of benefits: generalized entropy, Theil, coefficient of variation and Gini.
 *
 * <p>The benefit of a row is {@code b = ŷ − y + 1} ∈ {0, 1, 2} (Speicher et al. 2018,
 * "A Unified Approach to Quantifying Algorithmic Unfairness", KDD, doi:10.1145/3219819.3220046), so
 * the benefits are summarised by the number of rows with each value: {@code n₀} = false negatives,
 * {@code n₁} = true positives + true negatives, {@code n₂} = false positives. With
 * {@code n = n₀ + n₁ + n₂} and {@code μ = (n₁ + 2n₂)/n}:
 * <ul>
 *   <li>{@code GE(α) = 1/(n α(α−1)) Σᵢ [(bᵢ/μ)^α − 1]} for α ∉ {0, 1};</li>
 *   <li>{@code GE(1) = Theil = 1/n Σᵢ (bᵢ/μ) ln(bᵢ/μ)} with {@code 0 ln 0 = 0};</li>
 *   <li>{@code GE(0) = −1/n Σᵢ ln(bᵢ/μ)};</li>
 *   <li>{@code coefficient_of_variation = √(2 GE(2))};</li>
 *   <li>{@code Gini = Σᵢ Σⱼ |bᵢ − bⱼ| / (2 n² μ) = 2(n₀n₁ + 2n₀n₂ + n₁n₂) / (2 n Σb)} (exact, O(1)).</li>
 * </ul>
 * Between-group forms give every row the mean benefit of its group and apply the same formula,
 * {@code GE_between(α) = 1/(n α(α−1)) Σ_g n_g [(μ_g/μ)^α − 1]}.
 *
 * <p>Edge cases: no rows → {@link UndefinedReason#EMPTY_GROUP}; μ = 0 (every row a false negative)
 * → {@link UndefinedReason#ZERO_MEAN}; α ≤ 0 with a zero benefit (the index is infinite) →
 * {@link UndefinedReason#ZERO_BENEFIT}.
 *
 * <p>Like AIF360, these indices count rows and ignore instance weights: AIF360's
 * {@code generalized_entropy_index} and {@code between_group_*} use unweighted means.
 *
 * @since 0.1.0
 */
public final class InequalityIndices {

    private InequalityIndices() {
    }

    /**
     * Generalized entropy index of the benefits of the given rows.
     *
     * @param c     the rows' counts (only the unweighted row counts are used)
     * @param alpha the index's parameter (2 in AIF360's default, 1 = Theil, 0 = mean log deviation)
     * @return GE(α)
     */
    public static MetricValue generalizedEntropy(ConfusionCounts c, double alpha) {
        long n0 = c.rowsFn();
        long n1 = c.rowsTp() + c.rowsTn();
        long n2 = c.rowsFp();
        return generalizedEntropy(new double[] {n0, n1, n2}, new double[] {0, 1, 2}, alpha);
    }

    /**
     * Theil index = GE(1) of the benefits.
     *
     * @param c the rows' counts
     * @return the Theil index
     */
    public static MetricValue theil(ConfusionCounts c) {
        return generalizedEntropy(c, 1.0);
    }

    /**
     * Coefficient of variation of the benefits, √(2 GE(2)) (the population standard deviation over the mean).
     *
     * @param c the rows' counts
     * @return the coefficient of variation
     */
    public static MetricValue coefficientOfVariation(ConfusionCounts c) {
        MetricValue ge = generalizedEntropy(c, 2.0);
        return ge.isDefined() ? MetricValue.of(Math.sqrt(2.0 * ge.value())) : ge;
    }

    /**
     * Gini coefficient of the benefits, from the counts in O(1) with exact integer arithmetic up to the
     * final division.
     *
     * @param c the rows' counts
     * @return Σᵢ Σⱼ |bᵢ − bⱼ| / (2 n² μ)
     */
    public static MetricValue giniOfBenefits(ConfusionCounts c) {
        double n0 = c.rowsFn();
        double n1 = c.rowsTp() + c.rowsTn();
        double n2 = c.rowsFp();
        double n = n0 + n1 + n2;
        if (n == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        double sum = n1 + 2 * n2;
        if (sum == 0) {
            return MetricValue.undefined(UndefinedReason.ZERO_MEAN);
        }
        // Σ_i Σ_j |b_i − b_j| = 2 (n0 n1 + 2 n0 n2 + n1 n2)
        java.math.BigInteger a = java.math.BigInteger.valueOf(c.rowsFn()).multiply(java.math.BigInteger.valueOf(c.rowsTp() + c.rowsTn()));
        java.math.BigInteger b = java.math.BigInteger.valueOf(c.rowsFn()).multiply(java.math.BigInteger.valueOf(c.rowsFp())).shiftLeft(1);
        java.math.BigInteger d = java.math.BigInteger.valueOf(c.rowsTp() + c.rowsTn()).multiply(java.math.BigInteger.valueOf(c.rowsFp()));
        java.math.BigInteger num = a.add(b).add(d);
        java.math.BigInteger den = java.math.BigInteger.valueOf(c.rows()).multiply(
                java.math.BigInteger.valueOf(c.rowsTp() + c.rowsTn() + 2 * c.rowsFp()));
        return MetricValue.of(new java.math.BigDecimal(num).divide(new java.math.BigDecimal(den),
                java.math.MathContext.DECIMAL64).doubleValue());
    }

    /**
     * Gini coefficient of any non-negative vector, {@code Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ)}, in O(n log n):
     * with the values sorted ascending, {@code G = Σᵢ (2i − n − 1) x₍ᵢ₎ / (n Σx)}, i = 1..n.
     *
     * @param values non-negative finite values (not modified)
     * @return the Gini coefficient; undefined for an empty vector or a zero sum
     * @throws IllegalArgumentException if a value is negative, NaN or infinite (naming its index)
     */
    public static MetricValue gini(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("values: index " + i + " is " + values[i]
                        + "; the Gini coefficient needs finite values >= 0");
            }
        }
        int n = values.length;
        if (n == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
            weighted += (2.0 * (i + 1) - n - 1) * x[i];
        }
        if (sum == 0) {
            return MetricValue.undefined(UndefinedReason.ZERO_MEAN);
        }
        return MetricValue.of(weighted / (n * sum));
    }

    /**
     * Between-group generalized entropy: every row gets its group's mean benefit.
     *
     * @param groups the counts of each group (a partition of the rows; empty groups contribute nothing)
     * @param alpha  the index's parameter
     * @return GE_between(α)
     */
    public static MetricValue betweenGroupGeneralizedEntropy(List<ConfusionCounts> groups, double alpha) {
        double[] n = new double[groups.size()];
        double[] mean = new double[groups.size()];
        for (int g = 0; g < n.length; g++) {
            ConfusionCounts c = groups.get(g);
            n[g] = c.rows();
            mean[g] = n[g] == 0 ? 0 : (c.rowsTp() + c.rowsTn() + 2.0 * c.rowsFp()) / n[g];
        }
        return generalizedEntropy(n, mean, alpha);
    }

    /**
     * Between-group Theil index, GE_between(1).
     *
     * @param groups the counts of each group
     * @return the index
     */
    public static MetricValue betweenGroupTheil(List<ConfusionCounts> groups) {
        return betweenGroupGeneralizedEntropy(groups, 1.0);
    }

    /**
     * Between-group coefficient of variation, √(2 GE_between(2)).
     *
     * @param groups the counts of each group
     * @return the index
     */
    public static MetricValue betweenGroupCoefficientOfVariation(List<ConfusionCounts> groups) {
        MetricValue ge = betweenGroupGeneralizedEntropy(groups, 2.0);
        return ge.isDefined() ? MetricValue.of(Math.sqrt(2.0 * ge.value())) : ge;
    }

    /**
     * GE(α) of a distribution given as value {@code v[k]} with multiplicity {@code m[k]}.
     */
    private static MetricValue generalizedEntropy(double[] m, double[] v, double alpha) {
        if (Double.isNaN(alpha) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        double n = 0;
        double sum = 0;
        for (int k = 0; k < m.length; k++) {
            n += m[k];
            sum += m[k] * v[k];
        }
        if (n == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        if (sum == 0) {
            return MetricValue.undefined(UndefinedReason.ZERO_MEAN);
        }
        double mu = sum / n;
        double acc = 0;
        for (int k = 0; k < m.length; k++) {
            if (m[k] == 0) {
                continue;
            }
            double r = v[k] / mu;
            if (alpha == 1.0) {
                acc += r == 0 ? 0 : m[k] * r * Math.log(r);
            } else if (alpha == 0.0) {
                if (r == 0) {
                    return MetricValue.undefined(UndefinedReason.ZERO_BENEFIT);
                }
                acc -= m[k] * Math.log(r);
            } else {
                if (r == 0 && alpha < 0) {
                    return MetricValue.undefined(UndefinedReason.ZERO_BENEFIT);
                }
                acc += m[k] * (Math.pow(r, alpha) - 1.0);
            }
        }
        if (alpha == 1.0 || alpha == 0.0) {
            return MetricValue.of(acc / n);
        }
        return MetricValue.of(acc / (n * alpha * (alpha - 1.0)));
    }
}
