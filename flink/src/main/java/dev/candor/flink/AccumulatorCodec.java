package dev.candor.flink;

import java.io.Serializable;

/**
 * Turns an accumulator into bytes and back, for Flink's state serializer ({@link AccumulatorSerializer}):
 * checkpoints and savepoints hold these bytes.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public interface AccumulatorCodec<A> extends Serializable {

    /** @return the accumulator's class */
    Class<A> type();

    /** @param acc an accumulator @return its bytes */
    byte[] encode(A acc);

    /** @param bytes bytes made by {@link #encode} @return the accumulator */
    A decode(byte[] bytes);
}
