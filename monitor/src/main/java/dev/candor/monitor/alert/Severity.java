package dev.candor.monitor.alert;

/**
 * How serious a breached monitoring rule is. A policy rule names its severity; channels pass it on
 * (Alertmanager's {@code severity} label, the Slack message, the e-mail subject).
 *
 * @since 0.2.0
 */
public enum Severity {
    /** Worth a look; never pages anyone on its own. */
    INFO,
    /** A threshold is crossed; the default for a rule that names no severity. */
    WARNING,
    /** The model should not keep running unattended. */
    CRITICAL;

    /** @return the lower-case name used in policy files and payloads */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param key a severity as written in a policy file, in any case
     * @return the severity
     * @throws IllegalArgumentException naming the accepted values when {@code key} is none of them
     */
    public static Severity parse(String key) {
        for (Severity s : values()) {
            if (s.key().equalsIgnoreCase(key.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + key + "': expected info, warning or critical");
    }
}
