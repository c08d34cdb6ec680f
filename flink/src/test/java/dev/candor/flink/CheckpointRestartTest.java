package dev.candor.flink;

import static dev.candor.flink.JsonAssert.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.monitor.window.WindowProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that fails mid-stream, after a checkpoint taken inside a window, and restarts from that
 * checkpoint gives every window exactly as the batch summary of the same rows: no event lost, none
 * counted twice.
 */
class CheckpointRestartTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** Slows down from row 22000 until a checkpoint completes, then fails once. */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<String, String> implements CheckpointListener, CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        static volatile boolean slowing;
        static volatile boolean checkpointed;
        static volatile boolean failed;
        static volatile long failedAtRow = -1;
        static volatile long firstRowAfterRestart = -1;

        @Override
        public String map(String line) throws Exception {
            int comma = line.indexOf(',');
            if (failed && firstRowAfterRestart < 0 && comma > 0 && Character.isDigit(line.charAt(0))) {
                firstRowAfterRestart = Long.parseLong(line.substring(0, comma));
            }
            if (!failed && comma > 0 && Character.isDigit(line.charAt(0))
                    && Long.parseLong(line.substring(0, comma)) >= 22_000) {
                if (checkpointed) {
                    failed = true;
                    failedAtRow = Long.parseLong(line.substring(0, comma));
                    throw new IllegalStateException("failure injected after a checkpoint");
                }
                slowing = true;
                Thread.sleep(1);
            }
            return line;
        }

        static volatile long firstSlowCheckpoint = -1;

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (slowing && firstSlowCheckpoint < 0) {
                firstSlowCheckpoint = context.getCheckpointId();   // its barrier passed row 22000
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
            // no state of its own
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (firstSlowCheckpoint >= 0 && checkpointId >= firstSlowCheckpoint) {
                checkpointed = true;
            }
        }
    }

    @Test
    void aJobRestartedFromACheckpointMidStreamGivesTheSameWindows(@TempDir Path dir) throws Exception {
        BankStream bank = BankStream.get();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(100);
        DataStream<String> lines = MonitorJobTest.fileSource(env,
                java.nio.file.Files.write(dir.resolve("log.csv"), bank.streamLines(BankStream.REFERENCE_ROWS, 30_000))).map(new FailOnceAfterCheckpoint());
        MonitorJob<WindowProfile> job = MonitorJob.builder(bank.parser, bank.monitor)
                .rowWindows(BankStream.CHUNK).build();
        JobRun run = new JobRun(env, job.attach(lines), null);

        assertThat(FailOnceAfterCheckpoint.failed).as("the job failed once").isTrue();
        assertThat(FailOnceAfterCheckpoint.failedAtRow).as("inside window [20000:24999]").isBetween(22_000L, 24_999L);
        assertThat(FailOnceAfterCheckpoint.firstRowAfterRestart).as("the source resumed from a checkpoint inside window [20000:24999], not from the start")
                .isBetween(22_000L, FailOnceAfterCheckpoint.failedAtRow);
        assertThat(run.windows).hasSize(4);
        run.windows.sort((a, b) -> Long.compare(a.get("start").asLong(), b.get("start").asLong()));
        List<JsonNode> batch = bank.batchWindows(BankStream.REFERENCE_ROWS, bank.rows());
        for (int i = 0; i < 4; i++) {
            JsonNode w = run.windows.get(i);
            com.fasterxml.jackson.databind.node.ObjectNode expected = batch.get(i).deepCopy();
            expected.remove("alerts");
            assertClose(w.get("key").asText(), expected, MonitorJobTest.withoutStreamKeys(w));
            assertThat(w.get("alerts")).hasSize(batch.get(i).get("alerts").size());
        }
        assertThat(run.windows.get(2).get("rows").asLong()).isEqualTo(5_000);
        List<Long> rows = run.windows.stream().map(w -> w.get("rows").asLong()).toList();
        assertThat(rows.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000);
    }
}
