package dev.candor.flink;

import java.io.Serializable;
import java.util.Map;

/**
 * How the job summarises a window: a mergeable accumulator (created empty, fed one event at a time,
 * merged by addition) and its evaluation into the window object written as one JSON line. The
 * accumulator is all the state a window keeps, so checkpoints hold exactly these values and a restart
 * from one loses nothing and counts nothing twice.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public interface WindowAggregation<A> extends Serializable {

    /** @return an empty accumulator */
    A create();

    /**
     * @param acc   the accumulator, updated in place
     * @param event an event of the window
     */
    void add(A acc, PredictionEvent event);

    /**
     * @param a an accumulator
     * @param b another of the same window kind
     * @return the accumulator of both inputs' events together
     */
    A merge(A a, A b);

    /**
     * @param acc    the window's accumulator
     * @param bounds the window's span
     * @return the window object: plain numbers, strings, booleans, lists and maps, in output order;
     *         an undefined number is {@code null} with its reason beside it
     */
    Map<String, Object> evaluate(A acc, WindowBounds bounds);

    /** @return the codec Flink's state serializer uses for the accumulator */
    AccumulatorCodec<A> codec();
}
