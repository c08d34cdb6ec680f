package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankDatasetTest {

    private static Dataset bank;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        bank = Datasets.load("bank");
    }

    @Test
    void hasThePublishedRowCountAndClassBalance() {
        // bank-names.txt: 45211 instances; counted independently from the file with
        //   awk -F';' 'NR>1{gsub(/"/,"",$17); y[$17]++} END{for(k in y) print k, y[k]}' bank-full.csv
        // -> yes 5289, no 39922; and for age < 25 (809 rows): yes 207, no 602.
        assertThat(bank.rows()).isEqualTo(45_211);
        DatasetSummary s = bank.describe();
        assertThat(s.favorable()).isEqualTo(5_289);
        assertThat(s.unfavorable()).isEqualTo(39_922);
        assertThat(bank.labelName()).isEqualTo("y");
        assertThat(bank.favorableValue()).isEqualTo("yes");
        assertThat(s.dropped()).isEmpty();

        DatasetSummary.AttributeSummary age = s.attribute("age_group");
        assertThat(age.privileged()).containsExactly("ge25");
        assertThat(age.group("lt25").count()).isEqualTo(809);
        assertThat(age.group("ge25").count()).isEqualTo(45_211 - 809);
        int[] y = bank.labels();
        ProtectedAttribute ag = bank.protectedAttribute("age_group");
        int lt25Yes = 0;
        for (int i = 0; i < y.length; i++) {
            lt25Yes += ag.value(i).equals("lt25") ? y[i] : 0;
        }
        assertThat(lt25Yes).isEqualTo(207);
        assertThat(bank.protectedAttribute("marital").privileged()).isEmpty();
    }

    @Test
    void featuresLeaveOutDurationAndKeepUnknownAsALevel() {
        assertThat(bank.featureNames()).containsExactly("age", "balance", "day", "campaign", "pdays", "previous", "job",
                "marital", "education", "default", "housing", "loan", "contact", "month", "poutcome");
        Feature month = bank.features().get(bank.featureIndex("month"));
        assertThat(month.levels()).isEqualTo(BankDataset.MONTHS);
        Feature poutcome = bank.features().get(bank.featureIndex("poutcome"));
        assertThat(poutcome.levels()).containsExactly("failure", "other", "success", "unknown");
        // bank-full.csv line 2: 58;"management";"married";"tertiary";"no";2143;"yes";"no";"unknown";5;"may";261;1;-1;0;"unknown";"no"
        String[] first = {"58", "2143", "5", "1", "-1", "0", "management", "married", "tertiary", "no", "yes", "no",
            "unknown", "may", "unknown"};
        for (int j = 0; j < first.length; j++) {
            Feature f = bank.features().get(j);
            assertThat(f.format(bank.value(0, j))).as(f.name()).isEqualTo(first[j]);
        }
    }

    @Test
    void everyRowMatchesTheMonitoringGoldenInFileOrder() throws IOException {
        // golden/monitoring/bank_predictions.csv: row, age, age_group (ge25 iff age >= 25), marital, month, y (1 iff yes).
        List<String> lines = Files.readAllLines(SharedData.golden("monitoring/bank_predictions.csv"));
        assertThat(lines.get(0)).startsWith("row,age,age_group,marital,month,y,");
        assertThat(lines).hasSize(45_212);
        double[] age = bank.column("age");
        Feature month = bank.features().get(bank.featureIndex("month"));
        double[] months = bank.column("month");
        ProtectedAttribute ag = bank.protectedAttribute("age_group");
        ProtectedAttribute marital = bank.protectedAttribute("marital");
        int[] y = bank.labels();
        for (int i = 0; i < bank.rows(); i++) {
            String[] f = lines.get(i + 1).split(",", 7);
            assertThat(Integer.parseInt(f[0])).isEqualTo(i);
            assertThat(age[i]).as("age of row %d", i).isEqualTo(Double.parseDouble(f[1]));
            assertThat(ag.value(i)).as("age_group of row %d", i).isEqualTo(f[2]);
            assertThat(marital.value(i)).as("marital of row %d", i).isEqualTo(f[3]);
            assertThat(month.format(months[i])).as("month of row %d", i).isEqualTo(f[4]);
            assertThat(y[i]).as("y of row %d", i).isEqualTo(Integer.parseInt(f[5]));
        }
    }

    @Test
    void periodsRunFromMay2008ToNovember2010() {
        YearMonth[] p = BankDataset.periods(bank);
        assertThat(p[0]).isEqualTo(YearMonth.of(2008, 5));
        assertThat(p[27_728]).isEqualTo(YearMonth.of(2008, 12));
        assertThat(p[27_729]).isEqualTo(YearMonth.of(2009, 1));
        // The monitoring golden README: the May 2009 campaign is rows 34177-39751, June 2009 starts at row 39752.
        assertThat(p[34_176]).isEqualTo(YearMonth.of(2009, 4));
        assertThat(p[34_177]).isEqualTo(YearMonth.of(2009, 5));
        assertThat(p[39_751]).isEqualTo(YearMonth.of(2009, 5));
        assertThat(p[39_752]).isEqualTo(YearMonth.of(2009, 6));
        assertThat(p[42_591]).isEqualTo(YearMonth.of(2010, 1));
        assertThat(p[45_210]).isEqualTo(YearMonth.of(2010, 11));
        for (int i = 1; i < p.length; i++) {
            assertThat(p[i].compareTo(p[i - 1])).as("row %d", i).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void badInputNamesTheLineAndColumn() throws IOException {
        String header = "\"age\";\"job\";\"marital\";\"education\";\"default\";\"balance\";\"housing\";\"loan\";"
                + "\"contact\";\"day\";\"month\";\"duration\";\"campaign\";\"pdays\";\"previous\";\"poutcome\";\"y\"\n";
        String good = "58;\"management\";\"married\";\"tertiary\";\"no\";2143;\"yes\";\"no\";\"unknown\";5;\"may\";261;1;-1;0;"
                + "\"unknown\";\"no\"\n";
        Path f = dir.resolve("bank.csv");
        Files.writeString(f, header + good + good.replace("\"no\"\n", "\"maybe\"\n"));
        assertThatThrownBy(() -> BankDataset.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("y").hasMessageContaining("'maybe' is not yes or no");
        Files.writeString(f, header + good.replace("\"may\"", "\"mai\""));
        assertThatThrownBy(() -> BankDataset.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("month").hasMessageContaining("'mai'");
        Files.writeString(f, header + good.replace("2143", "12k"));
        assertThatThrownBy(() -> BankDataset.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("balance");
        Files.writeString(f, header.replace("\"pdays\";", "") + good.replace(";-1;", ";"));
        assertThatThrownBy(() -> BankDataset.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("pdays");
    }

    @Test
    void aCachedCopyIsReadWhenTheDatasetsDirectoryHasNone() throws IOException {
        Path cached = dir.resolve("cache/bank/bank-full.csv");
        Files.createDirectories(cached.getParent());
        Files.copy(SharedData.datasetsDir().orElseThrow().resolve("bank/bank-full.csv"), cached);
        DataFiles files = new DataFiles(dir.resolve("no-data"), dir.resolve("cache"), Duration.ofSeconds(1));
        assertThat(BankDataset.load(files).rows()).isEqualTo(45_211);
        // A tampered copy is refused, never read.
        Files.writeString(cached, "age;y\n30;yes\n");
        assertThatThrownBy(() -> BankDataset.load(files)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("d1513ec63b385506f7cfce9f2c5caa9fe99e7ba4e8c3fa264b3aaf0f849ed32d");
    }
}
