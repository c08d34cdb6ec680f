package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared options: {@code --privileged COL=VALUE} parsing, {@code --model} choices,
 * {@code --dataset | --data}, {@code --separator}, and a misspelt column, each refused with exit code 2
 * and a message naming the bad value, and nothing written.
 */
class OptionsTest {

    @TempDir
    Path tmp;

    private static String german() {
        return SharedData.golden("fairness/german_predictions.csv").toString();
    }

    @Test
    void privilegedWithoutEqualsIsAUsageErrorNamingTheValueInEveryCommand() {
        String out = tmp.resolve("o.csv").toString();
        CliRun[] runs = {
            CliRun.of("audit", "--data", german(), "--label", "credit", "--prediction", "pred", "--protected", "sex",
                    "--privileged", "sex"),
            CliRun.of("reweigh", "--data", german(), "--label", "credit", "--protected", "sex", "--privileged", "sex",
                    "--out", out),
            CliRun.of("report", "--data", german(), "--label", "credit", "--protected", "sex", "--privileged", "sex",
                    "--out", tmp.resolve("r.html").toString()),
            CliRun.of("datasets", "describe", german(), "--label", "credit", "--protected", "sex", "--privileged", "sex")};
        for (CliRun r : runs) {
            assertThat(r.exit()).as(r.err()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("Invalid value for option '--privileged'")
                    .contains("expected COLUMN=VALUE (for example sex=male), got 'sex': no '='");
        }
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void privilegedWithAnEmptyValueOrAnUnprotectedColumnIsRefused() {
        CliRun empty = CliRun.of("audit", "--data", german(), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--privileged", "sex=");
        assertThat(empty.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(empty.err()).contains("got 'sex=': the value is empty");
        CliRun other = CliRun.of("audit", "--data", german(), "--label", "credit", "--prediction", "pred",
                "--protected", "sex", "--privileged", "race=White");
        assertThat(other.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("--privileged race=White: column 'race' is not a --protected column [sex]");
    }

    @Test
    void anUnknownModelIsAUsageErrorListingTheChoices() {
        CliRun r = CliRun.of("report", "--model", "svm", "--out", tmp.resolve("r.html").toString());
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Invalid value for option '--model'")
                .contains("unknown model 'svm'; use one of logistic, linear, random-forest, gradient-boosting");
        CliRun help = CliRun.of("report", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("The model: logistic, linear, random-forest, gradient-boosting");
    }

    @Test
    void datasetAndDataTogetherAreMutuallyExclusive() {
        CliRun r = CliRun.of("report", "--dataset", "german", "--data", german(), "--out",
                tmp.resolve("r.html").toString());
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--dataset=NAME").contains("--data=FILE").contains("mutually exclusive");
        assertThat(tmp.resolve("r.html")).doesNotExist();
    }

    @Test
    void aSeparatorOfSeveralCharactersIsRefusedAndTabIsAccepted() throws IOException {
        CliRun r = CliRun.of("audit", "--data", german(), "--separator", ";;", "--label", "credit", "--prediction",
                "pred", "--protected", "sex");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Invalid value for option '--separator'").contains("got ';;'");
        Path tsv = tmp.resolve("p.tsv");
        Files.writeString(tsv, "y\tp\tg\n1\t1\ta\n0\t1\tb\n1\t0\tb\n0\t0\ta\n");
        CliRun ok = CliRun.of("audit", "--data", tsv.toString(), "--separator", "\\t", "--label", "y", "--prediction",
                "p", "--protected", "g");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"rows\" : 4");
    }

    @Test
    void aMisspeltColumnNamesTheFileTheHeaderLineAndTheClosestColumn() {
        CliRun r = CliRun.of("audit", "--data", german(), "--label", "credit", "--prediction", "pred",
                "--protected", "sexx");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(german() + ", line 1, column 'sexx': column is not in the header")
                .contains("did you mean 'sex'?");
        CliRun rw = CliRun.of("reweigh", "--data", german(), "--label", "credit", "--protected", "sexx",
                "--out", tmp.resolve("o.csv").toString());
        assertThat(rw.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(rw.err()).contains(german() + ", line 1, column 'sexx'").contains("did you mean 'sex'?");
    }

    @Test
    void aMissingProtectedOptionIsAUsageError() {
        CliRun r = CliRun.of("audit", "--data", german(), "--label", "credit", "--prediction", "pred");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("Missing required option: '--protected=COLUMN'");
    }
}
