package dev.candor.monitor.alert;

import java.time.Duration;

/**
 * The retry settings the network channels share, validated in one place: a positive timeout per
 * attempt, 1 to 10 attempts, and a pause of {@code backoff · 2^(k-1)} after the k-th failed attempt.
 */
final class RetrySettings {

    private RetrySettings() {
    }

    /** @return {@code t} if it is positive; otherwise an exception naming the option */
    static Duration timeout(Duration t) {
        if (t == null || t.isZero() || t.isNegative()) {
            throw new IllegalArgumentException("timeout: must be positive, got " + t);
        }
        return t;
    }

    /** @return {@code n} if it is in [1, 10]; otherwise an exception naming the option */
    static int maxAttempts(int n) {
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("maxAttempts: must be in [1, 10], got " + n);
        }
        return n;
    }

    /** @return {@code b} if it is zero or positive; otherwise an exception naming the option */
    static Duration backoff(Duration b) {
        if (b == null || b.isNegative()) {
            throw new IllegalArgumentException("backoff: must be zero or positive, got " + b);
        }
        return b;
    }

    /** @return the pause after failed attempt {@code attempt} (1-based): {@code backoff · 2^(attempt-1)} */
    static Duration pauseAfter(int attempt, Duration backoff) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 30));
    }
}
