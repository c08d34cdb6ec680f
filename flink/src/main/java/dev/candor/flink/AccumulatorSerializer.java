package dev.candor.flink;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * Flink's state serializer for a window accumulator: a length-prefixed byte block made by the
 * accumulator's {@link AccumulatorCodec}. Checkpoints and savepoints hold these blocks, so the state
 * format is the accumulator's own plain representation and never depends on Kryo's view of its
 * fields.
 *
 * @param <A> the accumulator
 * @since 0.2.0
 */
public final class AccumulatorSerializer<A> extends TypeSerializer<A> {

    private static final long serialVersionUID = 1L;

    private final AccumulatorCodec<A> codec;

    /** @param codec the accumulator's codec */
    public AccumulatorSerializer(AccumulatorCodec<A> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<A> duplicate() {
        return this;
    }

    @Override
    public A createInstance() {
        return null;
    }

    @Override
    public A copy(A from) {
        return from == null ? null : codec.decode(codec.encode(from));
    }

    @Override
    public A copy(A from, A reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(A record, DataOutputView target) throws IOException {
        byte[] b = codec.encode(record);
        target.writeInt(b.length);
        target.write(b);
    }

    @Override
    public A deserialize(DataInputView source) throws IOException {
        byte[] b = new byte[source.readInt()];
        source.readFully(b);
        return codec.decode(b);
    }

    @Override
    public A deserialize(A reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int n = source.readInt();
        target.writeInt(n);
        target.write(source, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccumulatorSerializer<?> s && s.codec.type().equals(codec.type());
    }

    @Override
    public int hashCode() {
        return codec.type().hashCode();
    }

    @Override
    public TypeSerializerSnapshot<A> snapshotConfiguration() {
        return new Snapshot<>(codec);
    }

    /**
     * The serializer's snapshot: the codec itself, Java-serialized, so a restored job decodes its
     * state with the codec that wrote it.
     *
     * @param <A> the accumulator
     */
    public static final class Snapshot<A> implements TypeSerializerSnapshot<A> {

        private AccumulatorCodec<A> codec;

        /** For Flink, which reads the codec back with {@link #readSnapshot}. */
        public Snapshot() {
        }

        Snapshot(AccumulatorCodec<A> codec) {
            this.codec = codec;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            byte[] b = InstantiationUtil.serializeObject(codec);
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            try {
                codec = InstantiationUtil.deserializeObject(b, loader);
            } catch (ClassNotFoundException e) {
                throw new IOException("the accumulator codec of this state is not on the class path", e);
            }
        }

        @Override
        public TypeSerializer<A> restoreSerializer() {
            return new AccumulatorSerializer<>(codec);
        }

        @Override
        public TypeSerializerSchemaCompatibility<A> resolveSchemaCompatibility(TypeSerializerSnapshot<A> old) {
            return old instanceof Snapshot<?> s && s.codec.type().equals(codec.type())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
