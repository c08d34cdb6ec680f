package dev.candor.monitor.alert;

import java.util.Objects;

/**
 * The outcome of delivering alerts through one channel, as recorded in the monitoring JSON's
 * {@code deliveries}: a failed delivery is reported, never hidden, and never hides the breach.
 *
 * @param channel  the channel's name ({@code webhook}, {@code email}, {@code prometheus})
 * @param target   where it went (URL without credentials, mail recipients, file path)
 * @param ok       whether the channel accepted the alerts
 * @param attempts how many attempts were made (at least 1)
 * @param error    the last error when {@code ok} is false, otherwise {@code null}
 * @since 0.2.0
 */
public record Delivery(String channel, String target, boolean ok, int attempts, String error) {

    /** Validates the fields. */
    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (!ok && error == null) {
            throw new IllegalArgumentException("a failed delivery needs its error");
        }
    }
}
