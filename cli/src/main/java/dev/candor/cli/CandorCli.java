package dev.candor.cli;


import dev.candor.core.BadInputException;
import dev.candor.core.CandorVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code candor} command line: fairness audits, reports, mitigation and dataset information.
 *
 * <p>Exit codes: 0 success, 1 an unexpected internal error, 2 bad input (usage, unreadable or
 * malformed files; the message names the file, row and column), 3 a fairness policy was violated.
 * One handler, {@link ExitCodes}, maps what a command throws to these codes.
 *
 * @since 0.1.0
 */
@Command(name = "candor",
        mixinStandardHelpOptions = true,
        versionProvider = CandorCli.Version.class,
        description = "Fairness audits, model explanations and drift monitoring for the JVM.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DatasetsCommand.class,
            AuditCommand.class,
            ReweighCommand.class,
            MitigateCommand.class,
            ReportCommand.class,
            DriftCommand.class,
            ProfileCommand.class,
            MonitorCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected internal error",
            "2:bad input (usage, unreadable or malformed data)",
            "3:a fairness policy was violated (drift: the dataset drifted, with --fail-on-drift)"})
public final class CandorCli implements Runnable {

    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /** Exit code for an unexpected internal error (a bug, or a failure inside a model or library). */
    public static final int EXIT_INTERNAL_ERROR = 1;
    /** Exit code for bad input: usage errors, unreadable or malformed files. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a fairness policy is violated. */
    public static final int EXIT_POLICY_VIOLATION = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace too.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point of the command-line jar. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting the JVM (for tests and embedding).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * @return the configured picocli command line, with Candor's exit-code and error handling
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CandorCli());
        cl.setExecutionExceptionHandler(new ExitCodes());
        return cl;
    }

    /**
     * The one mapping from what went wrong to the exit code and what the user sees. Usage errors
     * (picocli's {@link CommandLine.ParameterException}, also when a command throws one) are handled
     * by picocli: the message and the usage, exit code 2. A command that returns
     * {@link #EXIT_POLICY_VIOLATION} has found a policy violated. Of the exceptions a command throws:
     * <ul>
     *   <li>{@link BadInputException} (malformed data, a value that does not fit the data; the
     *       message names file, line and column where known) and {@link IOException} (a file that
     *       cannot be read or written): exit code 2, the message only;</li>
     *   <li>anything else (including an {@link IllegalArgumentException} thrown by a model inside an
     *       explainer): an internal error, exit code 1, one line naming the exception, and the stack
     *       trace only with {@code --verbose}.</li>
     * </ul>
     */
    static final class ExitCodes implements CommandLine.IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            PrintWriter err = cl.getErr();
            String who = cl.getCommandSpec().qualifiedName();
            int code = exitCode(ex);
            if (code == EXIT_BAD_INPUT) {
                err.println(cl.getColorScheme().errorText(who + ": " + message(ex)));
            } else {
                err.println(cl.getColorScheme().errorText(who + ": internal error: " + oneLine(ex)
                        + (verbose(parsed) ? "" : " (run with --verbose for the stack trace)")));
                if (verbose(parsed)) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return code;
        }

        /**
         * @param ex what a command threw
         * @return {@link #EXIT_BAD_INPUT} for bad input or an unreadable or unwritable file, else
         *         {@link #EXIT_INTERNAL_ERROR}
         */
        static int exitCode(Throwable ex) {
            if (ex instanceof BadInputException || ex instanceof IOException
                    || (ex instanceof UncheckedIOException u && u.getCause() != null)) {
                return EXIT_BAD_INPUT;
            }
            return EXIT_INTERNAL_ERROR;
        }

        private static String message(Exception ex) {
            Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
            String m = t.getMessage();
            if (t instanceof java.nio.file.NoSuchFileException nf) {
                return nf.getFile() + ": no such file";
            }
            if (t instanceof java.nio.file.AccessDeniedException ad) {
                return ad.getFile() + ": permission denied";
            }
            return m == null ? t.getClass().getSimpleName() : m;
        }

        private static String oneLine(Throwable ex) {
            String m = ex.getMessage();
            String first = m == null ? "" : m.lines().findFirst().orElse("");
            return ex.getClass().getName() + (first.isEmpty() ? "" : ": " + first);
        }

        private static boolean verbose(CommandLine.ParseResult parsed) {
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--verbose")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Prints Candor's, Java's and the platform's versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "candor " + CandorVersion.get(),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
