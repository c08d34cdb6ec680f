package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one CSV reader: the typed dataset reader and the predictions reader see the same file the same
 * way, and word the same problem identically (file, physical line, column).
 */
class CsvTableTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static DataFormatException fromDataset(Path p, CsvSpec spec) {
        try {
            CsvDatasets.read(p, spec);
        } catch (DataFormatException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error reading " + p);
    }

    private static DataFormatException fromPredictions(Path p, List<String> cols, Runnable use) {
        try {
            PredictionsTable t = PredictionsTable.read(p, cols);
            use.run();
            t.strings(cols.get(cols.size() - 1));
        } catch (DataFormatException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error reading " + p);
    }

    @Test
    void lineNumbersCountBlankLinesByteOrderMarkAndMultiLineQuotedFields() throws IOException {
        Path p = write("lines.csv", "\uFEFFnote,y,g\n\n\"two\nlines\",1,a\n\nx,0,\n");
        CsvTable t = CsvTable.read(p, ',');
        assertThat(t.hasByteOrderMark()).isTrue();
        assertThat(t.header()).containsExactly("note", "y", "g");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.line(0)).isEqualTo(3);
        assertThat(t.line(1)).isEqualTo(6);
        assertThat(t.value(0, 0)).isEqualTo("two\nlines");
        assertThat(t.recordText(0)).isEqualTo("\"two\nlines\",1,a");
        assertThatThrownBy(() -> t.require(1, 2)).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ", line 6, column 'g': empty value (missing values are not allowed)");
    }

    @Test
    void anEmptyCellIsTheSameErrorFromTheDatasetAndThePredictionsReader() throws IOException {
        Path p = write("empty.csv", "\uFEFFy,p,g\n1,1,a\n\n0,1, \n");
        DataFormatException a = fromDataset(p, CsvSpec.builder().label("y", "1").categorical("g").build());
        DataFormatException b = fromPredictions(p, List.of("y", "p", "g"), () -> { });
        assertThat(a).hasMessage(p + ", line 4, column 'g': empty value (missing values are not allowed)");
        assertThat(b).hasMessage(a.getMessage());
        assertThat(b.line()).isEqualTo(4);
        assertThat(b.column()).isEqualTo("g");
    }

    @Test
    void aRaggedRowIsTheSameErrorFromBothReaders() throws IOException {
        Path p = write("ragged.csv", "y,p,g\n1,1,a\n\n0,1\n");
        DataFormatException a = fromDataset(p, CsvSpec.builder().label("y", "1").build());
        DataFormatException b = fromPredictions(p, List.of("y"), () -> { });
        assertThat(a).hasMessage(p + ", line 4: has 2 fields, the header has 3");
        assertThat(b).hasMessage(a.getMessage());
    }

    @Test
    void aMisspeltColumnIsTheSameErrorFromBothReadersAndSuggestsTheClosestName() throws IOException {
        Path p = write("typo.csv", "credit,sex,pred\n1,male,1\n0,female,1\n");
        DataFormatException a = fromDataset(p, CsvSpec.builder().label("credit", "1").protectedAttribute("sexx").build());
        DataFormatException b = fromPredictions(p, List.of("credit", "sexx"), () -> { });
        assertThat(a.getMessage()).isEqualTo(p + ", line 1, column 'sexx': column is not in the header; there is no "
                + "column 'sexx' among [credit, sex, pred]; did you mean 'sex'?");
        assertThat(b).hasMessage(a.getMessage());
        assertThat(b.line()).isEqualTo(1);
    }

    @Test
    void aThirdLabelValueAfterABlankLineNamesItsPhysicalLine() throws IOException {
        Path p = write("third.csv", "y,p,g\n1,1,a\n0,1,b\n\n\n2,1,a\n");
        PredictionsTable t = PredictionsTable.read(p, List.of("y", "p", "g"));
        assertThatThrownBy(() -> t.binaryLabels("y", "p", "1")).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(p + ", line 6, column 'y': value '2' makes the label non-binary");
    }

    @Test
    void quotedValuesAreTrimmedAndAnUnclosedQuoteIsNotValidCsv() throws IOException {
        Path p = write("q.csv", "y,p,g\n\" 1 \",1,\"a, b\"\n");
        PredictionsTable t = PredictionsTable.read(p, List.of("y", "g"));
        assertThat(t.strings("y")).containsExactly("1");
        assertThat(t.strings("g")).containsExactly("a, b");
        Path bad = write("open.csv", "y,p\n1,1\n\"0,1\n");
        assertThatThrownBy(() -> PredictionsTable.read(bad, List.of("y"))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(bad + ": is not valid CSV");
    }

    @Test
    void aMissingFileIsNoSuchFileFromBothReaders() {
        Path p = dir.resolve("absent.csv");
        assertThatThrownBy(() -> PredictionsTable.read(p, List.of("y"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.csv");
        assertThatThrownBy(() -> CsvDatasets.read(p, CsvSpec.builder().label("y", "1").build()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.csv");
    }

    @Test
    void aHeaderWithoutRowsIsRefusedNamingTheLineAfterIt() throws IOException {
        Path p = write("h.csv", "y,p\n");
        assertThatThrownBy(() -> PredictionsTable.read(p, List.of("y")))
                .hasMessage(p + ", line 2: no data rows after the header");
    }
}
