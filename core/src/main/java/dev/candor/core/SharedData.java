package dev.candor.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the directory of reference datasets ({@code datasets/}) and golden files ({@code golden/})
 * that sits beside a Candor checkout as {@code ../shared}.
 *
 * <p>Looked up in this order: the {@code CANDOR_DATA} environment variable (a datasets directory:
 * its parent is taken as the shared directory when it is named {@code datasets}), the
 * {@code candor.shared} system property (set by the build for tests), and finally a directory named
 * {@code shared} beside the working directory or one of its ancestors.
 *
 * @since 0.1.0
 */
public final class SharedData {

    private SharedData() {
    }

    /** @return the directory holding the reference datasets, if one can be found */
    public static Optional<Path> datasetsDir() {
        String env = System.getenv("CANDOR_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Paths.get(env);
            if (Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return sharedDir().map(s -> s.resolve("datasets")).filter(Files::isDirectory);
    }

    /** @return the shared directory (with {@code golden/} and {@code datasets/}), if one can be found */
    public static Optional<Path> sharedDir() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CANDOR_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Paths.get(env).toAbsolutePath().normalize();
            if (p.getFileName() != null && p.getFileName().toString().equals("datasets")) {
                candidates.add(p.getParent());
            }
        }
        String prop = System.getProperty("candor.shared");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Paths.get(prop));
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            candidates.add(d.resolve("shared"));
            if (d.getParent() != null) {
                candidates.add(d.getParent().resolve("shared"));
            }
        }
        for (Path c : candidates) {
            if (c != null && (Files.isDirectory(c.resolve("golden")) || Files.isDirectory(c.resolve("datasets")))) {
                return Optional.of(c.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * A file under the golden directory, for tests.
     *
     * @param relative for example {@code fairness/german_audit.json}
     * @return its path
     * @throws IllegalStateException if the shared directory cannot be found or the file is missing
     */
    public static Path golden(String relative) {
        Path shared = sharedDir().orElseThrow(() -> new IllegalStateException(
                "cannot find the shared reference directory: set CANDOR_DATA or -Dcandor.shared, "
                        + "or keep 'shared' beside the checkout"));
        Path p = shared.resolve("golden").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("golden file not found: " + p);
        }
        return p;
    }
}
