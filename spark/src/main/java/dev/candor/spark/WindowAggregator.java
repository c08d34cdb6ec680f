package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.monitor.window.WindowProfile;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark {@link Aggregator} of a distributed monitor window: each row of
 * {@link MonitorColumns#inputColumns()} is added to the monitor's {@link WindowProfile}, and partial
 * profiles merge with {@link WindowProfile#merge} (concatenation and addition, in any order; the
 * profile evaluates its rows in a canonical order, so the result does not depend on partitioning).
 * Used per window key with {@code groupByKey(...).agg(...)}.
 *
 * @since 0.2.0
 */
public final class WindowAggregator extends Aggregator<Row, WindowProfile, WindowProfile> {

    private static final long serialVersionUID = 1L;

    private final MonitorColumns columns;

    /**
     * @param columns where the fields are
     */
    public WindowAggregator(MonitorColumns columns) {
        this.columns = columns;
    }

    @Override
    public WindowProfile zero() {
        return new WindowProfile(columns.schema());
    }

    @Override
    public WindowProfile reduce(WindowProfile b, Row r) {
        try {
            return b.add(columns.row(r));
        } catch (IllegalArgumentException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            throw new BadInputException(e.getMessage(), e);
        }
    }

    @Override
    public WindowProfile merge(WindowProfile b1, WindowProfile b2) {
        return b1.merge(b2);
    }

    @Override
    public WindowProfile finish(WindowProfile reduction) {
        return reduction;
    }

    @Override
    public Encoder<WindowProfile> bufferEncoder() {
        return Encoders.javaSerialization(WindowProfile.class);
    }

    @Override
    public Encoder<WindowProfile> outputEncoder() {
        return Encoders.javaSerialization(WindowProfile.class);
    }

    /** The latest date (epoch day) of a window's rows, for the completeness of calendar windows. */
    static final class LastDay extends Aggregator<Row, Long, Long> {

        private static final long serialVersionUID = 1L;

        private final MonitorColumns columns;

        LastDay(MonitorColumns columns) {
            this.columns = columns;
        }

        @Override
        public Long zero() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long reduce(Long b, Row r) {
            if (columns.time() == null) {
                return b;
            }
            long day = CandorSpark.day(columns, r).toEpochDay();
            return Math.max(b, day);
        }

        @Override
        public Long merge(Long b1, Long b2) {
            return Math.max(b1, b2);
        }

        @Override
        public Long finish(Long reduction) {
            return reduction;
        }

        @Override
        public Encoder<Long> bufferEncoder() {
            return Encoders.LONG();
        }

        @Override
        public Encoder<Long> outputEncoder() {
            return Encoders.LONG();
        }
    }
}
