package dev.candor.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.core.BadInputException;
import dev.candor.core.SharedData;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import dev.candor.report.MonitorJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The windowed monitor on Spark equals {@link Monitor#run} on one machine: the golden Bank log
 * (reference rows 0..9999, windows of 5,000 rows; and calendar months on a derived date column) gives
 * the same monitoring JSON to 1e-9 whatever the partitioning.
 */
class CandorSparkMonitorTest {

    private static final Path BANK = SharedData.golden("monitoring/bank_predictions.csv");
    private static final List<String> NUMERIC = List.of("age", "balance", "day", "campaign", "pdays", "previous");
    private static final List<String> CATEGORICAL = List.of("job", "marital", "education", "default", "housing",
            "loan", "contact", "month", "poutcome");
    static final WindowSchema SCHEMA = new WindowSchema(NUMERIC, CATEGORICAL, List.of("age_group", "marital"));
    private static final LocalDate START = LocalDate.of(2008, 5, 5);
    static List<WindowRow> rows;
    static List<String> dates;
    static Dataset<Row> table;

    /** Reads the log on one machine with plain string splitting (the file has no quoting). */
    @BeforeAll
    static void read() throws IOException {
        SparkSession spark = LocalSpark.get();
        List<String> lines = Files.readAllLines(BANK);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<WindowRow> out = new ArrayList<>();
        List<String> ds = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            double[] num = new double[NUMERIC.size()];
            for (int j = 0; j < num.length; j++) {
                num[j] = Double.parseDouble(f[header.indexOf(NUMERIC.get(j))]);
            }
            String[] cat = new String[CATEGORICAL.size()];
            for (int j = 0; j < cat.length; j++) {
                cat[j] = f[header.indexOf(CATEGORICAL.get(j))];
            }
            long row = Long.parseLong(f[header.indexOf("row")]);
            out.add(new WindowRow(row, num, cat, Integer.parseInt(f[header.indexOf("y")]),
                    Double.parseDouble(f[header.indexOf("score")]), Integer.parseInt(f[header.indexOf("pred")]),
                    new String[] {f[header.indexOf("age_group")], f[header.indexOf("marital")]}));
            ds.add(START.plusDays(row / 90).toString());
        }
        rows = List.copyOf(out);
        dates = List.copyOf(ds);
        // the same synthetic date on Spark: 90 rows a day from 2008-05-05, about 16 months
        table = spark.read().option("header", "true").option("inferSchema", "false").csv(BANK.toString())
                .withColumn("ts", functions.date_add(functions.lit(START.toString()).cast("date"),
                        functions.floor(col("row").cast("long").divide(90)).cast("int")).cast("string"));
    }

    private static MonitorColumns columns(String time) {
        return new MonitorColumns(SCHEMA, "row", time, "y", "score", "pred", "1");
    }

    private static JsonNode json(MonitoringResult r) {
        return MonitorJson.toTree(r, List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void windowsBySizeEqualTheBatchMonitor(int partitions) {
        MonitoringResult batch = Monitor.builder(new MonitorData(SCHEMA, rows.subList(0, 10000), null))
                .windowing(Windowing.bySize(5000)).privileged("age_group", "ge25").build()
                .run(new MonitorData(SCHEMA, rows.subList(10000, rows.size()), null));

        Dataset<Row> log = table.repartition(partitions);
        MonitorColumns c = columns(null);
        Dataset<Row> idx = log.withColumn("i", col("row").cast("long"));
        Monitor monitor = Monitor.builder(c.collect(idx.filter(col("i").lt(10000))))
                .windowing(Windowing.bySize(5000)).privileged("age_group", "ge25").build();
        MonitoringResult spark = CandorSpark.monitor(idx.filter(col("i").geq(10000)), c, monitor);

        assertThat(spark.windows()).hasSize(8);
        assertThat(spark.windows().get(7).window().key()).isEqualTo("[45000:45210]");
        assertThat(spark.windows().get(7).window().complete()).isFalse();
        int numbers = JsonTrees.assertSame(json(batch), json(spark), 1e-9, Set.of());
        assertThat(numbers).isGreaterThan(1000);
        assertThat(spark.alerts()).hasSameSizeAs(batch.alerts()).isNotEmpty();
    }

    @Test
    void calendarMonthsEqualTheBatchMonitor() {
        Windowing months = Windowing.byPeriod(CalendarPeriod.MONTH);
        MonitoringResult batch = Monitor.builder(new MonitorData(SCHEMA, rows.subList(0, 10000),
                        dates.subList(0, 10000))).windowing(months).bootstrap(50).build()
                .run(new MonitorData(SCHEMA, rows.subList(10000, rows.size()), dates.subList(10000, rows.size())));

        Dataset<Row> log = table.repartition(2).withColumn("i", col("row").cast("long"));
        MonitorColumns c = columns("ts");
        Monitor monitor = Monitor.builder(c.collect(log.filter(col("i").lt(10000)))).windowing(months).bootstrap(50)
                .build();
        MonitoringResult spark = CandorSpark.monitor(log.filter(col("i").geq(10000)), c, monitor);

        assertThat(spark.windows()).hasSameSizeAs(batch.windows()).hasSizeGreaterThan(10);
        assertThat(spark.windows().get(0).window().key()).isEqualTo(batch.windows().get(0).window().key());
        JsonTrees.assertSame(json(batch), json(spark), 1e-9, Set.of());
    }

    @Test
    void aBadCellNamesRowAndColumn() {
        Dataset<Row> log = table.withColumn("i", col("row").cast("long"))
                .withColumn("age", functions.when(col("row").equalTo("12345"), functions.lit("old"))
                        .otherwise(col("age")));
        MonitorColumns c = columns(null);
        Monitor monitor = Monitor.builder(new MonitorData(SCHEMA, rows.subList(0, 10000), null)).bootstrap(0).build();
        assertThatThrownBy(() -> CandorSpark.monitor(log.filter(col("i").geq(10000)), c, monitor, 10000))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("row 12345, column 'age': 'old' is not a number");
    }
}
