package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdultDatasetTest {

    private static Dataset adult;

    @BeforeAll
    static void load() {
        adult = AdultDataset.load();
    }

    /**
     * Independent reference: scan the raw files line by line, keep lines with 15 fields and no "?",
     * and count (attribute value, label) pairs. Shares no code with the loader.
     */
    private static Map<String, int[]> rawCounts(int column) throws IOException {
        Path dir = SharedData.datasetsDir().orElseThrow().resolve("adult");
        Map<String, int[]> counts = new HashMap<>();
        for (String file : new String[] {"adult.data", "adult.test"}) {
            for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.US_ASCII)) {
                String[] f = line.split(", ");
                if (f.length != 15 || line.contains("?")) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(f[column], k -> new int[2]);
                c[0]++;
                c[1] += f[14].startsWith(">50K") ? 1 : 0;
            }
        }
        return counts;
    }

    @Test
    void has45222CompleteRowsAfterDroppingMissingValues() {
        // adult.names and the datasets README: 30,162 + 15,060 = 45,222 complete cases.
        assertThat(adult.rows()).isEqualTo(45_222);
        assertThat(adult.dropped()).containsExactly(new DroppedRows(AdultDataset.MISSING_RULE, 2399 + 1221));
        assertThat(AdultDataset.load(AdultDataset.Part.TRAIN, AdultDataset.MissingValues.DROP_ROWS).rows())
                .isEqualTo(30_162);
        Dataset test = AdultDataset.load(AdultDataset.Part.TEST, AdultDataset.MissingValues.DROP_ROWS);
        assertThat(test.rows()).isEqualTo(15_060);
        assertThat(test.dropped().get(0).count()).isEqualTo(1221);
    }

    @Test
    void sexAndRaceCountsAndBaseRatesMatchARawScan() throws IOException {
        DatasetSummary s = adult.describe();
        for (Object[] attr : new Object[][] {{"sex", 9}, {"race", 8}}) {
            Map<String, int[]> raw = rawCounts((Integer) attr[1]);
            DatasetSummary.AttributeSummary a = s.attribute((String) attr[0]);
            assertThat(a.groups()).hasSize(raw.size());
            for (Map.Entry<String, int[]> e : raw.entrySet()) {
                DatasetSummary.GroupSummary g = a.group(e.getKey());
                assertThat(g.count()).as("%s=%s", attr[0], e.getKey()).isEqualTo(e.getValue()[0]);
                assertThat(g.favorable()).as("%s=%s favorable", attr[0], e.getKey()).isEqualTo(e.getValue()[1]);
            }
        }
        // Published figures for the 45,222 complete cases (AIF360 AdultDataset): Male 30,527,
        // Female 14,695; White 38,903.
        assertThat(s.attribute("sex").group("Male").count()).isEqualTo(30_527);
        assertThat(s.attribute("sex").group("Female").count()).isEqualTo(14_695);
        assertThat(s.attribute("race").group("White").count()).isEqualTo(38_903);
        assertThat(s.attribute("race").groups().get(0).value()).isEqualTo("White");
        assertThat(s.attribute("sex").privileged()).containsExactly("Male");
    }

    @Test
    void labelsAndLevelsFollowTheDocumentedRules() {
        assertThat(adult.favorableValue()).isEqualTo(">50K");
        // 11,208 of the 45,222 complete cases earn >50K (7,508 in adult.data, 3,700 in adult.test).
        assertThat(adult.describe().favorable()).isEqualTo(11_208);
        Feature country = adult.features().get(adult.featureIndex("native-country"));
        assertThat(country.levels()).contains("Holand-Netherlands").doesNotContain("?").isSorted();
        Dataset test = AdultDataset.load(AdultDataset.Part.TEST, AdultDataset.MissingValues.KEEP_AS_CATEGORY);
        assertThat(test.rows()).isEqualTo(16_281);
        assertThat(test.features().get(test.featureIndex("workclass")).levels()).contains("?");
        // The level lists are shared by every part, so train and test encode alike.
        assertThat(test.features().get(test.featureIndex("native-country")).levels()).contains("Holand-Netherlands");
        assertThat(adult.featureNames()).hasSize(14).startsWith("age", "workclass", "fnlwgt");
        assertThat(adult.dropFeatures("fnlwgt").featureNames()).hasSize(13).doesNotContain("fnlwgt");
        assertThat(List.of(adult.labels()[0], adult.labels()[7])).containsExactly(0, 1);
    }
}
