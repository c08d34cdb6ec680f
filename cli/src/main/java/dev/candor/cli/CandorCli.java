package dev.candor.cli;


import dev.candor.core.CandorVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code candor} command line: fairness audits, reports, mitigation and dataset information.
 *
 * <p>Exit codes: 0 success, 1 an unexpected internal error, 2 bad input (usage, unreadable or
 * malformed files; the message names the file, row and column), 3 a fairness policy was violated.
 *
 * @since 0.1.0
 */
@Command(name = "candor",
        mixinStandardHelpOptions = true,
        versionProvider = CandorCli.Version.class,
        description = "Fairness audits and model explanations for the JVM.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DatasetsCommand.class,
            AuditCommand.class,
            ReweighCommand.class,
            ReportCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unexpected internal error",
            "2:bad input (usage, unreadable or malformed data)",
            "3:a fairness policy was violated"})
public final class CandorCli implements Runnable {

    /** Exit code for bad input: usage errors, unreadable or malformed files. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a fairness policy is violated. */
    public static final int EXIT_POLICY_VIOLATION = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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
        cl.setExecutionExceptionHandler(CandorCli::handleExecutionException);
        return cl;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof IllegalArgumentException || ex instanceof IOException
                || ex instanceof UncheckedIOException || ex instanceof IllegalStateException) {
            String msg = ex.getMessage();
            if (ex instanceof UncheckedIOException u && u.getCause() != null) {
                msg = u.getCause().getMessage() == null ? msg : u.getCause().getMessage();
            }
            err.println(cl.getColorScheme().errorText(cl.getCommandSpec().qualifiedName() + ": " + msg));
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("candor: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return 1;
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
