package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

    @TempDir
    Path dir;

    private static final CsvSpec SPEC = CsvSpec.builder().label("y", "1", "0").numeric("age").categorical("job")
            .protectedAttribute("sex", "male").weights("w").build();

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private void assertError(String content, long line, String column, String detail) throws IOException {
        Path p = write("bad.csv", content);
        assertThatThrownBy(() -> CsvDatasets.read(p, SPEC))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining(line > 0 ? "line " + line : "")
                .hasMessageContaining(column == null ? "" : "column '" + column + "'")
                .hasMessageContaining(detail)
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(line);
                    assertThat(d.column()).isEqualTo(column);
                    assertThat(d.file()).isEqualTo(p);
                });
    }

    @Test
    void readsATypedSpec() throws IOException {
        Path p = write("people.csv", "age,job,sex,y,w,note\n30,clerk,male,1,1.5,a\n45, manager ,female,0,0.5,b\n"
                + "\n22,clerk,female,1,2,c\n");
        CsvDatasets.Result r = CsvDatasets.readWithReport(p, SPEC);
        Dataset d = r.dataset();
        assertThat(d.name()).isEqualTo("people");
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.featureNames()).containsExactly("age", "job");
        assertThat(d.features().get(1).levels()).containsExactly("clerk", "manager");
        assertThat(d.x()).isDeepEqualTo(new double[][] {{30, 0}, {45, 1}, {22, 0}});
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.weights()).containsExactly(1.5, 0.5, 2.0);
        assertThat(d.protectedAttribute("sex").values()).containsExactly("male", "female", "female");
        assertThat(d.protectedAttribute("sex").privileged()).containsExactly("male");
        assertThat(r.columns()).extracting(CsvDatasets.ColumnReport::role)
                .containsExactly("numeric", "categorical", "protected", "label", "weights", "ignored");
    }

    @Test
    void favorableOnlyMakesEveryOtherValueUnfavorable() throws IOException {
        Path p = write("l.csv", "y,a\nyes,1\nno,2\nmaybe,3\n");
        Dataset d = CsvDatasets.read(p, CsvSpec.builder().label("y", "yes").numeric("a").build());
        assertThat(d.labels()).containsExactly(1, 0, 0);
        assertThat(d.favorableValue()).isEqualTo("yes");
    }

    @Test
    void infersKindsAndSaysWhy() throws IOException {
        Path p = write("inf.csv", "income,housing,zip,label,sex\n10.5,own,7,1,m\n3e2,rent,8,0,f\n");
        CsvSpec spec = CsvSpec.fromStrings("label", null, List.of("sex"), List.of("sex=m"), List.of("zip"), List.of(),
                null, ',');
        CsvDatasets.Result r = CsvDatasets.readWithReport(p, spec);
        assertThat(r.dataset().featureNames()).containsExactly("income", "housing", "zip");
        assertThat(r.dataset().features()).extracting(Feature::kind)
                .containsExactly(Feature.Kind.NUMERIC, Feature.Kind.CATEGORICAL, Feature.Kind.CATEGORICAL);
        assertThat(r.inferred()).extracting(CsvDatasets.ColumnReport::column).containsExactly("income", "housing");
        assertThat(r.inferred().get(1).reason()).isEqualTo("value 'own' at line 2 is not a number");
        assertThat(r.dataset().x()[1][0]).isEqualTo(300.0);
        assertThat(r.dataset().favorableValue()).isEqualTo("1");
    }

    @Test
    void errorsNameFileLineAndColumn() throws IOException {
        String h = "age,job,sex,y,w\n";
        assertError("", 1, null, "the file is empty");
        assertError(h, 2, null, "no data rows");
        assertError("age,job,y,w\n30,clerk,1,1\n", 1, "sex", "column is not in the header");
        assertError(h + "30,clerk,male,1,1\n31,clerk,male,1\n", 3, null, "has 4 fields, the header has 5");
        assertError(h + "30,clerk,male,1,1\nabc,clerk,male,1,1\n", 3, "age", "'abc' is not a number");
        assertError(h + "NaN,clerk,male,1,1\n", 2, "age", "'NaN' is not a finite number");
        assertError(h + "30,clerk,male,1,1\n\n40,clerk,male,2,1\n", 4, "y", "'2' is not a declared label value");
        assertError(h + "30,,male,1,1\n", 2, "job", "empty value");
        assertError(h + "30,clerk,,1,1\n", 2, "sex", "empty protected attribute value");
        assertError(h + "30,clerk,male,,1\n", 2, "y", "empty label");
        assertError(h + "30,clerk,male,1,-1\n", 2, "w", "negative");
        assertError("age,job,sex,y,w,age\n30,clerk,male,1,1,3\n", 1, "age", "more than once");
        assertError(h + "30,clerk,male,1,1\n\"31,clerk,male,1,1\n", 0, null, "is not valid CSV");
        assertError(h + "30,clerk,male,0,1\n", 0, "y", "the favorable value '1' does not occur; values are [0]");
        assertError(h + "30,clerk,Male,1,1\n31,clerk,Female,1,1\n", 0, "sex",
                "the privileged value 'male' does not occur; values are [Female, Male]");
    }

    @Test
    void declaredLevelsRejectOtherValues() throws IOException {
        Path p = write("lv.csv", "job,y\nclerk,1\npilot,0\n");
        CsvSpec spec = CsvSpec.builder().label("y", "1").categorical("job", List.of("manager", "clerk")).build();
        assertThatThrownBy(() -> CsvDatasets.read(p, spec)).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ", line 3, column 'job': 'pilot' is not one of the declared levels [manager, clerk]");
    }

    @Test
    void specRejectsConflictingRoles() {
        assertThatThrownBy(() -> CsvSpec.builder().label("y", "1").numeric("y").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> CsvSpec.builder().numeric("a").build()).hasMessageContaining("needs a label");
        assertThatThrownBy(() -> CsvSpec.fromStrings("y", "1", List.of("sex"), List.of("race=White"), List.of(),
                List.of(), null, ',')).hasMessageContaining("'race' is not a protected column");
        assertThatThrownBy(() -> CsvSpec.fromStrings("y", "1", List.of("sex"), List.of("sex"), List.of(),
                List.of(), null, ',')).hasMessageContaining("expected column=value");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> CsvDatasets.read(dir.resolve("nope.csv"), SPEC)).isInstanceOf(IOException.class)
                .hasMessageContaining("nope.csv");
    }
}
