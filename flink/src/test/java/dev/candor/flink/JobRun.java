package dev.candor.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Runs a monitoring job to its end on the test MiniCluster and collects every output. */
final class JobRun {

    static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> windows = new ArrayList<>();
    final List<JsonNode> alerts = new ArrayList<>();
    final List<JsonNode> late = new ArrayList<>();
    final List<JsonNode> rejected = new ArrayList<>();
    final List<JsonNode> deliveries = new ArrayList<>();
    final Map<String, Object> accumulators;

    JobRun(StreamExecutionEnvironment env, MonitorJob.Outputs out, String webhook) throws Exception {
        CloseableIterator<String> w = out.windows().collectAsync();
        CloseableIterator<String> a = out.alerts().collectAsync();
        CloseableIterator<String> l = out.late().collectAsync();
        CloseableIterator<String> r = out.rejected().collectAsync();
        CloseableIterator<String> d = null;
        if (webhook != null) {
            DataStream<String> delivered = WebhookAlerts.attach(out.alerts(), webhook, dev.candor.monitor.alert.WebhookFormat.CANDOR);
            d = delivered.collectAsync();
        }
        JobExecutionResult result = env.execute("candor monitor test");
        accumulators = result.getAllAccumulatorResults();
        drain(w, windows);
        drain(a, alerts);
        drain(l, late);
        drain(r, rejected);
        if (d != null) {
            drain(d, deliveries);
        }
    }

    long counter(String name) {
        Object v = accumulators.get(name);
        return v == null ? 0L : ((Number) v).longValue();
    }

    private static void drain(CloseableIterator<String> it, List<JsonNode> into) throws Exception {
        try (it) {
            for (Iterator<String> i = it; i.hasNext();) {
                into.add(JSON.readTree(i.next()));
            }
        }
    }
}
