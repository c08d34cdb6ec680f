package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.monitor.alert.Severity;
import dev.candor.monitor.window.MonitoringRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monitoring rules in the audit's policy file format. */
class MonitorPolicyJsonTest {

    @TempDir
    Path tmp;

    @Test
    void readsMonitoringRulesAndListsAuditRulesAsNotApplying() throws IOException {
        Path p = tmp.resolve("policy.json");
        Files.writeString(p, """
                {"rules": [{"metric": "performance.accuracy", "reference_band": 3, "severity": "critical"},
                           {"metric": "fairness.disparate_impact", "min": 0.8, "attributes": ["age_group"]},
                           {"metric": "drift.share", "max": 0.5},
                           {"metric": "demographic_parity_ratio", "min": 0.8}]}""");
        List<String> skipped = new ArrayList<>();
        List<MonitoringRule> rules = MonitorJson.readRules(p, skipped);
        assertThat(rules).containsExactly(
                new MonitoringRule("performance.accuracy", null, null, 3.0, List.of(), Severity.CRITICAL),
                new MonitoringRule("fairness.disparate_impact", 0.8, null, null, List.of("age_group"), Severity.WARNING),
                new MonitoringRule("drift.share", null, 0.5, null, List.of(), Severity.WARNING));
        assertThat(skipped).containsExactly("demographic_parity_ratio");
        assertThat(rules.get(1).watchedMetrics(List.of("age_group", "marital"))).containsExactly("age_group.disparate_impact");
    }

    @Test
    void badRulesNameTheFileTheRuleAndTheField() throws IOException {
        Path p = tmp.resolve("bad.json");
        Files.writeString(p, "{\"rules\": [{\"metric\": \"performance.accuracy\", \"reference_band\": 3, \"max\": 1}]}");
        assertThatThrownBy(() -> MonitorJson.readRules(p, new ArrayList<>())).hasMessageContaining("bad.json")
                .hasMessageContaining("rule 0").hasMessageContaining("reference_band");
        Files.writeString(p, "{\"rules\": [{\"metric\": \"performance.accuracy\", \"maxx\": 1}]}");
        assertThatThrownBy(() -> MonitorJson.readRules(p, new ArrayList<>())).hasMessageContaining("'maxx'");
        Files.writeString(p, "{\"rules\": [{\"metric\": \"estimated.f1\", \"min\": 0.1, \"severity\": \"loud\"}]}");
        assertThatThrownBy(() -> MonitorJson.readRules(p, new ArrayList<>())).hasMessageContaining("severity");
    }
}
