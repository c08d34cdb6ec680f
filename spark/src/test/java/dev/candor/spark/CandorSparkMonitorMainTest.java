package dev.candor.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitoringResult;
import dev.candor.monitor.window.Windowing;
import dev.candor.report.MonitorJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor-spark monitor} writes the JSON of the batch monitor on the same split and exits 3 on a breach. */
class CandorSparkMonitorMainTest {

    private static final String BANK = SharedData.golden("monitoring/bank_predictions.csv").toString();
    private static final String[] FEATURES = {"--numeric", "age,balance,day,campaign,pdays,previous",
        "--categorical", "job,marital,education,default,housing,loan,contact,month,poutcome",
        "--protected", "age_group,marital", "--privileged", "age_group=ge25"};

    @BeforeAll
    static void start() throws Exception {
        CandorSparkMonitorTest.read(); // the rows on one machine; the command reuses the running session
    }

    private static String[] args(String... head) {
        String[] a = new String[head.length + FEATURES.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(FEATURES, 0, a, head.length, FEATURES.length);
        return a;
    }

    @Test
    void referenceRowsAndChunksInFileOrderEqualTheBatchMonitor(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("monitor.json");
        int code = CandorSparkMain.execute(args("monitor", "--data", BANK, "--reference-rows", "10000",
                "--chunk-size", "5000", "--label", "y", "--score", "score", "--prediction", "pred",
                "--bootstrap", "0", "--json", json.toString()));
        List<dev.candor.monitor.window.WindowRow> rows = CandorSparkMonitorTest.rows;
        MonitoringResult batch = Monitor.builder(new MonitorData(CandorSparkMonitorTest.SCHEMA, rows.subList(0, 10000),
                        null)).windowing(Windowing.bySize(5000)).privileged("age_group", "ge25").bootstrap(0).build()
                .run(new MonitorData(CandorSparkMonitorTest.SCHEMA, rows.subList(10000, rows.size()), null));
        assertThat(batch.breached()).isTrue();
        assertThat(code).isEqualTo(3);
        JsonTrees.assertSame(new ObjectMapper().readTree(MonitorJson.toJson(batch, List.of())), new ObjectMapper().readTree(json.toFile()), 1e-9,
                Set.of());
    }

    @Test
    void referenceUntilADateAndMonthlyWindowsEqualTheBatchMonitor(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("bank.parquet");
        CandorSparkMonitorTest.table.withColumn("i", col("row").cast("long")).repartition(3).write()
                .parquet(parquet.toString());
        Path json = dir.resolve("monitor.json");
        int code = CandorSparkMain.execute(args("monitor", "--data", parquet.toString(), "--format", "parquet",
                "--index-column", "i", "--time-column", "ts", "--reference-until", "2008-08-31", "--window", "1M",
                "--label", "y", "--score", "score", "--prediction", "pred", "--bootstrap", "0",
                "--json", json.toString()));
        List<String> dates = CandorSparkMonitorTest.dates;
        int split = (int) dates.stream().filter(d -> d.compareTo("2008-08-31") <= 0).count();
        List<dev.candor.monitor.window.WindowRow> rows = CandorSparkMonitorTest.rows;
        MonitoringResult batch = Monitor.builder(new MonitorData(CandorSparkMonitorTest.SCHEMA, rows.subList(0, split),
                        dates.subList(0, split))).windowing(Windowing.byPeriod(CalendarPeriod.MONTH))
                .privileged("age_group", "ge25").bootstrap(0).build()
                .run(new MonitorData(CandorSparkMonitorTest.SCHEMA, rows.subList(split, rows.size()),
                        dates.subList(split, rows.size())));
        assertThat(code).isEqualTo(batch.breached() ? 3 : 0);
        assertThat(batch.referenceRows()).isEqualTo(split).isGreaterThan(9000);
        JsonTrees.assertSame(new ObjectMapper().readTree(MonitorJson.toJson(batch, List.of())), new ObjectMapper().readTree(json.toFile()), 1e-9,
                Set.of());
    }

    @Test
    void missingOptionsAndColumnsAreBadInput() {
        assertThat(CandorSparkMain.execute(args("monitor", "--data", BANK, "--chunk-size", "5000", "--score",
                "score"))).isEqualTo(2);
        assertThat(CandorSparkMain.execute("monitor", "--data", BANK, "--reference-rows", "10000", "--score", "score",
                "--numeric", "age,income")).isEqualTo(2);
    }
}
