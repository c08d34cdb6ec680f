package dev.candor.fairness;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Wilson score interval of a proportion.
 *
 * <p>With {@code p̂ = x/n} and {@code z = Φ⁻¹(1 − (1 − level)/2)}:
 * {@code (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)}.
 * With instance weights, {@code p̂} is the weighted proportion and {@code n} is Kish's effective
 * sample size {@code (Σw)²/Σw²} of the denominator's rows (see {@link Rate#effectiveTrials}).
 *
 * <p>Edge cases: {@code n = 0} gives an undefined interval (NaN bounds); {@code x = 0} or
 * {@code x = n} give intervals touching 0 or 1, never degenerate. No continuity correction.
 *
 * <p>Reference: Wilson, JASA 22(158) 1927, doi:10.1080/01621459.1927.10502953; Newcombe, Statistics in
 * Medicine 17(8) 1998, doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;857::AID-SIM777&gt;3.0.CO;2-E (method 3).
 *
 * @since 0.1.0
 */
public final class WilsonInterval {

    private WilsonInterval() {
    }

    /**
     * @param proportion the observed proportion in [0, 1]
     * @param trials     the (effective) number of trials, >= 0
     * @param level      the confidence level in (0, 1)
     * @return the interval
     */
    public static ConfidenceInterval of(double proportion, double trials, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(trials >= 0) || Double.isInfinite(trials)) {
            throw new IllegalArgumentException("trials must be finite and >= 0, got " + trials);
        }
        if (trials == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, level, "wilson");
        }
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("proportion must be in [0, 1], got " + proportion);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double center = (proportion + z2 / (2 * trials)) / denom;
        double half = z * Math.sqrt(proportion * (1 - proportion) / trials + z2 / (4 * trials * trials)) / denom;
        return new ConfidenceInterval(Math.max(0, center - half), Math.min(1, center + half), level, "wilson");
    }

    /**
     * The Wilson interval of a group rate, using Kish's effective sample size with weights.
     *
     * @param rate   a proportion rate (not balanced accuracy or F1)
     * @param counts the group's counts
     * @param level  the confidence level
     * @return the interval (undefined when the rate's denominator is empty)
     */
    public static ConfidenceInterval of(Rate rate, ConfusionCounts counts, double level) {
        if (!rate.isProportion()) {
            throw new IllegalArgumentException(rate.key() + " is not a proportion; use the bootstrap");
        }
        double den = rate.denominator(counts);
        if (den == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, level, "wilson");
        }
        double p = Math.min(1.0, Math.max(0.0, rate.numerator(counts) / den));
        return of(p, rate.effectiveTrials(counts), level);
    }
}
