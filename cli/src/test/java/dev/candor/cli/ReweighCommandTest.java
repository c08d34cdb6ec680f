package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReweighCommandTest {

    @TempDir
    Path tmp;

    @Test
    void germanCreditGetsAif360WeightsAndKeepsEveryFieldByteForByte() throws IOException {
        // The golden file's own `weight` column is AIF360's Reweighing on (sex, credit), privileged male.
        Path in = SharedData.golden("fairness/german_predictions.csv");
        Path outFile = tmp.resolve("weighted.csv");
        CliRun r = CliRun.of("reweigh", "--data", in.toString(), "--label", "credit", "--protected", "sex",
                "--privileged", "sex=male", "--weight-column", "rw", "--out", outFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> src = Files.readAllLines(in);
        List<String> got = Files.readAllLines(outFile);
        assertThat(got).hasSize(src.size());
        assertThat(got.get(0)).isEqualTo(src.get(0) + ",rw");
        for (int i = 1; i < src.size(); i++) {
            String line = got.get(i);
            assertThat(line).startsWith(src.get(i) + ",");
            String[] f = src.get(i).split(",");
            double golden = Double.parseDouble(f[f.length - 1]);
            double w = Double.parseDouble(line.substring(src.get(i).length() + 1));
            assertThat(w).as("line %d", i + 1).isCloseTo(golden, within(1e-12));
        }
        assertThat(r.out()).contains("privileged [male]").contains("unprivileged [female]")
                .contains("0.9679358717434869").contains("0.8532110091743119").contains("499");
    }

    @Test
    void quotedFieldsAndCrlfLineEndsAreCopiedExactly() throws IOException {
        String csv = "name,sex,y\r\n\"Smith, J\",f,1\r\n  spaced ,m,0\r\n\"a\"\"b\",f,0\r\nx,m,1\r\n";
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path outFile = tmp.resolve("out.csv");
        CliRun r = CliRun.of("reweigh", "--data", in.toString(), "--label", "y", "--protected", "sex", "--out",
                outFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // Every cell has one row: n = 4, n_f = n_m = 2, n_1 = n_0 = 2, every weight 2*2/(4*1) = 1.
        assertThat(Files.readString(outFile)).isEqualTo(
                "name,sex,y,weight\r\n\"Smith, J\",f,1,1.0\r\n  spaced ,m,0,1.0\r\n\"a\"\"b\",f,0,1.0\r\nx,m,1,1.0\r\n");
    }

    @Test
    void severalProtectedColumnsAreCombined() throws IOException {
        // Groups f&a (1,0), f&b (1,1,0), m&a (0,1), m&b (1,0): n = 9, n_1 = 5, n_0 = 4.
        // w(f&b,1) = 5*3/(9*2) = 0.8333..., w(f&b,0) = 4*3/(9*1) = 1.3333...
        String csv = "sex,grp,y\nf,a,1\nf,a,0\nf,b,1\nf,b,1\nf,b,0\nm,a,0\nm,a,1\nm,b,1\nm,b,0\n";
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, csv);
        Path outFile = tmp.resolve("out.csv");
        CliRun r = CliRun.of("reweigh", "--data", in.toString(), "--label", "y", "--protected", "sex,grp", "--out",
                outFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> got = Files.readAllLines(outFile);
        assertThat(Double.parseDouble(got.get(3).split(",")[3])).isCloseTo(5.0 * 3 / 18, within(1e-15));
        assertThat(Double.parseDouble(got.get(5).split(",")[3])).isCloseTo(12.0 / 9, within(1e-15));
        assertThat(r.out()).contains("f&b");
    }

    @Test
    void badInputExitsWithTwoAndNamesFileLineAndColumn() throws IOException {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "sex,y\nf,1\nm,0\nf,2\nm,1\n");
        CliRun third = CliRun.of("reweigh", "--data", in.toString(), "--label", "y", "--protected", "sex", "--out",
                tmp.resolve("o.csv").toString());
        assertThat(third.exit()).isEqualTo(2);
        assertThat(third.err()).contains("bad.csv").contains("line 4").contains("'2' makes the label non-binary");

        CliRun missing = CliRun.of("reweigh", "--data", in.toString(), "--label", "y", "--protected", "race", "--out",
                tmp.resolve("o.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("race");

        Path empty = tmp.resolve("cell.csv");
        Files.writeString(empty, "sex,y\nf,1\nf,0\nm,1\nm,1\n");
        CliRun cell = CliRun.of("reweigh", "--data", empty.toString(), "--label", "y", "--protected", "sex", "--out",
                tmp.resolve("o.csv").toString());
        assertThat(cell.exit()).isEqualTo(2);
        assertThat(cell.err()).contains("cell.csv: cell (group 'm', label 0) has no rows");

        CliRun nofile = CliRun.of("reweigh", "--data", tmp.resolve("nope.csv").toString(), "--label", "y", "--protected",
                "sex", "--out", tmp.resolve("o.csv").toString());
        assertThat(nofile.exit()).isEqualTo(2);
        assertThat(nofile.err()).contains("nope.csv");

        Path dup = tmp.resolve("dup.csv");
        Files.writeString(dup, "sex,y,weight\nf,1,1\nf,0,1\nm,1,1\nm,0,1\n");
        CliRun clash = CliRun.of("reweigh", "--data", dup.toString(), "--label", "y", "--protected", "sex", "--out",
                tmp.resolve("o.csv").toString());
        assertThat(clash.exit()).isEqualTo(2);
        assertThat(clash.err()).contains("already has a column 'weight'");

        CliRun priv = CliRun.of("reweigh", "--data", empty.toString(), "--label", "y", "--protected", "sex", "--privileged",
                "race=x", "--out", tmp.resolve("o.csv").toString());
        assertThat(priv.exit()).isEqualTo(2);
        assertThat(priv.err()).contains("column 'race' is not a --protected column");
    }

    @Test
    void priorWeightsColumnIsMultiplied() throws IOException {
        // Same cells as ReweighingTest: prior (2, 1, 1, 0.5, 1.5) gives (14/9, 7/9, 5/3, 7/6, 5/6).
        Path in = tmp.resolve("prior.csv");
        Files.writeString(in, "g,y,p\na,1,2\na,1,1\na,0,1\nb,1,0.5\nb,0,1.5\n");
        Path outFile = tmp.resolve("out.csv");
        CliRun r = CliRun.of("reweigh", "--data", in.toString(), "--label", "y", "--protected", "g", "--prior-weights", "p",
                "--out", outFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> got = Files.readAllLines(outFile);
        double[] expected = {14.0 / 9, 7.0 / 9, 5.0 / 3, 7.0 / 6, 5.0 / 6};
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.parseDouble(got.get(i + 1).split(",")[3])).isCloseTo(expected[i], within(1e-15));
        }
    }
}
