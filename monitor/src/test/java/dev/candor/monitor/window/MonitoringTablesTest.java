package dev.candor.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The notebook tables of a monitoring run on the golden Bank windows. */
class MonitoringTablesTest {

    @Test
    void bankTablesShowEveryWindowAndAlertWithTheGoldenValuesEscaped() throws IOException {
        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("monitoring/bank_monitoring.json").toFile());
        MonitoringResult r = Monitor.builder(BankMonitoring.reference()).windowing(Windowing.bySize(5000))
                .privileged("age_group", "ge25").bootstrap(0).model("<b>bank</b>").build()
                .run(BankMonitoring.current());
        String html = r.toHtml();
        assertThat(html).contains("&lt;b&gt;bank&lt;/b&gt;").doesNotContain("<b>bank</b>").doesNotContain("<script");
        int windows = golden.get("windows").size();
        // a header row per table, a row per window and a row per alert
        assertThat(html.split("<tr>", -1).length - 1).isEqualTo(2 + windows + r.alerts().size());
        String text = r.toText();
        for (JsonNode w : golden.get("windows")) {
            String acc = String.format(Locale.ROOT, "%.4f", w.get("performance").get("accuracy").asDouble());
            String line = text.lines().filter(l -> l.startsWith(w.get("key").asText())).findFirst().orElseThrow();
            assertThat(line).contains(acc).contains(
                    "  " + w.get("dataset_drift").get("number_of_drifted_columns").asInt() + "  ");
        }
        assertThat(text).startsWith("MonitoringResult: model <b>bank</b>, reference 10000 rows, " + windows
                + " windows").contains("a rule breached (exit 3)");
    }
}
