package dev.candor.notebook.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

/**
 * The line magics of the kernel, written as in IJava at the start of a line:
 * <ul>
 *   <li>{@code %jars PATH...} adds jar files (or class directories) to the class path of the cells;
 *       a relative path is relative to the kernel's working directory (the notebook's folder) and
 *       may be a glob such as {@code lib/*.jar};</li>
 *   <li>{@code %classpath PATH...} is the same.</li>
 * </ul>
 * Magic lines run before the Java code of their cell and are blanked out of it, so line numbers of
 * the code stay those of the cell. Any other magic, including IJava's {@code %maven}, is an error.
 */
final class LineMagics {
    private final Path workingDir;
    private final Consumer<String> classpath;
    private final MagicParser parser = new MagicParser();

    /**
     * @param workingDir what relative paths are relative to
     * @param classpath receives each absolute path to add to the class path
     */
    LineMagics(Path workingDir, Consumer<String> classpath) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.classpath = classpath;
    }

    /**
     * Carries out the line magics of {@code cell} in order and returns the cell with each magic line
     * replaced by an empty line.
     *
     * @throws MagicException for an unknown magic, a cell magic, or a path that matches no file
     */
    String apply(String cell) throws MagicException {
        if (cell.startsWith("%%")) {
            String name = cell.substring(2).split("\\s", 2)[0];
            throw new MagicException("Unknown cell magic %%" + name + ": this kernel supports only the line magics "
                    + "%jars and %classpath");
        }
        try {
            return parser.transformLineMagics(cell, ctx -> {
                run(ctx.getMagicCall());
                return "";
            });
        } catch (Failure f) {
            throw f.magic;
        }
    }

    private void run(LineMagicArgs call) {
        switch (call.getName()) {
            case "jars", "classpath" -> addToClasspath("%" + call.getName(), call.getArgs());
            default -> throw new Failure(new MagicException("Unknown line magic %" + call.getName()
                    + ": this kernel supports %jars and %classpath (add a Maven artifact's jar with %jars)"));
        }
    }

    private void addToClasspath(String magic, List<String> args) {
        if (args.isEmpty()) {
            throw new Failure(new MagicException(magic + " needs at least one path, for example: "
                    + magic + " ../cli/target/candor.jar"));
        }
        List<String> paths = new ArrayList<>();
        for (String arg : args) {
            paths.addAll(resolve(magic, arg));
        }
        paths.forEach(classpath);
    }

    private List<String> resolve(String magic, String arg) {
        Path path = workingDir.resolve(arg).normalize();
        List<String> found = new ArrayList<>();
        if (arg.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
            try {
                for (Path p : new GlobFinder(path.toString()).computeMatchingPaths()) {
                    found.add(p.toAbsolutePath().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (found.isEmpty()) {
                throw new Failure(new MagicException(magic + " " + arg + ": no file matches " + path));
            }
        } else if (Files.exists(path)) {
            found.add(path.toString());
        } else {
            throw new Failure(new MagicException(magic + " " + arg + ": no such file " + path
                    + " (relative paths are relative to " + workingDir + ")"));
        }
        return found;
    }

    /** Carries a {@link MagicException} out of the parser's callback. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MagicException magic;

        Failure(MagicException magic) {
            super(magic.getMessage(), null, false, false);
            this.magic = magic;
        }
    }
}
