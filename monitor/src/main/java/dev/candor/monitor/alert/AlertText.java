package dev.candor.monitor.alert;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The human-readable lines every channel shares: the title (Slack header, e-mail subject) and descriptions. */
final class AlertText {

    private AlertText() {
    }

    /** The subject line shared by Slack and e-mail: model, highest severity and alert count. */
    static String title(AlertChannel.MonitoringRun run) {
        List<Alert> alerts = run.alerts();
        if (alerts.isEmpty()) {
            return "Candor monitor: " + run.model() + ": no rule breached";
        }
        Severity worst = Severity.INFO;
        for (Alert a : alerts) {
            if (a.severity().compareTo(worst) > 0) {
                worst = a.severity();
            }
        }
        return "[" + worst.key().toUpperCase(Locale.ROOT) + "] Candor monitor: " + run.model() + ": " + alerts.size()
                + (alerts.size() == 1 ? " alert" : " alerts");
    }

    static String description(String model, Alert a) {
        return "Model " + model + ", window " + a.window() + ": rule " + a.rule() + " (" + a.severity().key()
                + ") breached; " + a.metric() + " = " + a.value() + ", lower bound " + a.lower() + ", upper bound "
                + a.upper() + labels(a.labels()) + ".";
    }

    static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        new TreeMap<>(labels).forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append('=').append(v));
        return sb.append(')').toString();
    }
}
