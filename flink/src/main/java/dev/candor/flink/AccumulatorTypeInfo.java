package dev.candor.flink;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a window accumulator, serialized through its {@link AccumulatorCodec}
 * by an {@link AccumulatorSerializer}.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public final class AccumulatorTypeInfo<A> extends TypeInformation<A> {

    private static final long serialVersionUID = 1L;

    private final AccumulatorCodec<A> codec;

    /** @param codec the accumulator's codec */
    public AccumulatorTypeInfo(AccumulatorCodec<A> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<A> getTypeClass() {
        return codec.type();
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<A> createSerializer(SerializerConfig config) {
        return new AccumulatorSerializer<>(codec);
    }

    @Override
    public String toString() {
        return "Accumulator<" + codec.type().getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccumulatorTypeInfo<?> t && t.codec.type().equals(codec.type());
    }

    @Override
    public int hashCode() {
        return codec.type().hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof AccumulatorTypeInfo;
    }
}
