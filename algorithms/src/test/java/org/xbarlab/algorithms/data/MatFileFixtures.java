package org.xbarlab.algorithms.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Writes small MATLAB level-5 MAT-files in the layout of SVHN's cropped-digit files (written here from the format
 * description, so the reader is tested against an independent writer): {@code X} as {@code uint8}
 * {@code H × W × C × N} column-major, {@code y} as {@code double} (or {@code uint8}) {@code N × 1}, each variable
 * either a plain {@code miMATRIX} or inside an {@code miCOMPRESSED} element.
 */
final class MatFileFixtures {

    private MatFileFixtures() {
    }

    /** A planar image set and its 0–9 labels, to be written as SVHN's X (column-major) and y (1–10). */
    static Path write(Path file, byte[] planarPixels, int count, int channels, int height, int width, int[] labels,
                      boolean compressed, ByteOrder order, boolean labelsAsUint8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[128];
        byte[] text = "MATLAB 5.0 MAT-file, written by an xbarlab test".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, 0, 116, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        ByteBuffer tail = ByteBuffer.wrap(header, 124, 4).order(order);
        tail.putShort((short) 0x0100);
        // The endian indicator is the two characters 'M','I' written as a 16-bit value in the file's order.
        tail.putShort((short) (('M' << 8) | 'I'));
        out.writeBytes(header);
        byte[] columnMajor = new byte[planarPixels.length];
        int k = 0;
        for (int n = 0; n < count; n++) {
            for (int ch = 0; ch < channels; ch++) {
                for (int c = 0; c < width; c++) {
                    for (int r = 0; r < height; r++) {
                        columnMajor[k++] = planarPixels[((n * channels + ch) * height + r) * width + c];
                    }
                }
            }
        }
        // A variable the reader must skip, then X and y.
        out.writeBytes(element(matrix("__note", 6, new int[] {1, 2}, 9, doubles(new double[] {1.5, 2.5}, order),
                order), compressed, order));
        out.writeBytes(element(matrix("X", 9, new int[] {height, width, channels, count}, 2, columnMajor, order),
                compressed, order));
        byte[] labelData;
        int labelType;
        if (labelsAsUint8) {
            labelData = new byte[labels.length];
            for (int i = 0; i < labels.length; i++) {
                labelData[i] = (byte) (labels[i] == 0 ? 10 : labels[i]);
            }
            labelType = 2;
        } else {
            double[] values = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                values[i] = labels[i] == 0 ? 10 : labels[i];
            }
            labelData = doubles(values, order);
            labelType = 9;
        }
        out.writeBytes(element(matrix("y", 6, new int[] {labels.length, 1}, labelType, labelData, order), compressed,
                order));
        try {
            Files.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static byte[] doubles(double[] values, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    /** The contents of an miMATRIX element (without its tag). */
    static byte[] matrix(String name, int arrayClass, int[] dims, int dataType, byte[] data, ByteOrder order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer flags = ByteBuffer.allocate(8).order(order);
        flags.putInt(arrayClass).putInt(0);
        out.writeBytes(tagged(6, flags.array(), order));
        ByteBuffer dimensions = ByteBuffer.allocate(4 * dims.length).order(order);
        for (int d : dims) {
            dimensions.putInt(d);
        }
        out.writeBytes(tagged(5, dimensions.array(), order));
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length <= 4) {
            ByteBuffer small = ByteBuffer.allocate(8).order(order);
            small.putInt((nameBytes.length << 16) | 1);
            small.put(nameBytes);
            out.writeBytes(small.array());
        } else {
            out.writeBytes(tagged(1, nameBytes, order));
        }
        out.writeBytes(tagged(dataType, data, order));
        return out.toByteArray();
    }

    /** An 8-byte tag, the data and padding to 8 bytes. */
    static byte[] tagged(int type, byte[] data, ByteOrder order) {
        int padding = (8 - data.length % 8) % 8;
        ByteBuffer buffer = ByteBuffer.allocate(8 + data.length + padding).order(order);
        buffer.putInt(type).putInt(data.length).put(data);
        return buffer.array();
    }

    /** A whole top-level element: the matrix tagged, optionally zlib-compressed in an miCOMPRESSED element. */
    static byte[] element(byte[] matrixContents, boolean compressed, ByteOrder order) {
        byte[] plain = tagged(14, matrixContents, order);
        if (!compressed) {
            return plain;
        }
        Deflater deflater = new Deflater();
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            zipped.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] data = zipped.toByteArray();
        // MATLAB does not pad compressed elements.
        ByteBuffer out = ByteBuffer.allocate(8 + data.length).order(order);
        out.putInt(15).putInt(data.length).put(data);
        return out.array();
    }
}
