package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void listNamesTheBuiltInDatasets() {
        CliRun r = CliRun.of("datasets", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().map(l -> l.split(" +")[0]).toList())
                .containsExactly("synthetic-credit", "german", "adult", "compas", "bank");
    }

    @Test
    void describeGermanPrintsGroupCountsAndBaseRatesOfTheGoldenFile() throws IOException {
        // Reference: count rows and credit = 1 per sex in golden/fairness/german_predictions.csv.
        List<String> lines = Files.readAllLines(SharedData.golden("fairness/german_predictions.csv"));
        int male = 0;
        int maleGood = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (f[1].equals("male")) {
                male++;
                maleGood += Integer.parseInt(f[4]);
            }
        }
        CliRun r = CliRun.of("datasets", "describe", "german");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows      1000")
                .contains("label     credit, favorable value \"1\": 700 favorable, 300 unfavorable, base rate 0.7000")
                .contains("20 features (7 numeric, 13 categorical)")
                .contains("checking_status          categorical  4 levels: A11, A12, A13, A14")
                .contains("sex (privileged: male)")
                .contains("age_group (privileged: gt25)");
        String maleLine = r.out().lines().filter(l -> l.trim().startsWith("male *")).findFirst().orElseThrow();
        assertThat(maleLine.trim().split(" +")).containsExactly("male", "*", String.valueOf(male),
                String.valueOf(maleGood), String.format(Locale.ROOT, "%.4f", (double) maleGood / male));
    }

    @Test
    void describeAdultReportsTheDroppedRows() {
        CliRun r = CliRun.of("datasets", "describe", "adult");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows      45222").contains("3620  a '?' (missing value) in any column")
                .contains("native-country           categorical  41 levels");
    }

    @Test
    void describeCsvReportsInferredKinds() throws IOException {
        Path csv = dir.resolve("loans.csv");
        Files.writeString(csv, "income,housing,sex,approved\n10,own,f,yes\n20,rent,m,no\n30,own,m,yes\n");
        CliRun r = CliRun.of("datasets", "describe", csv.toString(), "--label", "approved", "--favorable", "yes",
                "--protected", "sex", "--privileged", "sex=m");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows      3")
                .contains("income                   numeric      all values are numbers")
                .contains("housing                  categorical  value 'own' at line 2 is not a number")
                .containsPattern("m \\*\\s+2\\s+1\\s+0.5000")
                .containsPattern("f\\s+1\\s+1\\s+1.0000");
    }

    @Test
    void badInputExitsWithTwoAndNamesFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "age,y\n30,1\nold,0\n");
        CliRun r = CliRun.of("datasets", "describe", csv.toString(), "--label", "y", "--numeric", "age");
        assertThat(r.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(csv + ", line 3, column 'age': 'old' is not a number");
        CliRun unknown = CliRun.of("datasets", "describe", "iris");
        assertThat(unknown.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(unknown.err()).contains("'iris' is neither a built-in dataset");
        CliRun noLabel = CliRun.of("datasets", "describe", csv.toString());
        assertThat(noLabel.exit()).isEqualTo(CandorCli.EXIT_BAD_INPUT);
        assertThat(noLabel.err()).contains("needs --label");
    }

    @Test
    void describeWeightedCsvPrintsWeightedBaseRates() throws IOException {
        // Two groups; weighted rate of m = (1*2 + 0*1) / (2 + 1) = 0.6667, of f = 1*4 / 4 = 1.
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "sex,y,w,x\nm,1,2,1\nm,0,1,2\nf,1,4,3\n");
        CliRun r = CliRun.of("datasets", "describe", csv.toString(), "--label", "y", "--protected", "sex",
                "--privileged", "sex=m", "--weights", "w");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("weights   yes")
                .containsPattern("m \\*\\s+2\\s+1\\s+0.5000\\s+3.0000\\s+0.6667")
                .containsPattern("f\\s+1\\s+1\\s+1.0000\\s+4.0000\\s+1.0000");
    }
}
