package dev.candor.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Appends each element as one line to a local file, flushed at every checkpoint and at the end of the
 * input: the window results of a single-machine run ({@code --out windows.jsonl}), late events and
 * rejected lines. Run it with parallelism 1. On a cluster, write to a distributed file system with
 * Flink's {@code FileSink} instead.
 *
 * <p>Delivery is at least once: after a restart from a checkpoint, the lines written between that
 * checkpoint and the failure are written again (a window line repeats with the same {@code key} and
 * {@code firing}); the window state itself is restored exactly.
 *
 * @since 0.2.0
 */
public final class JsonLinesSink implements Sink<String> {

    private static final long serialVersionUID = 1L;

    private final String file;

    /** @param file the file to append to (created when absent) */
    public JsonLinesSink(Path file) {
        this.file = file.toAbsolutePath().toString();
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        Path p = Path.of(file);
        if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
        }
        BufferedWriter out = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return new SinkWriter<>() {
            @Override
            public void write(String element, Context ctx) throws IOException {
                out.write(element);
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
