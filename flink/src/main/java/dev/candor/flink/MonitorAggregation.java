package dev.candor.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.monitor.window.CalendarPeriod;
import dev.candor.monitor.window.Monitor;
import dev.candor.monitor.window.MonitorData;
import dev.candor.monitor.window.MonitorReference;
import dev.candor.monitor.window.Window;
import dev.candor.monitor.window.WindowProfile;
import dev.candor.monitor.window.WindowResult;
import dev.candor.monitor.window.WindowRow;
import dev.candor.monitor.window.WindowSchema;
import dev.candor.monitor.window.Windowing;
import dev.candor.report.MonitorJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The batch window monitor's own accumulator and evaluation in the stream: each window's state is a
 * {@link WindowProfile} (filled one event at a time, merged by concatenation and addition), and a
 * closed window is evaluated against the prepared {@link MonitorReference} into the same
 * {@link WindowResult} that {@code candor monitor} produces, with the same rules and thresholds; the
 * window object is {@link MonitorJson#window}, the element of {@code candor monitor}'s
 * {@code windows}. No statistic is computed here.
 *
 * <p>Events are laid out as {@link WindowRow}s by the {@link EventSchema}: the row index is the
 * event time (the row number of a row-ordered log), labels and predictions are 1 when equal to the
 * favorable value, 0 otherwise, and -1 when missing; a missing score is {@code NaN}.
 *
 * @since 0.2.0
 */
public final class MonitorAggregation implements WindowAggregation<WindowProfile> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSchema events;
    private final int chunkSize;
    private final CalendarPeriod period;
    private final MonitorReference reference;
    private final transient Monitor monitor;

    /**
     * The reference is prepared once, here, where the job is built (chunks, CBPE calibration,
     * thresholds), and the prepared {@link MonitorReference} travels with the job graph by Java
     * serialization; the tasks never see the reference events.
     *
     * @param events          the event columns and roles
     * @param referenceEvents the reference period's events, in log order
     * @param chunkSize       rows per window ({@code --chunk-size}), or 0 with a calendar period
     * @param period          the calendar period ({@code --window}), or {@code null} with a chunk size
     * @param bootstrap       fairness bootstrap resamples per window (0 for none)
     */
    public MonitorAggregation(EventSchema events, List<PredictionEvent> referenceEvents, int chunkSize,
            CalendarPeriod period, int bootstrap) {
        if ((chunkSize > 0) == (period != null)) {
            throw new IllegalArgumentException("give either a chunk size or a calendar period");
        }
        this.events = events;
        this.chunkSize = chunkSize;
        this.period = period;
        this.monitor = prepare(events, referenceEvents, windowing(), bootstrap);
        this.reference = monitor.reference();
    }

    /** @return the windowing the reference chunks (and the batch monitor) use */
    public Windowing windowing() {
        return period == null ? Windowing.bySize(chunkSize) : Windowing.byPeriod(period);
    }

    /**
     * @return the batch monitor prepared on the reference events (on the instance built on the
     *         client; a deserialized copy carries only the prepared reference)
     * @throws IllegalStateException on a deserialized copy
     */
    public Monitor monitor() {
        if (monitor == null) {
            throw new IllegalStateException("the batch monitor stays where the aggregation was built; "
                    + "use reference() here");
        }
        return monitor;
    }

    /**
     * @param schema the window schema (features and protected attributes)
     * @param events the event columns and roles
     * @param e      an event
     * @return the event as a window row
     */
    static WindowRow row(WindowSchema schema, EventSchema events, PredictionEvent e) {
        double[] num = new double[schema.numeric().size()];
        for (int i = 0; i < num.length; i++) {
            String v = e.values[events.indexOf(schema.numeric().get(i))];
            num[i] = v == null ? Double.NaN : Double.parseDouble(v);
        }
        String[] cat = new String[schema.categorical().size()];
        for (int i = 0; i < cat.length; i++) {
            cat[i] = e.values[events.indexOf(schema.categorical().get(i))];
        }
        String[] g = new String[schema.protectedAttributes().size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = e.values[events.indexOf(schema.protectedAttributes().get(i))];
        }
        String y = events.label() == null ? null : e.values[events.indexOf(events.label())];
        String p = events.prediction() == null ? null : e.values[events.indexOf(events.prediction())];
        String s = events.score() == null ? null : e.values[events.indexOf(events.score())];
        return new WindowRow(e.timestamp, num, cat, binary(y, events.favorable()),
                s == null ? Double.NaN : Double.parseDouble(s), binary(p, events.favorable()), g);
    }

    private static int binary(String v, String favorable) {
        if (v == null) {
            return WindowRow.MISSING;
        }
        if (v.equals(favorable)) {
            return 1;
        }
        try {
            return Double.parseDouble(v) == Double.parseDouble(favorable) ? 1 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the prepared reference */
    public MonitorReference reference() {
        return reference;
    }

    @Override
    public WindowProfile create() {
        return new WindowProfile(windowSchema(events));
    }

    @Override
    public void add(WindowProfile acc, PredictionEvent event) {
        acc.add(row(windowSchema(events), events, event));
    }

    @Override
    public WindowProfile merge(WindowProfile a, WindowProfile b) {
        return a.merge(b);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> evaluate(WindowProfile acc, WindowBounds bounds) {
        Window w = bounds.rowWindow()
                ? Window.ofRows(acc.firstRow(), acc.lastRow(), bounds.complete(acc.rows()))
                : new Window(bounds.key(acc.lastRow()), bounds.start(), bounds.end(), acc.rows(), true);
        WindowResult result = acc.evaluate(reference(), w);
        return JSON.convertValue(MonitorJson.window(result), Map.class);
    }

    @Override
    public AccumulatorCodec<WindowProfile> codec() {
        return new Codec();
    }

    /** Java serialization of {@link WindowProfile} (which is {@link java.io.Serializable}). */
    static final class Codec implements AccumulatorCodec<WindowProfile> {
        private static final long serialVersionUID = 1L;

        @Override
        public Class<WindowProfile> type() {
            return WindowProfile.class;
        }

        @Override
        public byte[] encode(WindowProfile acc) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(acc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public WindowProfile decode(byte[] bytes) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                return (WindowProfile) in.readObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("WindowProfile is not on the class path", e);
            }
        }
    }

    /**
     * @param events the event columns and roles
     * @return the window schema: the events' numeric and categorical features and protected attributes
     */
    public static WindowSchema windowSchema(EventSchema events) {
        return new WindowSchema(events.numeric(), events.categorical(), events.protectedAttributes());
    }

    /**
     * Prepares the batch monitor on reference events, laid out as the stream's rows will be.
     *
     * @param events    the event columns and roles
     * @param reference the reference events, in log order
     * @param windowing how the reference is cut into chunks for the thresholds (as the stream's windows)
     * @param bootstrap fairness bootstrap resamples (0 for none)
     * @return the monitor, whose {@link Monitor#reference()} the stream evaluates against
     */
    public static Monitor prepare(EventSchema events, List<PredictionEvent> reference, Windowing windowing, int bootstrap) {
        WindowSchema schema = windowSchema(events);
        List<WindowRow> rows = new ArrayList<>(reference.size());
        List<String> times = new ArrayList<>(reference.size());
        int t = events.indexOf(events.timeColumn());
        for (PredictionEvent e : reference) {
            rows.add(row(schema, events, e));
            times.add(e.values[t]);
        }
        Monitor.Builder b = Monitor.builder(new MonitorData(schema, rows, windowing.needsTime() ? times : null))
                .windowing(windowing).bootstrap(bootstrap).model(events.modelName());
        events.privileged().forEach(b::privileged);
        return b.build();
    }
}
