package dev.candor.flink;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks emitted as soon as an event advances them: the watermark is
 * {@code max event time seen - bound - 1}, as in Flink's periodic generator, but it does not wait for
 * the periodic timer. So whether an event is late depends only on the order of the events, never on
 * how fast they arrive, and a replayed stream gives the same windows and the same late events.
 *
 * @since 0.2.0
 */
public final class PerEventWatermarks implements WatermarkGenerator<PredictionEvent> {

    private final long bound;
    private long max;
    private long emitted = Long.MIN_VALUE;

    /** @param bound the largest delay (event-time units) an event may have and still be on time */
    public PerEventWatermarks(long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("out-of-orderness bound must be >= 0: " + bound);
        }
        this.bound = bound;
        this.max = Long.MIN_VALUE + bound + 1;
    }

    @Override
    public void onEvent(PredictionEvent event, long timestamp, WatermarkOutput output) {
        if (timestamp > max) {
            max = timestamp;
            long w = max - bound - 1;
            if (w > emitted) {
                emitted = w;
                output.emitWatermark(new Watermark(w));
            }
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // every advance is emitted in onEvent
    }
}
