package dev.candor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.core.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code candor stream} end to end on a directory of Bank log files, and its bad-input exit code. */
class StreamMainTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void streamsADirectoryOfLogFilesIntoWindowLinesAndExitsThreeOnABreach(@TempDir Path dir) throws Exception {
        BankStream bank = BankStream.get();
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.write(in.resolve("part-1.csv"), bank.streamLines(10_000, 15_000));
        Files.write(in.resolve("part-2.csv"), bank.streamLines(15_000, 20_000));
        Path out = dir.resolve("windows.jsonl");
        StringWriter err = new StringWriter();
        int code = StreamMain.run(new String[] {"--source", in.toString(), "--bounded", "--out", out.toString(),
            "--reference", SharedData.golden("monitoring/bank_predictions.csv").toString(), "--reference-until", "10000",
            "--time-column", "row", "--chunk-size", "5000", "--label", "y", "--score", "score", "--prediction", "pred",
            "--protected", "age_group", "--privileged", "age_group=ge25",
            "--threshold", "fairness.age_group.metrics.disparate_impact=0.8:1.25:critical"},
            new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(3);
        List<JsonNode> windows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            windows.add(JobRun.JSON.readTree(line));
        }
        windows.sort((a, b) -> Long.compare(a.get("start").asLong(), b.get("start").asLong()));
        assertThat(windows).extracting(w -> w.get("key").asText()).containsExactly("[10000:14999]", "[15000:19999]");
        // the golden disparate impacts are 3.685 and 2.264: both windows breach the threshold rule
        assertThat(Files.readAllLines(dir.resolve("windows.alerts.jsonl")))
                .filteredOn(l -> l.contains("\"rule\":\"threshold\"")).hasSize(2);
        assertThat(windows.get(0).at("/fairness/age_group/metrics/disparate_impact").asDouble())
                .isCloseTo(3.685476410730805, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Files.readAllLines(dir.resolve("windows.late.jsonl"))).isEmpty();
    }

    @Test
    void aWindowThatIsNoCalendarPeriodIsRefusedWithExitCodeTwo(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = StreamMain.run(new String[] {"--source", dir.toString(), "--out", dir.resolve("w.jsonl").toString(),
            "--reference", SharedData.golden("monitoring/bank_predictions.csv").toString(), "--time-column", "row",
            "--window", "12h"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown window '12h'").contains("1d, 1w, 1M or 1q");
    }
}
