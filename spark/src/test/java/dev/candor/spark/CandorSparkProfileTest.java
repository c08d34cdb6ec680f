package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.core.BadInputException;
import dev.candor.core.SharedData;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The distributed profile of the golden Bank marketing log equals the single-machine profile built
 * row by row: counts, slots, categories, missing, min and max exactly; mean and variance to 1e-12
 * relative; KLL quantiles within the sketch's rank-error bound of the exact ranks.
 */
class CandorSparkProfileTest {

    private static final Path BANK = SharedData.golden("monitoring/bank_predictions.csv");
    private static final List<String> NUMERIC = List.of("age", "balance", "day", "campaign", "pdays", "previous",
            "score");
    private static final List<String> CATEGORICAL = List.of("job", "marital", "education", "month", "housing", "loan",
            "contact", "poutcome");
    private static List<String> header;
    private static List<String[]> rows;

    @BeforeAll
    static void read() throws IOException {
        LocalSpark.get();
        List<String> lines = Files.readAllLines(BANK);
        header = Arrays.asList(lines.get(0).split(","));
        rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty()).map(l -> l.split(",", -1)).toList();
    }

    /** Reference bins from the first 5000 rows (the reference window), as the monitor fixes them. */
    static DatasetProfile template() {
        List<FeatureProfile> fs = new ArrayList<>();
        for (String f : NUMERIC) {
            int c = header.indexOf(f);
            double[] ref = rows.subList(0, 5000).stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
            fs.add(FeatureProfile.numeric(f, ReferenceBins.sturges(ref)));
        }
        CATEGORICAL.forEach(f -> fs.add(FeatureProfile.categorical(f)));
        return DatasetProfile.of(fs);
    }

    static DatasetProfile singleMachine(int from, int to) {
        DatasetProfile p = ProfileBuffer.empty(template()).profile();
        for (String[] r : rows.subList(from, to)) {
            for (FeatureProfile f : p.features().values()) {
                String cell = r[header.indexOf(f.feature())];
                if (f.kind() == FeatureKind.NUMERIC) {
                    f.add(Double.parseDouble(cell));
                } else {
                    f.add(cell);
                }
            }
        }
        return p;
    }

    static void assertSameProfile(DatasetProfile expected, DatasetProfile actual, int from, int to) {
        assertThat(actual.features().keySet()).containsExactlyElementsOf(expected.features().keySet());
        for (FeatureProfile e : expected.features().values()) {
            FeatureProfile a = actual.feature(e.feature());
            assertThat(a.count()).as(e.feature()).isEqualTo(e.count());
            assertThat(a.missing()).as(e.feature()).isEqualTo(e.missing());
            if (e.kind() == FeatureKind.CATEGORICAL) {
                assertThat(a.categoryCounts()).as(e.feature()).isEqualTo(e.categoryCounts());
                continue;
            }
            assertThat(a.slotCounts()).as(e.feature()).containsExactly(e.slotCounts());
            assertThat(a.min()).isEqualTo(e.min());
            assertThat(a.max()).isEqualTo(e.max());
            assertThat(a.mean()).as(e.feature()).isCloseTo(e.mean(), within(1e-12 * Math.max(1, Math.abs(e.mean()))));
            assertThat(a.variance()).as(e.feature()).isCloseTo(e.variance(), within(1e-12 * e.variance()));
            int c = header.indexOf(e.feature());
            double[] sorted = rows.subList(from, to).stream().mapToDouble(r -> Double.parseDouble(r[c])).sorted()
                    .toArray();
            for (double q : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
                double v = a.quantile(q);
                // the exact normalized rank interval of v: [share below v, share at or below v]
                double below = lowerBound(sorted, v) / (double) sorted.length;
                double atOrBelow = upperBound(sorted, v) / (double) sorted.length;
                double bound = a.rankError();
                assertThat(q).as("rank of the %s quantile %s of %s", q, v, e.feature())
                        .isBetween(below - bound, atOrBelow + bound);
            }
        }
    }

    private static int lowerBound(double[] s, double v) {
        int i = 0;
        while (i < s.length && s[i] < v) {
            i++;
        }
        return i;
    }

    private static int upperBound(double[] s, double v) {
        int i = 0;
        while (i < s.length && s[i] <= v) {
            i++;
        }
        return i;
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 2, 7})
    void bankProfileEqualsTheSingleMachineProfile(int partitions) {
        Dataset<Row> data = CandorSparkAuditTest.csv(BANK).repartition(partitions);
        DatasetProfile p = CandorSpark.profile(data, template());
        assertSameProfile(singleMachine(0, rows.size()), p, 0, rows.size());
        assertThat(p.feature("age").count()).isEqualTo(45211);
    }

    @Test
    void aWindowProfileEqualsTheSingleMachineProfileOfTheSameRows() {
        Dataset<Row> window = CandorSparkAuditTest.csv(BANK).repartition(3)
                .filter(functions.col("row").cast("int").between(20000, 29999));
        assertSameProfile(singleMachine(20000, 30000), CandorSpark.profile(window, template()), 20000, 30000);
    }

    @Test
    void aNumericCellThatIsNotANumberNamesTheFeature() {
        Dataset<Row> bad = CandorSparkAuditTest.csv(BANK).withColumn("age",
                functions.when(functions.col("row").equalTo("5"), functions.lit("old")).otherwise(functions.col("age")));
        assertThatThrownBy(() -> CandorSpark.profile(bad, template())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("feature 'age'").hasMessageContaining("'old'");
    }
}
