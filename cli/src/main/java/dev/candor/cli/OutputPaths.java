package dev.candor.cli;

import dev.candor.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one check every command that writes files makes before any work: no output may be an input
 * of the same command, and no two outputs may be the same file. Paths are compared after resolving
 * symbolic links, {@code ..} and {@code .}, and, when both files exist, with
 * {@link Files#isSameFile} (which also catches hard links and the other spelling of a name on a
 * case-insensitive file system). A clash is bad input (exit code 2) naming both options, and
 * nothing is read or written.
 *
 * <p>The rule for an output that is a symbolic link: it is written through, that is the file the
 * link points to is replaced and the link stays (as a shell's {@code >} does); so a link to an input
 * is refused like the input itself. {@code -} as an output means standard output and is never a
 * file clash.
 *
 * <pre>{@code
 * OutputPaths.of().input("--data", data).input("--policy", policy)
 *         .output("--json", json).output("--html", html).check();
 * }</pre>
 *
 * @since 0.1.0
 */
final class OutputPaths {

    /** The name that means standard output. */
    static final String STDOUT = "-";

    private final Map<String, Path> inputs = new LinkedHashMap<>();
    private final Map<String, Path> outputs = new LinkedHashMap<>();

    private OutputPaths() {
    }

    /** @return an empty set of paths to check */
    static OutputPaths of() {
        return new OutputPaths();
    }

    /**
     * @param option the option that names it, e.g. {@code --data}
     * @param file   an input file, or null when the option was not given
     * @return this
     */
    OutputPaths input(String option, Path file) {
        if (file != null) {
            inputs.put(option, file);
        }
        return this;
    }

    /**
     * @param option the option that names it, e.g. {@code --json}
     * @param file   an output file, or null when the option was not given ({@code -}, standard output, is skipped)
     * @return this
     */
    OutputPaths output(String option, Path file) {
        if (file != null && !isStdout(file)) {
            outputs.put(option, file);
        }
        return this;
    }

    /**
     * An output that must be a file: {@code -} (standard output) is refused for it.
     *
     * @param option the option that names it, e.g. {@code --html}
     * @param file   an output file, or null when the option was not given
     * @return this
     * @throws BadInputException if the file is {@code -}
     */
    OutputPaths fileOutput(String option, Path file) {
        if (isStdout(file)) {
            throw new BadInputException(option + " -: this output cannot go to standard output (only --json can); "
                    + "give a file name");
        }
        return output(option, file);
    }

    /** @return whether the path is {@code -}, standard output */
    static boolean isStdout(Path file) {
        return file != null && file.toString().equals(STDOUT);
    }

    /**
     * @throws BadInputException if an output is an input or another output, naming both options and paths
     */
    void check() {
        List<Map.Entry<String, Path>> outs = new ArrayList<>(outputs.entrySet());
        for (int i = 0; i < outs.size(); i++) {
            Map.Entry<String, Path> o = outs.get(i);
            for (Map.Entry<String, Path> in : inputs.entrySet()) {
                if (same(o.getValue(), in.getValue())) {
                    throw new BadInputException(o.getKey() + " " + o.getValue() + " is the input file " + in.getKey()
                            + " " + in.getValue() + "; writing it would destroy the input: choose another output path");
                }
            }
            for (int j = 0; j < i; j++) {
                Map.Entry<String, Path> p = outs.get(j);
                if (same(o.getValue(), p.getValue())) {
                    throw new BadInputException(o.getKey() + " " + o.getValue() + " and " + p.getKey() + " "
                            + p.getValue() + " name the same file; one output would overwrite the other: give each "
                            + "its own path");
                }
            }
        }
    }

    static boolean same(Path a, Path b) {
        if (resolved(a).equals(resolved(b))) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The real path of a file: symbolic links, {@code .} and {@code ..} resolved. A file that does not
     * exist yet is its nearest existing ancestor's real path plus the rest of the name.
     */
    static Path resolved(Path file) {
        try {
            if (Files.exists(file)) {
                return file.toRealPath();
            }
        } catch (IOException e) {
            // resolve what can be resolved below
        }
        Path abs = file.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            if (existing.getFileName() != null) {
                rest.add(0, existing.getFileName());
            }
            existing = existing.getParent();
        }
        Path out;
        try {
            out = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            return abs;
        }
        for (Path p : rest) {
            out = out.resolve(p);
        }
        return out.normalize();
    }
}
