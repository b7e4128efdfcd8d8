package org.xbarlab.algorithms.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes unsigned-byte IDX files in the format {@link IdxReader} reads, raw or gzip-compressed: for exporting
 * subsets and for building test fixtures. Stateless and thread-safe; existing files are replaced.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /**
     * Writes an IDX image file.
     *
     * @param file the file to create or replace, never null
     * @param pixels {@code count * rows * cols} pixel bytes (unsigned), image after image, row-major; not modified
     * @param count number of images, zero or more
     * @param rows image height in pixels, positive
     * @param cols image width in pixels, positive
     * @param gzip whether to gzip-compress the file
     * @throws IllegalArgumentException if the sizes disagree with {@code pixels.length}
     * @throws DatasetException naming the file if it cannot be written
     */
    public static void writeImages(Path file, byte[] pixels, int count, int rows, int cols, boolean gzip) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0 || rows <= 0 || cols <= 0 || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("pixels must hold count × rows × cols = " + count + " × " + rows
                    + " × " + cols + " bytes, got " + pixels.length);
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        } catch (IOException e) {
            throw new DatasetException("could not write IDX image file " + file + ": " + e, file, e);
        }
    }

    /**
     * Writes an IDX label file.
     *
     * @param file the file to create or replace, never null
     * @param labels one label per item, each in {@code 0..255}; not modified
     * @param gzip whether to gzip-compress the file
     * @throws IllegalArgumentException if a label does not fit in an unsigned byte
     * @throws DatasetException naming the file if it cannot be written
     */
    public static void writeLabels(Path file, int[] labels, boolean gzip) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(labels, "labels");
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("labels[" + i + "] must be in 0..255, got " + labels[i]);
            }
            bytes[i] = (byte) labels[i];
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new DatasetException("could not write IDX label file " + file + ": " + e, file, e);
        }
    }

    /**
     * Writes a data set as an image file and a label file. Pixels are quantised to bytes as
     * {@code round(pixel * 255)}, which restores the bytes of a data set read by {@link IdxReader} exactly.
     *
     * @param dataset the data set, never null; at most 256 classes
     * @param imagesFile the image file to create or replace, never null
     * @param labelsFile the label file to create or replace, never null
     * @param gzip whether to gzip-compress both files
     * @throws IllegalArgumentException if the data set has more than 256 classes
     * @throws DatasetException naming the file if a file cannot be written
     */
    public static void write(Dataset dataset, Path imagesFile, Path labelsFile, boolean gzip) {
        Objects.requireNonNull(dataset, "dataset");
        if (dataset.classCount() > 256) {
            throw new IllegalArgumentException("IDX labels are unsigned bytes: at most 256 classes, got "
                    + dataset.classCount());
        }
        float[] images = dataset.copyOfImages();
        byte[] pixels = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            pixels[i] = (byte) Math.round(images[i] * 255f);
        }
        writeImages(imagesFile, pixels, dataset.sampleCount(), dataset.rows(), dataset.cols(), gzip);
        writeLabels(labelsFile, dataset.copyOfLabels(), gzip);
    }

    private static DataOutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new DataOutputStream(out);
    }
}
