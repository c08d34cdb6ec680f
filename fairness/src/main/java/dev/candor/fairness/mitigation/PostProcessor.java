package dev.candor.fairness.mitigation;

import java.util.SplittableRandom;

/**
 * A post-processing mitigation: it turns a model's scores into (possibly randomized) decisions, group
 * by group, without retraining the model.
 *
 * <p>{@link #favorableProbability} is deterministic: the probability that each row gets the favorable
 * decision. {@link #decide} draws the decisions: row {@code i} is favorable when a uniform number from a
 * stream that depends only on {@code (seed, i)} is below that probability, so the same seed gives the
 * same decisions whatever the order or batching of the rows. (The reference libraries draw from one
 * global NumPy stream; Candor does not reproduce those draws.)
 *
 * @since 0.1.0
 */
public interface PostProcessor extends Mitigation {

    /**
     * The probability of a favorable decision for each row.
     *
     * @param scores the model's score of each row, P(favorable) in [0, 1]
     * @param groups each row's value of the protected attribute; every value must have been seen when
     *               fitting
     * @return one probability in [0, 1] per row
     * @throws dev.candor.core.BadInputException if the lengths differ, a score is outside [0, 1] or NaN,
     *                                           or a group was not seen when fitting (the message names
     *                                           it)
     */
    double[] favorableProbability(double[] scores, String[] groups);

    /**
     * Seeded decisions: 1 for favorable, 0 otherwise.
     *
     * @param scores the model's scores
     * @param groups each row's group
     * @param seed   the seed; row {@code i} uses a stream that depends only on (seed, i)
     * @return one decision per row
     * @throws dev.candor.core.BadInputException as {@link #favorableProbability}
     */
    default int[] decide(double[] scores, String[] groups, long seed) {
        return decisions(favorableProbability(scores, groups), seed);
    }

    /**
     * Draws decisions from probabilities: row {@code i} is favorable iff
     * {@code rowStream(seed, i).nextDouble() < p[i]}, so a probability of 0 never and 1 always gives a
     * favorable decision.
     *
     * @param probabilities one probability per row
     * @param seed          the seed
     * @return one decision (0 or 1) per row
     */
    static int[] decisions(double[] probabilities, long seed) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rowStream(seed, i).nextDouble() < probabilities[i] ? 1 : 0;
        }
        return out;
    }

    /**
     * The random stream of one row: SplitMix64's finalizer of {@code seed + (i + 1) * golden gamma}
     * seeds a {@link SplittableRandom}, so streams of different rows are independent and reproducible.
     *
     * @param seed the seed
     * @param row  the row index
     * @return the row's stream
     */
    static SplittableRandom rowStream(long seed, long row) {
        long z = seed + (row + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
