package org.xbarlab.core.state;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

/**
 * Reads back what a {@link StateWriter} wrote, checking every record's label, type and length against what the
 * reading object expects; arrays are read into the object's own arrays, so their sizes are checked too. The first
 * mismatch ends the read with a {@link CheckpointException} naming the source, the record and both sides.
 *
 * <p>Not thread-safe.
 */
public final class StateReader {

    private final DataInputStream in;
    private final String source;
    private final ByteBuffer block = ByteBuffer.allocate(StateWriter.BLOCK_BYTES).order(ByteOrder.BIG_ENDIAN);

    /**
     * @param in the stream to read (buffer it); not closed by this reader
     * @param source the name errors give (the checkpoint file)
     */
    public StateReader(InputStream in, String source) {
        this.in = new DataInputStream(Objects.requireNonNull(in, "in"));
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads a section mark and then the object's state.
     *
     * @param label the expected section name
     * @param state the object to restore, not null
     */
    public void readState(String label, Stateful state) {
        Objects.requireNonNull(state, "state");
        header(label, StateWriter.SECTION);
        state.restoreState(this);
    }

    /** @param label the expected record name @return the value */
    public int readInt(String label) {
        header(label, StateWriter.INT);
        return io(label, in::readInt);
    }

    /** @param label the expected record name @return the value */
    public long readLong(String label) {
        header(label, StateWriter.LONG);
        return io(label, in::readLong);
    }

    /** @param label the expected record name @return the value, bit for bit */
    public double readDouble(String label) {
        header(label, StateWriter.DOUBLE);
        return Double.longBitsToDouble(io(label, in::readLong));
    }

    /** @param label the expected record name @return the value */
    public boolean readBoolean(String label) {
        header(label, StateWriter.BOOLEAN);
        return io(label, in::readBoolean);
    }

    /** @param label the expected record name @return the value, may be null */
    public String readString(String label) {
        header(label, StateWriter.STRING);
        return io(label, () -> in.readBoolean() ? in.readUTF() : null);
    }

    /**
     * Reads an array into {@code into}, which must have the written length (or be null if null was written).
     *
     * @param label the expected record name
     * @param into the object's array, overwritten
     */
    public void readFloats(String label, float[] into) {
        header(label, StateWriter.FLOATS);
        expectLength(label, into == null ? -1 : into.length);
        if (into != null) {
            for (int from = 0; from < into.length; from += StateWriter.BLOCK_BYTES / 4) {
                int count = Math.min(StateWriter.BLOCK_BYTES / 4, into.length - from);
                fill(label, count * 4);
                block.asFloatBuffer().get(into, from, count);
            }
        }
    }

    /**
     * Reads an array whose length the reader does not know in advance.
     *
     * @param label the expected record name
     * @return a new array, or null if null was written
     */
    public float[] readFloats(String label) {
        header(label, StateWriter.FLOATS);
        int length = readLength(label);
        if (length < 0) {
            return null;
        }
        float[] values = new float[length];
        for (int from = 0; from < length; from += StateWriter.BLOCK_BYTES / 4) {
            int count = Math.min(StateWriter.BLOCK_BYTES / 4, length - from);
            fill(label, count * 4);
            block.asFloatBuffer().get(values, from, count);
        }
        return values;
    }

    /** @param label the expected record name @param into the object's array (or null), overwritten */
    public void readDoubles(String label, double[] into) {
        header(label, StateWriter.DOUBLES);
        expectLength(label, into == null ? -1 : into.length);
        if (into != null) {
            for (int from = 0; from < into.length; from += StateWriter.BLOCK_BYTES / 8) {
                int count = Math.min(StateWriter.BLOCK_BYTES / 8, into.length - from);
                fill(label, count * 8);
                block.asDoubleBuffer().get(into, from, count);
            }
        }
    }

    /** @param label the expected record name @param into the object's array (or null), overwritten */
    public void readInts(String label, int[] into) {
        header(label, StateWriter.INTS);
        expectLength(label, into == null ? -1 : into.length);
        if (into != null) {
            for (int from = 0; from < into.length; from += StateWriter.BLOCK_BYTES / 4) {
                int count = Math.min(StateWriter.BLOCK_BYTES / 4, into.length - from);
                fill(label, count * 4);
                block.asIntBuffer().get(into, from, count);
            }
        }
    }

    /** @param label the expected record name @return a new array, or null if null was written */
    public int[] readInts(String label) {
        header(label, StateWriter.INTS);
        int length = readLength(label);
        if (length < 0) {
            return null;
        }
        int[] values = new int[length];
        for (int from = 0; from < length; from += StateWriter.BLOCK_BYTES / 4) {
            int count = Math.min(StateWriter.BLOCK_BYTES / 4, length - from);
            fill(label, count * 4);
            block.asIntBuffer().get(values, from, count);
        }
        return values;
    }

    /** @param label the expected record name @param into the object's array (or null), overwritten */
    public void readLongs(String label, long[] into) {
        header(label, StateWriter.LONGS);
        expectLength(label, into == null ? -1 : into.length);
        if (into != null) {
            for (int from = 0; from < into.length; from += StateWriter.BLOCK_BYTES / 8) {
                int count = Math.min(StateWriter.BLOCK_BYTES / 8, into.length - from);
                fill(label, count * 8);
                block.asLongBuffer().get(into, from, count);
            }
        }
    }

    /** @param label the expected record name @param into the object's array (or null), overwritten */
    public void readBytes(String label, byte[] into) {
        header(label, StateWriter.BYTES);
        expectLength(label, into == null ? -1 : into.length);
        if (into != null) {
            io(label, () -> {
                in.readFully(into);
                return null;
            });
        }
    }

    /**
     * Moves a generator to the written position.
     *
     * @param label the expected record name
     * @param random the generator of the same algorithm (null if null was written)
     */
    public void readRandom(String label, UniformRandomProvider random) {
        header(label, StateWriter.RANDOM);
        int length = readLength(label);
        if ((length < 0) != (random == null)) {
            throw mismatch(label, random == null ? "no generator" : "a generator",
                    length < 0 ? "none" : "one");
        }
        if (random == null) {
            return;
        }
        if (!(random instanceof RestorableUniformRandomProvider restorable)) {
            throw new IllegalArgumentException(label + ": the generator " + random.getClass().getName()
                    + " cannot restore its state");
        }
        byte[] state = new byte[length];
        io(label, () -> {
            in.readFully(state);
            return null;
        });
        try {
            restorable.restoreState(new RandomProviderDefaultState(state));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source + ": record '" + label + "' holds a generator state this "
                    + "generator cannot take (" + e.getMessage() + ")", e);
        }
    }

    private void header(String label, byte type) {
        String found = io(label, in::readUTF);
        byte foundType = io(label, in::readByte);
        if (!found.equals(label) || foundType != type) {
            throw mismatch(label, "record '" + label + "'", "record '" + found + "'"
                    + (foundType != type ? " of another type" : ""));
        }
    }

    private int readLength(String label) {
        return io(label, in::readInt);
    }

    private void expectLength(String label, int expected) {
        int found = readLength(label);
        if (found != expected) {
            throw mismatch(label, expected < 0 ? "no array" : expected + " values",
                    found < 0 ? "no array" : found + " values");
        }
    }

    private void fill(String label, int bytes) {
        io(label, () -> {
            in.readFully(block.array(), 0, bytes);
            return null;
        });
        block.clear();
        block.limit(bytes);
    }

    private CheckpointException mismatch(String label, String expected, String found) {
        return new CheckpointException(source + " does not belong to this run: at '" + label + "' it expected "
                + expected + " and found " + found + " (was it written by another config or version?)");
    }

    private interface IoRead<T> {
        T read() throws IOException;
    }

    private <T> T io(String label, IoRead<T> read) {
        try {
            return read.read();
        } catch (EOFException e) {
            throw new CheckpointException(source + " is truncated: it ends inside record '" + label + "'", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + source + " at record '" + label + "': "
                    + e.getMessage(), e);
        }
    }
}
