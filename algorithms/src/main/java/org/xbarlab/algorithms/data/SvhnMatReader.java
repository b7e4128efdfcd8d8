package org.xbarlab.algorithms.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads the cropped-digit files of SVHN, the Street View House Numbers (Netzer, Wang, Coates, Bissacco, Wu, Ng,
 * "Reading Digits in Natural Images with Unsupervised Feature Learning", NIPS Workshop 2011,
 * <a href="http://ufldl.stanford.edu/housenumbers/">http://ufldl.stanford.edu/housenumbers/</a>):
 * {@code train_32x32.mat} (73 257 digits) and {@code test_32x32.mat} (26 032 digits).
 *
 * <p><b>Format.</b> The files are MATLAB level-5 MAT-files (MathWorks, "MAT-File Format", the version 5 and 7
 * layout): a 128-byte header (descriptive text, subsystem offset, version {@code 0x0100} and the endian indicator
 * {@code "IM"} for little-endian or {@code "MI"} for big-endian), then data elements, each an 8-byte tag (type,
 * byte count; or the 4-byte "small element" form) and its data padded to 8 bytes. Variables are {@code miMATRIX}
 * elements (array flags with the class, dimensions, name, real part), written whole or inside an
 * {@code miCOMPRESSED} element whose zlib stream this reader inflates with {@link Inflater} while reading, without
 * holding the whole variable's bytes. Two variables are read: {@code X}, the images, {@code uint8}
 * {@code 32 × 32 × 3 × N} in MATLAB's column-major order (row index fastest, then column, channel, sample), and
 * {@code y}, the labels, {@code N × 1} ({@code double} or {@code uint8}; numeric data of any MAT type is accepted,
 * since MATLAB may store a double array with a smaller integer type), with label 10 meaning digit 0. Images become
 * planar RGB ({@link Dataset#ofChannels}, 3 × 32 × 32) scaled as {@code byte/255f}; labels become 0–9.
 *
 * <p>xbarlab cannot fetch SVHN: the user downloads the two files from the URL above and puts them into the
 * {@code svhn} folder of the data directory, where {@link Datasets#load} looks for them. Every failure (missing file, bad header, truncated file or compressed stream, missing
 * variable, wrong shape, count mismatch, out-of-range value) throws a {@link DatasetException} naming the file, what
 * was expected and what was found, and saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class SvhnMatReader {

    /** Where the user downloads SVHN (format 2, cropped digits). */
    public static final String DOWNLOAD_URL = "http://ufldl.stanford.edu/housenumbers/";
    /** The training file of the cropped-digit format. */
    public static final String TRAIN_FILE = "train_32x32.mat";
    /** The test file of the cropped-digit format. */
    public static final String TEST_FILE = "test_32x32.mat";

    static final int MI_INT8 = 1;
    static final int MI_UINT8 = 2;
    static final int MI_INT16 = 3;
    static final int MI_UINT16 = 4;
    static final int MI_INT32 = 5;
    static final int MI_UINT32 = 6;
    static final int MI_SINGLE = 7;
    static final int MI_DOUBLE = 9;
    static final int MI_INT64 = 12;
    static final int MI_UINT64 = 13;
    static final int MI_MATRIX = 14;
    static final int MI_COMPRESSED = 15;
    /** MATLAB array classes below this are cells, structs, objects, chars and sparse arrays. */
    private static final int FIRST_NUMERIC_CLASS = 6;
    private static final int LAST_NUMERIC_CLASS = 15;
    private static final int HEADER_BYTES = 128;
    private static final int CHUNK_BYTES = 1 << 16;

    private static final String REMEDY = "SVHN must be downloaded by the user (the cropped digits, "
            + "train_32x32.mat and test_32x32.mat, from " + DOWNLOAD_URL + ") and put into the svhn folder of the "
            + "data directory (<data dir>/svhn; the data directory is --data-dir, else $XBARLAB_DATA_DIR, else "
            + "~/.xbarlab/data); xbarlab cannot fetch it";

    private SvhnMatReader() {
    }

    /**
     * Reads a split from its standard file in a folder.
     *
     * @param directory the folder holding {@code train_32x32.mat} and {@code test_32x32.mat}
     * @param split train or test
     * @return the data set, named {@code SVHN/train} or {@code SVHN/test}, 3 × 32 × 32, 10 classes
     * @throws DatasetException if the file is missing, truncated or malformed
     */
    public static Dataset read(Path directory, Split split) {
        return read(directory.resolve(split == Split.TRAIN ? TRAIN_FILE : TEST_FILE), "SVHN/" + split.id());
    }

    /**
     * Reads one MAT-file holding {@code X} and {@code y}.
     *
     * @param file the file
     * @param name the data set's name
     * @return the data set: {@code channels × rows × cols} from {@code X}'s dimensions (3 × 32 × 32 for SVHN), 10
     *     classes
     * @throws DatasetException if the file is missing, truncated or malformed
     */
    public static Dataset read(Path file, String name) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("SVHN file " + file + " does not exist. " + REMEDY + ".", file, e);
        } catch (IOException e) {
            throw new DatasetException("cannot read SVHN file " + file + ": " + e.getMessage() + ". " + REMEDY + ".",
                    file, e);
        }
        Parser parser = new Parser(file, size);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
            parser.parse(raw);
        } catch (EOFException e) {
            throw parser.error("is truncated: the file ended while reading " + parser.context, e);
        } catch (ZipException e) {
            throw parser.error("has a corrupt compressed element (" + e.getMessage() + ") while reading "
                    + parser.context, e);
        } catch (IOException e) {
            throw new DatasetException("cannot read SVHN file " + file + ": " + e.getMessage() + ". " + REMEDY + ".",
                    file, e);
        }
        return parser.dataset(name);
    }

    /** One pass over one file; keeps what it has found. */
    private static final class Parser {
        private final Path file;
        private final long fileSize;
        private String context = "the 128-byte header";
        private ByteOrder order;
        private float[] images;
        private int imageCount = -1;
        private int rows;
        private int cols;
        private int channels;
        private int[] labels;

        Parser(Path file, long fileSize) {
            this.file = file;
            this.fileSize = fileSize;
        }

        DatasetException error(String what, Throwable cause) {
            return new DatasetException("SVHN file " + file + " " + what + ". " + REMEDY + ".", file, cause);
        }

        void parse(InputStream raw) throws IOException {
            byte[] header = new byte[HEADER_BYTES];
            if (fileSize < HEADER_BYTES) {
                throw error(String.format(Locale.ROOT, "is truncated or not a MAT-file: expected at least the "
                        + "%d-byte MATLAB 5.0 header, found %d bytes", HEADER_BYTES, fileSize), null);
            }
            readFully(raw, header, 0, HEADER_BYTES);
            String text = new String(header, 0, 116, StandardCharsets.US_ASCII);
            if (!text.startsWith("MATLAB")) {
                throw error("is not a MATLAB level-5 MAT-file: expected its header text to start with 'MATLAB 5.0 "
                        + "MAT-file', found '" + printable(text.substring(0, 20)) + "' (MATLAB v7.3 files are HDF5 "
                        + "and not supported; the SVHN files are level 5)", null);
            }
            if (header[126] == 'I' && header[127] == 'M') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (header[126] == 'M' && header[127] == 'I') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw error(String.format(Locale.ROOT, "has no endian indicator: expected 'IM' or 'MI' at bytes "
                        + "126–127, found 0x%02x 0x%02x", header[126] & 0xFF, header[127] & 0xFF), null);
            }
            MatInput in = new MatInput(raw, order, HEADER_BYTES);
            byte[] tag = new byte[8];
            while (true) {
                long offset = in.position();
                context = "the data element at byte offset " + offset;
                int first = raw.read();
                if (first < 0) {
                    break;
                }
                tag[0] = (byte) first;
                readFully(raw, tag, 1, 7);
                in.advance(8);
                ByteBuffer buffer = ByteBuffer.wrap(tag).order(order);
                int type = buffer.getInt(0);
                long bytes = Integer.toUnsignedLong(buffer.getInt(4));
                if ((type >>> 16) != 0) {
                    continue; // a small element at top level holds no variable
                }
                long remaining = fileSize - in.position();
                if (bytes > remaining) {
                    throw error(String.format(Locale.ROOT, "is truncated: the data element at byte offset %d "
                            + "(type %d) declares %d bytes, but only %d bytes remain (file size %d)", offset, type,
                            bytes, remaining, fileSize), null);
                }
                if (type == MI_COMPRESSED) {
                    context = "the compressed element at byte offset " + offset + " (" + bytes + " bytes)";
                    Inflater inflater = new Inflater();
                    try {
                        InputStream inflated = new InflaterInputStream(new Bounded(raw, bytes), inflater, CHUNK_BYTES);
                        MatInput inner = new MatInput(inflated, order, 0);
                        Tag matrix = inner.tag();
                        if (matrix.type() == MI_MATRIX) {
                            matrix(inner, matrix.bytes(), "compressed element at byte offset " + offset);
                        }
                    } finally {
                        inflater.end();
                    }
                    // Skip what the parser did not need of the compressed bytes (a variable it ignores).
                    in.advance(bytes);
                    skipRaw(raw, bytes - lastBoundedConsumed);
                } else if (type == MI_MATRIX) {
                    matrix(in, bytes, "element at byte offset " + offset);
                    in.skip(padding(bytes));
                } else {
                    in.skip(bytes + padding(bytes));
                }
            }
        }

        /** How many bytes of the last compressed element the inflater consumed (kept by {@link Bounded}). */
        private long lastBoundedConsumed;

        private void skipRaw(InputStream raw, long count) throws IOException {
            long left = count;
            while (left > 0) {
                long skipped = raw.skip(left);
                if (skipped <= 0) {
                    if (raw.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        /** Reads one miMATRIX (its tag already read) and keeps X or y. */
        private void matrix(MatInput in, long bytes, String where) throws IOException {
            long start = in.position();
            context = "the array flags of the matrix in the " + where;
            Tag flagsTag = in.tag();
            if (flagsTag.type() != MI_UINT32 || flagsTag.bytes() != 8) {
                throw error(String.format(Locale.ROOT, "has a malformed matrix in the %s: expected array flags "
                        + "(type miUINT32, 8 bytes), found type %d with %d bytes", where, flagsTag.type(),
                        flagsTag.bytes()), null);
            }
            int flags = in.readInt();
            in.readInt();
            int arrayClass = flags & 0xFF;
            boolean complex = (flags & 0x800) != 0;
            context = "the dimensions of the matrix in the " + where;
            Tag dimsTag = in.tag();
            if (dimsTag.type() != MI_INT32 || dimsTag.bytes() % 4 != 0 || dimsTag.bytes() < 8) {
                throw error(String.format(Locale.ROOT, "has a malformed matrix in the %s: expected its dimensions "
                        + "(type miINT32, at least 2), found type %d with %d bytes", where, dimsTag.type(),
                        dimsTag.bytes()), null);
            }
            int[] dims = new int[(int) (dimsTag.bytes() / 4)];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
            }
            in.endData(dimsTag);
            context = "the name of the matrix in the " + where;
            Tag nameTag = in.tag();
            byte[] nameBytes = new byte[(int) Math.min(nameTag.bytes(), 1 << 16)];
            in.readFully(nameBytes, 0, nameBytes.length);
            in.skip(nameTag.bytes() - nameBytes.length);
            in.endData(nameTag);
            String variable = new String(nameBytes, StandardCharsets.US_ASCII);
            boolean numeric = arrayClass >= FIRST_NUMERIC_CLASS && arrayClass <= LAST_NUMERIC_CLASS;
            if (variable.equals("X") || variable.equals("y")) {
                if (!numeric || complex) {
                    throw error(String.format(Locale.ROOT, "has variable '%s' of MATLAB class %d%s; expected a "
                            + "real numeric array", variable, arrayClass, complex ? " (complex)" : ""), null);
                }
                context = "the data of variable '" + variable + "' in the " + where;
                Tag data = in.tag();
                if (variable.equals("X")) {
                    readImages(in, dims, data);
                } else {
                    readLabels(in, dims, data);
                }
                in.endData(data);
            }
            long used = in.position() - start;
            in.skip(bytes - used);
        }

        private void readImages(MatInput in, int[] dims, Tag data) throws IOException {
            if (dims.length != 4 && dims.length != 3) {
                throw error("has variable 'X' with " + dims.length + " dimensions " + java.util.Arrays.toString(dims)
                        + "; expected height × width × channels × count (32 × 32 × 3 × N)", null);
            }
            int height = dims[0];
            int width = dims[1];
            int planes = dims[2];
            int count = dims.length == 4 ? dims[3] : 1;
            long features = (long) height * width * planes;
            long values = features * count;
            if (height < 1 || width < 1 || planes < 1 || planes > 4096 || count < 0 || values > Integer.MAX_VALUE - 8) {
                throw error("has variable 'X' of unusable size " + java.util.Arrays.toString(dims)
                        + "; expected 32 × 32 × 3 × N", null);
            }
            int elementBytes = elementBytes(data.type(), "X");
            if (data.bytes() != values * elementBytes) {
                throw error(String.format(Locale.ROOT, "has variable 'X' of size %s (%d values) with %d data bytes "
                        + "of type %d; expected %d bytes", java.util.Arrays.toString(dims), values, data.bytes(),
                        data.type(), values * elementBytes), null);
            }
            rows = height;
            cols = width;
            channels = planes;
            imageCount = count;
            images = new float[(int) values];
            // Column-major source (row fastest, then column, channel, sample) to planar CHW, row-major.
            int r = 0;
            int c = 0;
            int ch = 0;
            int n = 0;
            int[] scratch = new int[1];
            ValueSink sink = value -> {
                if (!(value >= 0 && value <= 255) || value != Math.rint(value)) {
                    throw error(String.format(Locale.ROOT, "has variable 'X' with pixel value %s at index %d; "
                            + "expected whole numbers 0–255", value, scratch[0]), null);
                }
                return (float) (value / 255.0);
            };
            long index = 0;
            byte[] chunk = new byte[CHUNK_BYTES - CHUNK_BYTES % Math.max(elementBytes, 1)];
            ByteBuffer view = ByteBuffer.wrap(chunk).order(order);
            long left = data.bytes();
            while (left > 0) {
                int length = (int) Math.min(chunk.length, left);
                in.readFully(chunk, 0, length);
                left -= length;
                for (int offset = 0; offset < length; offset += elementBytes) {
                    float pixel;
                    if (data.type() == MI_UINT8) {
                        pixel = (chunk[offset] & 0xFF) / 255f;
                    } else {
                        scratch[0] = (int) index;
                        pixel = sink.accept(value(view, offset, data.type()));
                    }
                    images[((n * planes + ch) * height + r) * width + c] = pixel;
                    index++;
                    if (++r == height) {
                        r = 0;
                        if (++c == width) {
                            c = 0;
                            if (++ch == planes) {
                                ch = 0;
                                n++;
                            }
                        }
                    }
                }
            }
        }

        private void readLabels(MatInput in, int[] dims, Tag data) throws IOException {
            long values = 1;
            int nonSingleton = 0;
            for (int d : dims) {
                values *= d;
                nonSingleton += d != 1 ? 1 : 0;
            }
            if (nonSingleton > 1 || values > Integer.MAX_VALUE - 8) {
                throw error("has variable 'y' of size " + java.util.Arrays.toString(dims) + "; expected N × 1",
                        null);
            }
            int elementBytes = elementBytes(data.type(), "y");
            if (data.bytes() != values * elementBytes) {
                throw error(String.format(Locale.ROOT, "has variable 'y' of %d values with %d data bytes of type %d;"
                        + " expected %d bytes", values, data.bytes(), data.type(), values * elementBytes), null);
            }
            labels = new int[(int) values];
            byte[] element = new byte[8];
            ByteBuffer view = ByteBuffer.wrap(element).order(order);
            for (int i = 0; i < labels.length; i++) {
                in.readFully(element, 0, elementBytes);
                double value = value(view, 0, data.type());
                if (!(value >= 1 && value <= 10) || value != Math.rint(value)) {
                    throw error(String.format(Locale.ROOT, "has label y(%d) = %s; expected a whole number 1–10 "
                            + "(10 means digit 0)", i + 1, value), null);
                }
                labels[i] = (int) value % 10;
            }
        }

        private int elementBytes(int type, String variable) {
            return switch (type) {
                case MI_INT8, MI_UINT8 -> 1;
                case MI_INT16, MI_UINT16 -> 2;
                case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
                case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
                default -> throw error("has variable '" + variable + "' with data of MAT type " + type
                        + "; expected a numeric type (miINT8 … miUINT64, miSINGLE, miDOUBLE)", null);
            };
        }

        private static double value(ByteBuffer view, int offset, int type) {
            return switch (type) {
                case MI_INT8 -> view.get(offset);
                case MI_UINT8 -> view.get(offset) & 0xFF;
                case MI_INT16 -> view.getShort(offset);
                case MI_UINT16 -> view.getShort(offset) & 0xFFFF;
                case MI_INT32 -> view.getInt(offset);
                case MI_UINT32 -> Integer.toUnsignedLong(view.getInt(offset));
                case MI_SINGLE -> view.getFloat(offset);
                case MI_DOUBLE -> view.getDouble(offset);
                case MI_INT64, MI_UINT64 -> view.getLong(offset);
                default -> throw new IllegalStateException("unknown MAT type " + type);
            };
        }

        Dataset dataset(String name) {
            if (images == null || labels == null) {
                throw error("does not contain " + (images == null && labels == null ? "the variables 'X' and 'y'"
                        : images == null ? "the variable 'X' (the images)" : "the variable 'y' (the labels)")
                        + "; expected the SVHN cropped-digit format", null);
            }
            if (labels.length != imageCount) {
                throw error(String.format(Locale.ROOT, "has %d images in 'X' but %d labels in 'y'; expected equal "
                        + "counts", imageCount, labels.length), null);
            }
            return Dataset.wrapChannels(name, images, labels, channels, rows, cols, 10);
        }

        /** Wraps the raw stream for one compressed element; remembers how much of it the inflater consumed. */
        private final class Bounded extends FilterInputStream {
            private final long limit;
            private long consumed;

            Bounded(InputStream in, long limit) {
                super(in);
                this.limit = limit;
                lastBoundedConsumed = 0;
            }

            @Override
            public int read() throws IOException {
                if (consumed >= limit) {
                    return -1;
                }
                int value = super.read();
                if (value >= 0) {
                    consumed++;
                    lastBoundedConsumed = consumed;
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (consumed >= limit) {
                    return -1;
                }
                int count = super.read(buffer, offset, (int) Math.min(length, limit - consumed));
                if (count > 0) {
                    consumed += count;
                    lastBoundedConsumed = consumed;
                }
                return count;
            }

            @Override
            public long skip(long n) throws IOException {
                return 0;
            }

            @Override
            public int available() {
                return 0;
            }

            @Override
            public void close() {
                // the raw stream stays open
            }
        }
    }

    @FunctionalInterface
    private interface ValueSink {
        float accept(double value);
    }

    /** A data element's tag: MAT type, data bytes, and whether it used the 4-byte small form. */
    record Tag(int type, long bytes, boolean small) {
    }

    /** Endian-aware reads with a byte count; every short read is an {@link EOFException}. */
    private static final class MatInput {
        private final InputStream in;
        private final ByteBuffer word;
        private long position;

        MatInput(InputStream in, ByteOrder order, long position) {
            this.in = in;
            this.word = ByteBuffer.allocate(8).order(order);
            this.position = position;
        }

        long position() {
            return position;
        }

        void advance(long count) {
            position += count;
        }

        int readInt() throws IOException {
            readFully(word.array(), 0, 4);
            return word.getInt(0);
        }

        Tag tag() throws IOException {
            int first = readInt();
            if ((first >>> 16) != 0) {
                return new Tag(first & 0xFFFF, first >>> 16, true);
            }
            int bytes = readInt();
            return new Tag(first, Integer.toUnsignedLong(bytes), false);
        }

        /** Skips the padding after an element's data. */
        void endData(Tag tag) throws IOException {
            skip(tag.small() ? 4 - tag.bytes() : padding(tag.bytes()));
        }

        void readFully(byte[] buffer, int offset, int length) throws IOException {
            SvhnMatReader.readFully(in, buffer, offset, length);
            position += length;
        }

        void skip(long count) throws IOException {
            if (count < 0) {
                throw new EOFException("negative skip");
            }
            byte[] sink = new byte[(int) Math.min(count, CHUNK_BYTES)];
            long left = count;
            while (left > 0) {
                int length = (int) Math.min(left, sink.length);
                readFully(sink, 0, length);
                left -= length;
            }
        }
    }

    static long padding(long bytes) {
        return (8 - bytes % 8) % 8;
    }

    private static void readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int count = in.read(buffer, offset + done, length - done);
            if (count < 0) {
                throw new EOFException("expected " + length + " bytes, got " + done);
            }
            done += count;
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            out.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return out.toString();
    }
}
