package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader sees every file as the in-memory {@link CsvTable} sees it: same cells, same
 * lines, same numbers (bit for bit), and the same error messages, word for word.
 */
class FastCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Every cell of the named columns as the streaming reader gives it, with the row's line first. */
    private static List<List<String>> stream(Path p, List<String> columns) throws IOException {
        List<List<String>> out = new ArrayList<>();
        FastCsv.open(p, ',').scan(columns, c -> {
            List<String> row = new ArrayList<>();
            row.add(Long.toString(c.line()));
            for (int k = 0; k < columns.size(); k++) {
                row.add(c.string(k));
            }
            out.add(row);
        }, null);
        return out;
    }

    /** The same from {@link CsvTable}. */
    private static List<List<String>> table(Path p, List<String> columns) throws IOException {
        CsvTable t = CsvTable.read(p, ',');
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            List<String> row = new ArrayList<>();
            row.add(Long.toString(t.line(i)));
            for (String c : columns) {
                row.add(t.value(i, t.column(c)));
            }
            out.add(row);
        }
        return out;
    }

    private static String message(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void goldenPredictionFilesReadAsTheTableReadsThem() throws IOException {
        for (String f : List.of("fairness/adult_predictions.csv", "fairness/german_predictions.csv")) {
            Path p = SharedData.golden(f);
            List<String> cols = f.contains("adult") ? List.of("income", "pred", "score", "sex", "race")
                    : List.of("credit", "pred", "score", "sex", "age_group", "weight");
            assertThat(stream(p, cols)).isEqualTo(table(p, cols)).hasSizeGreaterThan(999);
            // numbers parse bit for bit as Double.parseDouble does
            CsvTable t = CsvTable.read(p, ',');
            int score = t.column("score");
            double[] fast = new double[t.rows()];
            FastCsv.open(p, ',').scan(List.of("score"), c -> fast[(int) c.row()] = c.number(0, "score", false), null);
            for (int i = 0; i < t.rows(); i++) {
                assertThat(Double.doubleToRawLongBits(fast[i]))
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(t.value(i, score))));
            }
        }
    }

    @Test
    void quotingCrlfBlankLinesAndByteOrderMarkAsTheTable() throws IOException {
        String text = "\uFEFF note , y,g,skip\r\n\r\n\"two\r\nlines\",1,\"a, b\" ,x\r\n\n"
                + "\"say \"\"hi\"\"\",0,,\"q\"\"\"\r\n\"\",1,c,\"multi\nline\nskipped\"\r\nlast,0,a,z";
        Path p = write("q.csv", text);
        List<String> cols = List.of("g", "note", "y");
        assertThat(stream(p, cols)).isEqualTo(table(p, cols));
        assertThat(stream(p, cols).get(1)).containsExactly("6", "", "say \"hi\"", "0");
        assertThat(stream(p, cols).get(3)).containsExactly("10", "a", "last", "0");
    }

    @Test
    void generatedFilesWithRandomQuotingAgreeAcrossBlockBoundaries() throws IOException {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("y,s,g,t\n");
        String[] groups = {"a", "b, c", "d\"e", " f ", "ü"};
        for (int i = 0; i < 60_000; i++) {
            String g = groups[r.nextInt(groups.length)];
            String gq = g.contains(",") || g.contains("\"") || r.nextBoolean()
                    ? "\"" + g.replace("\"", "\"\"") + "\"" : g;
            String t = r.nextInt(50) == 0 ? "\"x\ny\"" : Integer.toString(r.nextInt(1000));
            sb.append(r.nextInt(2)).append(',').append(r.nextDouble()).append(',').append(gq).append(',')
                    .append(t).append(r.nextBoolean() ? "\r\n" : "\n");
            if (r.nextInt(100) == 0) {
                sb.append('\n');
            }
        }
        Path p = write("gen.csv", sb.toString());
        List<String> cols = List.of("t", "g", "y", "s");
        assertThat(stream(p, cols)).isEqualTo(table(p, cols));
        Path gz = dir.resolve("gen.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        assertThat(stream(gz, cols)).isEqualTo(table(p, cols));
    }

    @Test
    void dictionaryCodesFollowFirstAppearance() throws IOException {
        Path p = write("d.csv", "g\nb\n\"a\"\nb\n c \n");
        List<Integer> codes = new ArrayList<>();
        List<List<String>> dict = new ArrayList<>();
        FastCsv.open(p, ',').scan(List.of("g"), c -> {
            codes.add(c.code(0));
            dict.clear();
            dict.add(List.copyOf(c.dictionary(0)));
        }, null);
        assertThat(codes).containsExactly(0, 1, 0, 2);
        assertThat(dict.get(0)).containsExactly("b", "a", "c");
    }

    @Test
    void errorsNameFileLineAndColumnAsTheTableDoes() throws IOException {
        Path ragged = write("ragged.csv", "y,p,g\n1,1,a\n\n0,1\n");
        assertThat(message(() -> stream(ragged, List.of("y")))).isEqualTo(message(() -> CsvTable.read(ragged, ',')))
                .isEqualTo(ragged + ", line 4: has 2 fields, the header has 3");
        Path typo = write("typo.csv", "credit,sex,pred\n1,male,1\n0,female,1\n");
        assertThat(message(() -> stream(typo, List.of("credt"))))
                .isEqualTo(message(() -> CsvTable.read(typo, ',').column("credt")))
                .contains("line 1, column 'credt'").contains("did you mean 'credit'?");
        Path open = write("open.csv", "y,p\n1,1\n\"0,1\n");
        assertThat(message(() -> stream(open, List.of("y")))).isEqualTo(message(() -> CsvTable.read(open, ',')));
        Path after = write("after.csv", "y,p\n1,1\n\"0\"x,1\n");
        // the in-memory reader cannot say the line here ("line ?"); the streaming one can
        assertThat(message(() -> stream(after, List.of("y"))))
                .isEqualTo(message(() -> CsvTable.read(after, ',')).replace("line ?", "line 3"));
        Path empty = write("empty.csv", "");
        assertThat(message(() -> stream(empty, List.of("y")))).isEqualTo(message(() -> CsvTable.read(empty, ',')));
        Path headerOnly = write("h.csv", "\ny,p\n");
        assertThat(message(() -> stream(headerOnly, List.of("y"))))
                .isEqualTo(message(() -> CsvTable.read(headerOnly, ',')));
        Path dup = write("dup.csv", "y,y\n1,1\n");
        assertThat(message(() -> stream(dup, List.of("y")))).isEqualTo(message(() -> CsvTable.read(dup, ',').column("y")));
    }

    @Test
    void cellErrorsUseThePredictionsTableWording() throws IOException {
        Path p = write("bad.csv", "y,s,w\n1,0.5,1\n\n0,abc,2\n1,0.1,-1\n");
        PredictionsTable t = PredictionsTable.read(p, List.of("y", "s", "w"));
        String expected = message(() -> t.doubles("s", "score", false));
        assertThat(message(() -> FastCsv.open(p, ',').scan(List.of("s"), c -> c.number(0, "score", false), null)))
                .isEqualTo(expected).isEqualTo(p + ", line 4, column 's': 'abc' is not a number (score)");
        Path p2 = write("bad2.csv", "y,s,w\n1,0.5,1\n1,,-1\n");
        assertThat(message(() -> FastCsv.open(p2, ',').scan(List.of("s"), c -> c.number(0, "score", false), null)))
                .isEqualTo(message(() -> PredictionsTable.read(p2, List.of("s")).doubles("s", "score", false)));
        Path p3 = write("bad3.csv", "y,s,w\n1,0.5,1\n1,0.1,-1e0\n");
        assertThat(message(() -> FastCsv.open(p3, ',').scan(List.of("w"), c -> c.number(0, "weight", true), null)))
                .isEqualTo(message(() -> PredictionsTable.read(p3, List.of("w")).doubles("w", "weight", true)))
                .isEqualTo(p3 + ", line 3, column 'w': weight -1e0 is negative");
    }

    @Test
    void numbersAreBitIdenticalToParseDouble() {
        Random r = new Random(5);
        List<String> samples = new ArrayList<>(List.of("0", "-0", "1", "1.0", "0.1", "123456789012345", "1e22",
                "1e23", "1.5E-7", "-2.5e+3", ".5", "5.", "0.30000000000000004", "9007199254740993", "1e-22"));
        for (int i = 0; i < 20_000; i++) {
            samples.add(Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(20) - 10)));
            samples.add(String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", r.nextGaussian() * 100));
        }
        for (String s : samples) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            double v = ByteNumbers.parse(b, 0, b.length);
            if (v == v) {
                assertThat(Double.doubleToRawLongBits(v)).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
            }
        }
        assertThat(ByteNumbers.parse("1.5".getBytes(StandardCharsets.US_ASCII), 0, 3)).isEqualTo(1.5);
        assertThat(Double.isNaN(ByteNumbers.parse("1x".getBytes(StandardCharsets.US_ASCII), 0, 2))).isTrue();
    }

    @Test
    void invalidUtf8AnywhereIsRefusedAsTheTableRefusesIt() throws IOException {
        Path p = dir.resolve("latin1.csv");
        byte[] head = "y,p,g,note\n1,1,a,ok\n0,0,b,caf".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xE9; // é in Latin-1
        bytes[head.length + 1] = '\n';
        Files.write(p, bytes);
        assertThat(message(() -> stream(p, List.of("y")))).isEqualTo(message(() -> CsvTable.read(p, ',')))
                .isEqualTo(p + ": is not valid UTF-8 text");
        Random r = new Random(9);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[1 + r.nextInt(6)];
            r.nextBytes(b);
            boolean valid;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
                valid = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                valid = false;
            }
            int split = r.nextInt(b.length + 1);
            int st = Utf8Check.scan(b, 0, split, 0);
            st = st < 0 ? st : Utf8Check.scan(b, split, b.length, st);
            assertThat(st == 0).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(valid);
        }
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThatThrownBy(() -> FastCsv.open(dir.resolve("absent.csv"), ','))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("absent.csv");
    }
}
