package dev.candor.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The monitoring job's topology, attached to a stream of input lines:
 * <ol>
 *   <li>lines are read into {@link PredictionEvent}s; a line that cannot be read goes to the
 *       {@link #REJECTED} output with the reason (counted in the {@code rejected-lines} accumulator);</li>
 *   <li>event-time timestamps with bounded out-of-orderness watermarks ({@link PerEventWatermarks});</li>
 *   <li>keyed by model (and segment), tumbling or sliding event-time windows with a configurable
 *       allowed lateness; events later than that go to {@link #LATE}, are counted in the
 *       {@code late-events} accumulator and written out, never silently dropped;</li>
 *   <li>each window's state is one accumulator of the {@link WindowAggregation}
 *       ({@link WindowAccumulate}); {@link WindowEvaluate} turns it into the window object, checks
 *       the alert rules ({@link #ALERTS}) and publishes gauges.</li>
 * </ol>
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public final class MonitorJob<A> {

    /** Events later than the allowed lateness. */
    public static final OutputTag<PredictionEvent> LATE = new OutputTag<>("late-events",
            TypeInformation.of(PredictionEvent.class));
    /** Lines that could not be read, as JSON {@code {"error": ..., "line": ...}}. */
    public static final OutputTag<String> REJECTED = new OutputTag<>("rejected-lines", Types.STRING);
    /** Alerts, as JSON objects (the {@code alerts} entries of the window objects). */
    public static final OutputTag<String> ALERTS = new OutputTag<>("alerts", Types.STRING);

    /** Name of the accumulator counting late events. */
    public static final String LATE_EVENTS = "late-events";
    /** Name of the accumulator counting rejected lines. */
    public static final String REJECTED_LINES = "rejected-lines";

    private final EventParser parser;
    private final WindowAggregation<A> aggregation;
    private final long size;
    private final long slide;
    private final long offset;
    private final boolean rowWindows;
    private final CalendarWindows calendar;
    private final long outOfOrderness;
    private final long allowedLateness;
    private final List<AlertRule> rules;

    private MonitorJob(Builder<A> b) {
        this.parser = Objects.requireNonNull(b.parser, "parser");
        this.aggregation = Objects.requireNonNull(b.aggregation, "aggregation");
        if (b.calendar == null && b.size <= 0) {
            throw new IllegalArgumentException("window size must be positive: " + b.size);
        }
        this.size = b.size;
        this.slide = b.slide <= 0 ? b.size : b.slide;
        if (b.calendar != null && b.slide > 0) {
            throw new IllegalArgumentException("calendar windows do not slide");
        }
        if (slide > size) {
            throw new IllegalArgumentException("window slide " + slide + " is larger than its size " + size);
        }
        this.offset = b.offset;
        this.rowWindows = b.rowWindows;
        this.calendar = b.calendar;
        this.outOfOrderness = b.outOfOrderness;
        this.allowedLateness = b.allowedLateness;
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("allowed lateness must be >= 0: " + allowedLateness);
        }
        this.rules = List.copyOf(b.rules);
    }

    /**
     * @param parser      reads the input lines
     * @param aggregation the window summary
     * @param <A>         its accumulator
     * @return a builder
     */
    public static <A> Builder<A> builder(EventParser parser, WindowAggregation<A> aggregation) {
        return new Builder<>(parser, aggregation);
    }

    /**
     * The job's outputs.
     *
     * @param windows  one JSON line per window firing
     * @param alerts   one JSON object per breach
     * @param late     events later than the allowed lateness, as JSON lines (counted)
     * @param rejected lines that could not be read, as JSON lines (counted)
     */
    public record Outputs(DataStream<String> windows, DataStream<String> alerts, DataStream<String> late,
            DataStream<String> rejected) {
    }

    /**
     * @param lines the input lines (CSV records or JSON objects)
     * @return the outputs
     */
    public Outputs attach(DataStream<String> lines) {
        SingleOutputStreamOperator<PredictionEvent> events = lines.process(new Parse(parser))
                .returns(TypeInformation.of(PredictionEvent.class)).name("read events");
        return attachEvents(events, events.getSideOutput(REJECTED));
    }

    /**
     * @param events   prediction events (timestamps are taken from the events)
     * @param rejected the rejected lines of the reading step
     * @return the outputs
     */
    public Outputs attachEvents(DataStream<PredictionEvent> events, DataStream<String> rejected) {
        long bound = outOfOrderness;
        WatermarkStrategy<PredictionEvent> watermarks = WatermarkStrategy
                .<PredictionEvent>forGenerator(ctx -> new PerEventWatermarks(bound))
                .withTimestampAssigner((e, previous) -> e.timestamp);
        AccumulatorTypeInfo<A> accType = new AccumulatorTypeInfo<>(aggregation.codec());
        SingleOutputStreamOperator<String> windows = events.assignTimestampsAndWatermarks(watermarks)
                .name("event time").keyBy(PredictionEvent::key, Types.STRING)
                .window(assigner())
                .allowedLateness(Duration.ofMillis(allowedLateness))
                .sideOutputLateData(LATE)
                .aggregate(new WindowAccumulate<>(aggregation), new WindowEvaluate<>(aggregation, rowWindows, rules, calendar),
                        accType, accType, Types.STRING)
                .name("window monitor");
        DataStream<String> late = windows.getSideOutput(LATE).map(new CountLate()).name("count late events");
        DataStream<String> rejectedOut = rejected.map(new Count(REJECTED_LINES)).name("count rejected lines");
        return new Outputs(windows, windows.getSideOutput(ALERTS), late, rejectedOut);
    }

    private WindowAssigner<Object, TimeWindow> assigner() {
        if (calendar != null) {
            return calendar;
        }
        return slide == size
                ? TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset))
                : SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
    }

    /** Reads lines; sends unreadable ones, with the reason, to {@link #REJECTED}. */
    static final class Parse extends ProcessFunction<String, PredictionEvent> {
        private static final long serialVersionUID = 1L;
        private final EventParser parser;

        Parse(EventParser parser) {
            this.parser = parser;
        }

        @Override
        public void processElement(String line, Context ctx, Collector<PredictionEvent> out) {
            try {
                parser.parse(line).ifPresent(out::collect);
            } catch (EventFormatException e) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("error", e.getMessage());
                m.put("line", e.line());
                ctx.output(REJECTED, WindowEvaluate.json(m));
            }
        }
    }

    /** Counts elements in a job accumulator and a metric counter, passing them on. */
    static class Count extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private transient LongCounter total;
        private transient Counter counter;

        Count(String name) {
            this.name = name;
        }

        @Override
        public void open(OpenContext context) {
            total = new LongCounter();
            getRuntimeContext().addAccumulator(name, total);
            counter = getRuntimeContext().getMetricGroup().counter(name.replace('-', '_'));
        }

        @Override
        public String map(String value) {
            total.add(1L);
            counter.inc();
            return value;
        }
    }

    /** Counts late events and writes each as a JSON line: model, segment, timestamp and values. */
    static final class CountLate extends RichMapFunction<PredictionEvent, String> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter total;
        private transient Counter counter;

        @Override
        public void open(OpenContext context) {
            total = new LongCounter();
            getRuntimeContext().addAccumulator(LATE_EVENTS, total);
            counter = getRuntimeContext().getMetricGroup().counter("late_events");
        }

        @Override
        public String map(PredictionEvent e) {
            total.add(1L);
            counter.inc();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", e.model);
            m.put("segment", e.segment);
            m.put("timestamp", e.timestamp);
            m.put("values", new ArrayList<>(java.util.Arrays.asList(e.values)));
            return WindowEvaluate.json(m);
        }
    }

    /**
     * The job's settings; sizes, slides, offsets, bounds and lateness are in event-time units
     * (milliseconds, or rows for a row-ordered stream).
     *
     * @param <A> the accumulator
     */
    public static final class Builder<A> {
        private final EventParser parser;
        private final WindowAggregation<A> aggregation;
        private long size;
        private long slide;
        private long offset;
        private boolean rowWindows;
        private CalendarWindows calendar;
        private long outOfOrderness;
        private long allowedLateness;
        private final List<AlertRule> rules = new ArrayList<>();

        private Builder(EventParser parser, WindowAggregation<A> aggregation) {
            this.parser = parser;
            this.aggregation = aggregation;
        }

        /** @param rows windows of this many rows of a row-ordered stream (the time column numbers rows) @return this */
        public Builder<A> rowWindows(long rows) {
            this.size = rows;
            this.rowWindows = true;
            return this;
        }

        /** @param d tumbling windows of this duration @return this */
        public Builder<A> timeWindows(Duration d) {
            this.size = d.toMillis();
            this.rowWindows = false;
            return this;
        }

        /** @param period tumbling windows of this calendar period (UTC), keyed as the batch monitor keys them @return this */
        public Builder<A> calendarWindows(dev.candor.monitor.window.CalendarPeriod period) {
            this.calendar = new CalendarWindows(period);
            this.rowWindows = false;
            return this;
        }

        /** @param s slide (sliding windows when smaller than the size) @return this */
        public Builder<A> slide(long s) {
            this.slide = s;
            return this;
        }

        /** @param o offset of the window grid from 0 @return this */
        public Builder<A> offset(long o) {
            this.offset = o;
            return this;
        }

        /** @param bound largest out-of-orderness still on time @return this */
        public Builder<A> outOfOrderness(long bound) {
            this.outOfOrderness = bound;
            return this;
        }

        /** @param lateness how long after its end a window still accepts (and re-emits for) late events @return this */
        public Builder<A> allowedLateness(long lateness) {
            this.allowedLateness = lateness;
            return this;
        }

        /** @param r alert rules @return this */
        public Builder<A> rules(List<AlertRule> r) {
            rules.addAll(r);
            return this;
        }

        /** @return the job */
        public MonitorJob<A> build() {
            return new MonitorJob<>(this);
        }
    }
}
