package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompasDatasetTest {

    private static Dataset compas;

    @BeforeAll
    static void load() {
        compas = CompasDataset.load();
    }

    @Test
    void propublicaFilterKeeps6172RowsAndReportsEachRule() {
        // datasets/README.md (ProPublica, Compas Analysis.ipynb): 6,172 rows; only the
        // days_b_screening_arrest rule removes rows: 307 empty and 735 out of range.
        assertThat(compas.rows()).isEqualTo(6172);
        assertThat(compas.dropped()).extracting(DroppedRows::count).containsExactly(307, 735, 0, 0, 0);
        assertThat(compas.describe().droppedTotal()).isEqualTo(7214 - 6172);
    }

    @Test
    void raceSexAndLabelCountsMatchTheDatasetReadme() {
        DatasetSummary s = compas.describe();
        Map<String, Integer> race = Map.of("African-American", 3175, "Caucasian", 2103, "Hispanic", 509,
                "Other", 343, "Asian", 31, "Native American", 11);
        DatasetSummary.AttributeSummary r = s.attribute("race");
        assertThat(r.groups()).hasSize(6);
        race.forEach((k, v) -> assertThat(r.group(k).count()).as(k).isEqualTo(v));
        // Privileged first, then by descending count.
        assertThat(r.groups()).extracting(DatasetSummary.GroupSummary::value)
                .containsExactly("Caucasian", "African-American", "Hispanic", "Other", "Asian", "Native American");
        DatasetSummary.AttributeSummary sex = s.attribute("sex");
        assertThat(sex.group("Male").count()).isEqualTo(4997);
        assertThat(sex.group("Female").count()).isEqualTo(1175);
        assertThat(sex.privileged()).containsExactly("Female");
        // two_year_recid 0: 3,363 (favorable), 1: 2,809.
        assertThat(s.favorable()).isEqualTo(3363);
        assertThat(s.unfavorable()).isEqualTo(2809);
        assertThat(compas.favorableValue()).isEqualTo("0");
    }

    @Test
    void featuresExcludeIdentifyingAndOutcomeColumns() {
        assertThat(compas.featureNames()).containsExactly("age", "juv_fel_count", "juv_misd_count", "juv_other_count",
                "priors_count", "c_charge_degree", "sex", "race", "age_cat", "decile_score");
        assertThat(compas.features().get(compas.featureIndex("c_charge_degree")).levels()).containsExactly("F", "M");
        double[] score = compas.column("decile_score");
        assertThat(java.util.Arrays.stream(score).min().orElseThrow()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(score).max().orElseThrow()).isEqualTo(10);
        assertThat(compas.dropFeatures("decile_score").featureNames()).doesNotContain("decile_score");
    }
}
