package dev.candor.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What produced a result: the algorithm, its parameters and seed, the input it ran on, and the
 * software and platform it ran with. Every Candor result carries one, and reports print it in their
 * methods section so that a reader can reproduce the numbers.
 *
 * <p>The platform is recorded because {@code Math} and {@code StrictMath} may differ in the last
 * bit between architectures; Candor's samplers are deterministic per seed on one platform.
 *
 * @param algorithm     what computed the result, for example {@code "KernelShap"}
 * @param parameters    the settings that influence the result, in a stable order (never null)
 * @param seed          the random seed used, or {@code null} for a deterministic computation
 * @param input         the fingerprint of the input, or {@code null} if not recorded
 * @param candorVersion Candor's version
 * @param javaVersion   the {@code java.version} system property
 * @param osName        the {@code os.name} system property
 * @param osArch        the {@code os.arch} system property
 * @param createdAt     when the result was made
 * @since 0.1.0
 */
public record Provenance(String algorithm, Map<String, String> parameters, Long seed, Fingerprint input,
                         String candorVersion, String javaVersion, String osName, String osArch,
                         Instant createdAt) {

    public Provenance {
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(parameters,
                "parameters")));
        Objects.requireNonNull(candorVersion, "candorVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osArch, "osArch");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A provenance record for a computation run now, on this JVM.
     *
     * @param algorithm  what computed the result
     * @param parameters its settings (copied; values are rendered with {@code String.valueOf})
     * @param seed       the seed, or null if the computation is deterministic
     * @param input      the input's fingerprint, or null
     * @return the record
     */
    public static Provenance of(String algorithm, Map<String, ?> parameters, Long seed, Fingerprint input) {
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k, String.valueOf(v)));
        return new Provenance(algorithm, p, seed, input, CandorVersion.get(),
                System.getProperty("java.version", "unknown"), System.getProperty("os.name", "unknown"),
                System.getProperty("os.arch", "unknown"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** @return a one-line human-readable summary */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(algorithm).append(' ').append(parameters);
        if (seed != null) {
            sb.append(" seed=").append(seed);
        }
        if (input != null) {
            sb.append(" input=[").append(input).append(']');
        }
        sb.append(" candor ").append(candorVersion).append(", java ").append(javaVersion).append(", ")
                .append(osName).append('/').append(osArch).append(", at ").append(createdAt);
        return sb.toString();
    }
}
