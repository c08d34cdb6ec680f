package dev.candor.flink;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Flink's incremental window aggregation over a {@link WindowAggregation}: each event is added to the
 * window's accumulator as it arrives, so a window's state is one accumulator, never its events.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public final class WindowAccumulate<A> implements AggregateFunction<PredictionEvent, A, A> {

    private static final long serialVersionUID = 1L;

    private final WindowAggregation<A> aggregation;

    /** @param aggregation the window summary */
    public WindowAccumulate(WindowAggregation<A> aggregation) {
        this.aggregation = aggregation;
    }

    @Override
    public A createAccumulator() {
        return aggregation.create();
    }

    @Override
    public A add(PredictionEvent value, A accumulator) {
        aggregation.add(accumulator, value);
        return accumulator;
    }

    @Override
    public A getResult(A accumulator) {
        return accumulator;
    }

    @Override
    public A merge(A a, A b) {
        return aggregation.merge(a, b);
    }
}
