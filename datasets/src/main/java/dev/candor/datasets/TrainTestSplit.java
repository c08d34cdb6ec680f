package dev.candor.datasets;

import java.util.Objects;

/**
 * The two parts of {@link Dataset#split(double, long)}.
 *
 * @param train the training rows
 * @param test  the test rows
 * @since 0.1.0
 */
public record TrainTestSplit(Dataset train, Dataset test) {

    /** Checks that both parts are present. */
    public TrainTestSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
