package dev.candor.notebook.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel, as a kernelspec's {@code argv} does:
 * <pre>java -jar candor-notebook-kernel.jar [--timeout=SECONDS] CONNECTION_FILE</pre>
 * The timeout of one cell is {@code --timeout}, else the {@code CANDOR_KERNEL_TIMEOUT} environment
 * variable, else 600 seconds; 0 means no limit. Relative {@code %jars} paths are relative to the
 * working directory, which Jupyter sets to the notebook's folder.
 */
public final class KernelMain {
    /** The timeout of a cell when none is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    /** The environment variable with the timeout of a cell, in seconds. */
    public static final String TIMEOUT_ENV = "CANDOR_KERNEL_TIMEOUT";

    private KernelMain() {
    }

    /** Runs the kernel until Jupyter shuts it down. */
    public static void main(String[] args) throws Exception {
        String connectionFile = null;
        String timeout = System.getenv(TIMEOUT_ENV);
        for (String a : args) {
            if (a.startsWith("--timeout=")) {
                timeout = a.substring("--timeout=".length());
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else if (connectionFile == null) {
                connectionFile = a;
            } else {
                usage("more than one connection file");
            }
        }
        if (connectionFile == null) {
            usage("no connection file");
        }
        Path file = Path.of(connectionFile);
        if (!Files.isRegularFile(file)) {
            usage("connection file " + file + " does not exist");
        }
        Logger.getLogger("io.github.spencerpark").setLevel(Level.WARNING);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(read(file));
        JupyterConnection connection = new JupyterConnection(properties);
        CellEvaluator evaluator = new CellEvaluator(Path.of("").toAbsolutePath(), parseTimeout(timeout));
        CandorKernel kernel = new CandorKernel(evaluator);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * The cell timeout for a number of seconds ({@code null} or blank for the default, 0 or less for
     * no limit).
     *
     * @throws IllegalArgumentException if {@code seconds} is not a number
     */
    static Duration parseTimeout(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the cell timeout must be a number of seconds, got '" + seconds
                    + "' (from --timeout or " + TIMEOUT_ENV + ")", e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static void usage(String problem) {
        System.err.println("candor-notebook-kernel: " + problem);
        System.err.println("usage: java -jar candor-notebook-kernel.jar [--timeout=SECONDS] CONNECTION_FILE");
        System.exit(2);
    }
}
