package org.xbarlab.algorithms.data;

import java.util.Objects;

/**
 * The content of an IDX image file as read by {@link IdxReader#readImages}: {@code count} images of
 * {@code rows × cols} pixels, scaled to {@code [0, 1]} as {@code byte/255f}.
 *
 * <p>The pixel array is freshly allocated by the reader and handed over to the holder of this record; the record
 * does not copy it (a 188 MB copy per load would be wasteful), so treat it as owned by whoever holds the record.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if a size is out of range or {@code pixels} has the wrong
 * length.
 *
 * @param count number of images, zero or more
 * @param rows image height in pixels, positive
 * @param cols image width in pixels, positive
 * @param pixels {@code count * rows * cols} values in {@code [0, 1]}, image after image, each row-major; never null
 */
public record IdxImages(int count, int rows, int cols, float[] pixels) {

    /** Validates the sizes; the class comment lists the exceptions. */
    public IdxImages {
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0 || rows <= 0 || cols <= 0 || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("pixels must hold count × rows × cols = " + count + " × " + rows
                    + " × " + cols + " values, got " + pixels.length);
        }
    }
}
