package org.xbarlab.core.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

/**
 * Writes labelled state records: each record is its label, a type tag and the value (arrays with their length, or
 * {@code -1} for null), big-endian. {@link StateReader} reads them back in the same order and checks every label,
 * type and length. Arrays are converted in blocks of 64 kB, so writing a chip's conductances runs at disk speed.
 *
 * <p>Not thread-safe; one checkpoint at a time.
 */
public final class StateWriter {

    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte DOUBLE = 3;
    static final byte BOOLEAN = 4;
    static final byte FLOATS = 5;
    static final byte DOUBLES = 6;
    static final byte INTS = 7;
    static final byte BYTES = 8;
    static final byte LONGS = 9;
    static final byte STRING = 10;
    static final byte RANDOM = 11;
    static final byte SECTION = 12;

    /** Bytes converted per block of an array. */
    static final int BLOCK_BYTES = 1 << 16;

    private final DataOutputStream out;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES).order(ByteOrder.BIG_ENDIAN);

    /**
     * @param out the stream records go to (buffer it); not closed by this writer
     */
    public StateWriter(OutputStream out) {
        this.out = new DataOutputStream(Objects.requireNonNull(out, "out"));
    }

    /**
     * Writes a section mark followed by the object's state.
     *
     * @param label the section's name
     * @param state the object, not null
     */
    public void writeState(String label, Stateful state) {
        Objects.requireNonNull(state, "state");
        header(label, SECTION);
        state.saveState(this);
    }

    /** @param label the record's name @param value the value */
    public void writeInt(String label, int value) {
        header(label, INT);
        io(() -> out.writeInt(value));
    }

    /** @param label the record's name @param value the value */
    public void writeLong(String label, long value) {
        header(label, LONG);
        io(() -> out.writeLong(value));
    }

    /** @param label the record's name @param value the value, bit for bit (NaN payloads included) */
    public void writeDouble(String label, double value) {
        header(label, DOUBLE);
        io(() -> out.writeLong(Double.doubleToRawLongBits(value)));
    }

    /** @param label the record's name @param value the value */
    public void writeBoolean(String label, boolean value) {
        header(label, BOOLEAN);
        io(() -> out.writeBoolean(value));
    }

    /** @param label the record's name @param value the value, may be null */
    public void writeString(String label, String value) {
        header(label, STRING);
        io(() -> {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeUTF(value);
            }
        });
    }

    /** @param label the record's name @param values the array, may be null; not modified */
    public void writeFloats(String label, float[] values) {
        header(label, FLOATS);
        length(values == null ? -1 : values.length);
        if (values != null) {
            for (int from = 0; from < values.length; from += BLOCK_BYTES / 4) {
                int count = Math.min(BLOCK_BYTES / 4, values.length - from);
                block.clear();
                block.asFloatBuffer().put(values, from, count);
                bytes(count * 4);
            }
        }
    }

    /** @param label the record's name @param values the array, may be null; not modified */
    public void writeDoubles(String label, double[] values) {
        header(label, DOUBLES);
        length(values == null ? -1 : values.length);
        if (values != null) {
            for (int from = 0; from < values.length; from += BLOCK_BYTES / 8) {
                int count = Math.min(BLOCK_BYTES / 8, values.length - from);
                block.clear();
                block.asDoubleBuffer().put(values, from, count);
                bytes(count * 8);
            }
        }
    }

    /** @param label the record's name @param values the array, may be null; not modified */
    public void writeInts(String label, int[] values) {
        header(label, INTS);
        length(values == null ? -1 : values.length);
        if (values != null) {
            for (int from = 0; from < values.length; from += BLOCK_BYTES / 4) {
                int count = Math.min(BLOCK_BYTES / 4, values.length - from);
                block.clear();
                block.asIntBuffer().put(values, from, count);
                bytes(count * 4);
            }
        }
    }

    /** @param label the record's name @param values the array, may be null; not modified */
    public void writeLongs(String label, long[] values) {
        header(label, LONGS);
        length(values == null ? -1 : values.length);
        if (values != null) {
            for (int from = 0; from < values.length; from += BLOCK_BYTES / 8) {
                int count = Math.min(BLOCK_BYTES / 8, values.length - from);
                block.clear();
                block.asLongBuffer().put(values, from, count);
                bytes(count * 8);
            }
        }
    }

    /** @param label the record's name @param values the array, may be null; not modified */
    public void writeBytes(String label, byte[] values) {
        header(label, BYTES);
        length(values == null ? -1 : values.length);
        if (values != null) {
            io(() -> out.write(values));
        }
    }

    /**
     * Writes a generator's position.
     *
     * @param label the record's name
     * @param random the generator, as created by {@code RngStreams.stream}; may be null
     * @throws IllegalArgumentException if the generator cannot save its state
     */
    public void writeRandom(String label, UniformRandomProvider random) {
        header(label, RANDOM);
        if (random == null) {
            length(-1);
            return;
        }
        if (!(random instanceof RestorableUniformRandomProvider restorable)) {
            throw new IllegalArgumentException(label + ": the generator " + random.getClass().getName()
                    + " cannot save its state");
        }
        byte[] state = ((RandomProviderDefaultState) restorable.saveState()).getState();
        length(state.length);
        io(() -> out.write(state));
    }

    /** Pushes buffered records to the underlying stream. */
    public void flush() {
        io(out::flush);
    }

    private void header(String label, byte type) {
        Objects.requireNonNull(label, "label");
        io(() -> {
            out.writeUTF(label);
            out.writeByte(type);
        });
    }

    private void length(int length) {
        io(() -> out.writeInt(length));
    }

    private void bytes(int count) {
        io(() -> out.write(block.array(), 0, count));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint: " + e.getMessage(), e);
        }
    }
}
