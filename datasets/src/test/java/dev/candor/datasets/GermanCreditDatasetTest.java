package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GermanCreditDatasetTest {

    private static Dataset german;

    @BeforeAll
    static void load() {
        german = GermanCreditDataset.load();
    }

    @Test
    void hasThePublishedShape() {
        // german.doc: 1000 instances, 20 attributes (7 numerical, 13 categorical); 700 good, 300 bad.
        assertThat(german.rows()).isEqualTo(1000);
        assertThat(german.features()).hasSize(20);
        assertThat(german.features().stream().filter(f -> !f.isCategorical()).map(Feature::name))
                .containsExactly("duration", "credit_amount", "installment_commitment", "residence_since", "age",
                        "existing_credits", "num_dependents");
        DatasetSummary s = german.describe();
        assertThat(s.favorable()).isEqualTo(700);
        assertThat(s.unfavorable()).isEqualTo(300);
        assertThat(s.dropped()).isEmpty();
        assertThat(german.labelName()).isEqualTo("credit");
        assertThat(german.favorableValue()).isEqualTo("1");
    }

    @Test
    void everyRowMatchesTheGoldenSexAgeGroupAndLabel() throws IOException {
        // golden/fairness/german_predictions.csv was written by the AIF360 reference script from
        // german.data: sex from A9, age_group = gt25 iff age > 25, credit = 1 iff class 1.
        List<String> lines = Files.readAllLines(SharedData.golden("fairness/german_predictions.csv"));
        assertThat(lines.get(0)).startsWith("row,sex,age,age_group,credit");
        assertThat(lines).hasSize(1001);
        ProtectedAttribute sex = german.protectedAttribute("sex");
        ProtectedAttribute age = german.protectedAttribute("age_group");
        int[] y = german.labels();
        double[] ages = german.column("age");
        for (int i = 0; i < 1000; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertThat(Integer.parseInt(f[0])).isEqualTo(i);
            assertThat(sex.value(i)).as("sex of row %d", i).isEqualTo(f[1]);
            assertThat(ages[i]).as("age of row %d", i).isEqualTo(Double.parseDouble(f[2]));
            assertThat(age.value(i)).as("age_group of row %d", i).isEqualTo(f[3]);
            assertThat(y[i]).as("credit of row %d", i).isEqualTo(Integer.parseInt(f[4]));
        }
    }

    @Test
    void groupCountsMatchTheDatasetReadme() {
        // datasets/README.md: A91 50, A92 310, A93 548, A94 92, A95 0 -> male 690, female 310.
        DatasetSummary.AttributeSummary sex = german.describe().attribute("sex");
        assertThat(sex.groups()).extracting(DatasetSummary.GroupSummary::value).containsExactly("male", "female");
        assertThat(sex.group("male").count()).isEqualTo(690);
        assertThat(sex.group("female").count()).isEqualTo(310);
        assertThat(sex.privileged()).containsExactly("male");
        Feature ps = german.features().get(german.featureIndex("personal_status"));
        assertThat(ps.levels()).containsExactly("A91", "A92", "A93", "A94");
        Feature purpose = german.features().get(german.featureIndex("purpose"));
        // A47 (vacation) never occurs; A410 sorts after A49 by its number.
        assertThat(purpose.levels()).containsExactly("A40", "A41", "A42", "A43", "A44", "A45", "A46", "A48",
                "A49", "A410");
    }

    @Test
    void firstRowDecodesToTheFirstLineOfTheFile() {
        // german.data line 1: A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201 1
        String[] expected = "A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201".split(" ");
        for (int j = 0; j < 20; j++) {
            Feature f = german.features().get(j);
            assertThat(f.format(german.value(0, j))).as(f.name()).isEqualTo(expected[j]);
        }
    }

    @Test
    void everyLevelHasItsDocumentedMeaning() {
        for (Feature f : german.features()) {
            for (String code : f.levels()) {
                assertThat(GermanCreditDataset.meaning(code)).as(code).isNotBlank();
            }
        }
        // german.doc, attribute 1 and attribute 9.
        assertThat(GermanCreditDataset.meaning("A14")).isEqualTo("no checking account");
        assertThat(GermanCreditDataset.meaning("A92")).isEqualTo("female: divorced/separated/married");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GermanCreditDataset.meaning("A99"))
                .hasMessageContaining("A99");
    }
}
