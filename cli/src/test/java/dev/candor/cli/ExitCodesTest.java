package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.BadInputException;
import dev.candor.explain.Background;
import dev.candor.explain.shap.KernelShap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one exit-code mapping: bad input 2 with the message only, an internal error 1 with one line and
 * the stack trace only under {@code --verbose}, a model that fails inside an explainer is internal.
 * The failing commands are added to the real command line here, in the test.
 */
class ExitCodesTest {

    @Command(name = "explain-broken-model")
    static final class BrokenModelCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            double[][] rows = {{0, 1}, {1, 0}, {1, 1}};
            KernelShap shap = KernelShap.builder(r -> {
                throw new IllegalArgumentException("model rejects a row of width " + r[0].length);
            }, Background.of(rows)).build();
            shap.explain(rows[0]);
            return 0;
        }
    }

    @Command(name = "bad-input")
    static final class BadInputCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new BadInputException("loans.csv, line 7, column 'age': 'x' is not a number");
        }
    }

    private static CliRun run(String... args) {
        CommandLine cl = CandorCli.commandLine();
        cl.addSubcommand(new BrokenModelCommand());
        cl.addSubcommand(new BadInputCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void aModelThatThrowsInsideAnExplainerIsAnInternalErrorOnOneLineWithoutStackTrace() {
        CliRun r = run("explain-broken-model");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_INTERNAL_ERROR);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("candor explain-broken-model: internal error: ")
                .contains("model rejects a row of width 2").contains("--verbose")
                .doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTraceToAnInternalError() {
        for (String[] args : new String[][] {{"--verbose", "explain-broken-model"}, {"explain-broken-model", "--verbose"}}) {
            CliRun r = run(args);
            assertThat(r.exit()).isEqualTo(CandorCli.EXIT_INTERNAL_ERROR);
            assertThat(r.err()).contains("model rejects a row of width 2").contains("\tat ")
                    .contains(BrokenModelCommand.class.getName());
        }
    }

    @Test
    void badInputIsExitCodeTwoWithTheMessageOnlyEvenUnderVerbose() {
        CliRun r = run("--verbose", "bad-input");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("candor bad-input: loans.csv, line 7, column 'age': 'x' is not a number");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
        CliRun r = run("audit", "--dta", "x.csv", "--data", "x.csv", "--label", "y", "--prediction", "p");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Unknown options: '--dta'");
    }
}
