package org.xbarlab.algorithms.data;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable labelled image data set: images stored as {@code float} in {@code [0, 1]} and one integer class label
 * per image. Grey data sets (MNIST, Fashion-MNIST) have one channel; colour data sets (SVHN, CIFAR-10, made with
 * {@link #ofChannels}) have {@link #channels()} planes per image.
 *
 * <p><b>Layout.</b> Sample {@code i} occupies features {@code i*featureCount() .. (i+1)*featureCount()-1} of the
 * image array. Within a sample the layout is planar, channel-major: feature {@code (ch*rows() + r)*cols() + c} is
 * channel {@code ch}, row {@code r}, column {@code c} (PyTorch's CHW); with one channel that is {@code r*cols()+c}.
 * Pixels read from IDX, CIFAR-10 and SVHN files are scaled as {@code byte/255f}.
 *
 * <p><b>Memory.</b> Images take 4 bytes per pixel: the MNIST training set (60 000 × 784) is 188 MB of floats
 * plus 240 kB of labels, which is acceptable on the 24 GiB CI machine; the test set is 31 MB. Float storage avoids a
 * conversion in every training step (B7: simulation state is float). {@link #subset} and {@link #take} return views
 * that share the parent's arrays without copying, so they are cheap but keep the whole parent alive;
 * {@link #select} copies.
 *
 * <p><b>Access.</b> Nothing returns the internal arrays. Hot loops use {@link #copyImages} into a caller-owned
 * buffer (one mini-batch at a time) or the read-only {@link #imagesView()}.
 *
 * <p>Instances are immutable and therefore thread-safe. {@code equals} is identity: compare
 * {@link #copyOfImages()} and {@link #copyOfLabels()} to compare contents.
 */
public final class Dataset {

    private final String name;
    /** Planes per image: 1 for grey data sets. */
    private final int channels;
    private final int rows;
    private final int cols;
    private final int classCount;
    private final float[] images;
    private final int[] labels;
    /** Index of this view's first sample in the shared arrays. */
    private final int firstSample;
    private final int sampleCount;

    private Dataset(String name, float[] images, int[] labels, int firstSample, int sampleCount, int rows, int cols,
                    int classCount) {
        this(name, images, labels, firstSample, sampleCount, 1, rows, cols, classCount);
    }

    private Dataset(String name, float[] images, int[] labels, int firstSample, int sampleCount, int channels,
                    int rows, int cols, int classCount) {
        this.name = name;
        this.channels = channels;
        this.images = images;
        this.labels = labels;
        this.firstSample = firstSample;
        this.sampleCount = sampleCount;
        this.rows = rows;
        this.cols = cols;
        this.classCount = classCount;
    }

    /**
     * Creates a data set from copies of the given arrays, after checking them.
     *
     * @param name a short name such as {@code "MNIST/train"}; never null or blank
     * @param images row-major pixels, {@code labels.length * rows * cols} values, each finite and in {@code [0, 1]};
     *     copied, never null
     * @param labels one class label per sample, each in {@code 0..classCount-1}; copied, never null
     * @param rows image height in pixels, positive
     * @param cols image width in pixels, positive
     * @param classCount number of classes, 1 to 65 536
     * @return the data set
     * @throws IllegalArgumentException naming the offending argument, index and value when a check fails
     */
    public static Dataset of(String name, float[] images, int[] labels, int rows, int cols, int classCount) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        checkShape(name, rows, cols, classCount);
        long expectedLength = (long) labels.length * rows * cols;
        if (images.length != expectedLength) {
            throw new IllegalArgumentException("images must hold labels.length × rows × cols = " + labels.length
                    + " × " + rows + " × " + cols + " = " + expectedLength + " values, got " + images.length);
        }
        for (int i = 0; i < images.length; i++) {
            float value = images[i];
            // Negated comparison so that NaN fails too.
            if (!(value >= 0f && value <= 1f)) {
                throw new IllegalArgumentException("images[" + i + "] (sample " + i / (rows * cols)
                        + ") must be in [0, 1], got " + value);
            }
        }
        checkLabels(labels, classCount);
        return new Dataset(name, images.clone(), labels.clone(), 0, labels.length, rows, cols, classCount);
    }

    /**
     * Wraps arrays that the caller has already validated and gives up, without copying (for readers and generators
     * in this package, which build large arrays once).
     */
    static Dataset wrap(String name, float[] images, int[] labels, int rows, int cols, int classCount) {
        checkShape(name, rows, cols, classCount);
        if (images.length != (long) labels.length * rows * cols) {
            throw new IllegalStateException("internal error: " + images.length + " pixels for " + labels.length
                    + " samples of " + rows + "×" + cols);
        }
        return new Dataset(name, images, labels, 0, labels.length, rows, cols, classCount);
    }

    /**
     * Creates a colour (or any multi-channel) data set from copies of the given arrays, after checking them.
     * {@code ofChannels(name, images, labels, 1, rows, cols, classCount)} equals {@link #of}.
     *
     * @param name a short name such as {@code "SVHN/train"}; never null or blank
     * @param images planar pixels, channel-major per sample ({@code sample × channels × rows × cols}),
     *     {@code labels.length * channels * rows * cols} values, each finite and in {@code [0, 1]}; copied, never null
     * @param labels one class label per sample, each in {@code 0..classCount-1}; copied, never null
     * @param channels planes per image, 1 to 4096 (3 for RGB)
     * @param rows image height in pixels, positive
     * @param cols image width in pixels, positive
     * @param classCount number of classes, 1 to 65 536
     * @return the data set
     * @throws IllegalArgumentException naming the offending argument, index and value when a check fails
     */
    public static Dataset ofChannels(String name, float[] images, int[] labels, int channels, int rows, int cols,
                                     int classCount) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        checkChannels(channels);
        checkShape(name, rows, cols, classCount);
        long features = (long) channels * rows * cols;
        long expectedLength = labels.length * features;
        if (images.length != expectedLength) {
            throw new IllegalArgumentException("images must hold labels.length × channels × rows × cols = "
                    + labels.length + " × " + channels + " × " + rows + " × " + cols + " = " + expectedLength
                    + " values, got " + images.length);
        }
        for (int i = 0; i < images.length; i++) {
            float value = images[i];
            if (!(value >= 0f && value <= 1f)) {
                throw new IllegalArgumentException("images[" + i + "] (sample " + i / features
                        + ") must be in [0, 1], got " + value);
            }
        }
        checkLabels(labels, classCount);
        return new Dataset(name, images.clone(), labels.clone(), 0, labels.length, channels, rows, cols, classCount);
    }

    /**
     * Wraps planar multi-channel arrays that the caller has already validated and gives up, without copying (for
     * readers in this package).
     */
    static Dataset wrapChannels(String name, float[] images, int[] labels, int channels, int rows, int cols,
                                int classCount) {
        checkChannels(channels);
        checkShape(name, rows, cols, classCount);
        if (images.length != (long) labels.length * channels * rows * cols) {
            throw new IllegalStateException("internal error: " + images.length + " pixels for " + labels.length
                    + " samples of " + channels + "×" + rows + "×" + cols);
        }
        return new Dataset(name, images, labels, 0, labels.length, channels, rows, cols, classCount);
    }

    private static void checkChannels(int channels) {
        if (channels < 1 || channels > 4096) {
            throw new IllegalArgumentException("channels must be in 1..4096, got " + channels);
        }
    }

    private static void checkShape(String name, int rows, int cols, int classCount) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be null or blank, got '" + name + "'");
        }
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("rows and cols must be positive, got " + rows + " × " + cols);
        }
        if (classCount < 1 || classCount > 65_536) {
            throw new IllegalArgumentException("classCount must be in 1..65536, got " + classCount);
        }
    }

    private static void checkLabels(int[] labels, int classCount) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] must be in 0.." + (classCount - 1) + ", got "
                        + labels[i]);
            }
        }
    }

    /**
     * Returns the short name of this data set, for example {@code "MNIST/train"} or {@code "MNIST/train[0:1000]"}.
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the number of samples.
     *
     * @return the sample count, zero or more
     */
    public int sampleCount() {
        return sampleCount;
    }

    /**
     * Returns the number of channels (planes) per image: 1 for grey data sets such as MNIST, 3 for RGB data sets.
     *
     * @return channels per image, at least 1
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns the image height.
     *
     * @return rows per image, in pixels
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the image width.
     *
     * @return columns per image, in pixels
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the number of input features per sample, {@code channels() * rows() * cols()} (784 for MNIST, 3072
     * for SVHN and CIFAR-10).
     *
     * @return the feature count
     */
    public int featureCount() {
        return channels * rows * cols;
    }

    /**
     * Returns the number of classes; every label is in {@code 0..classCount()-1}. Not every class need occur in a
     * small subset.
     *
     * @return the class count
     */
    public int classCount() {
        return classCount;
    }

    /**
     * Returns the label of one sample.
     *
     * @param sample sample index in {@code 0..sampleCount()-1}
     * @return the class label, in {@code 0..classCount()-1}
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     */
    public int label(int sample) {
        Objects.checkIndex(sample, sampleCount);
        return labels[firstSample + sample];
    }

    /**
     * Returns one pixel.
     *
     * @param sample sample index in {@code 0..sampleCount()-1}
     * @param feature feature index in {@code 0..featureCount()-1} (row-major)
     * @return the pixel intensity, in {@code [0, 1]}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public float pixel(int sample, int feature) {
        Objects.checkIndex(sample, sampleCount);
        Objects.checkIndex(feature, featureCount());
        return images[(firstSample + sample) * featureCount() + feature];
    }

    /**
     * Returns a fresh copy of one image.
     *
     * @param sample sample index in {@code 0..sampleCount()-1}
     * @return a new array of {@link #featureCount()} values, owned by the caller
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     */
    public float[] image(int sample) {
        float[] copy = new float[featureCount()];
        copyImages(sample, sample + 1, copy, 0);
        return copy;
    }

    /**
     * Copies the images of samples {@code from..to-1} into a caller-owned buffer, row-major, one image after the
     * other; the allocation-free way to fill a mini-batch.
     *
     * @param from first sample, inclusive
     * @param to last sample, exclusive; {@code from <= to <= sampleCount()}
     * @param destination modified: receives {@code (to-from) * featureCount()} values from {@code destinationOffset}
     * @param destinationOffset first index written in {@code destination}
     * @throws IndexOutOfBoundsException if the range or the destination is too small
     */
    public void copyImages(int from, int to, float[] destination, int destinationOffset) {
        Objects.checkFromToIndex(from, to, sampleCount);
        int features = featureCount();
        System.arraycopy(images, (firstSample + from) * features, destination, destinationOffset,
                (to - from) * features);
    }

    /**
     * Copies the labels of samples {@code from..to-1} into a caller-owned buffer.
     *
     * @param from first sample, inclusive
     * @param to last sample, exclusive; {@code from <= to <= sampleCount()}
     * @param destination modified: receives {@code to-from} labels from {@code destinationOffset}
     * @param destinationOffset first index written in {@code destination}
     * @throws IndexOutOfBoundsException if the range or the destination is too small
     */
    public void copyLabels(int from, int to, int[] destination, int destinationOffset) {
        Objects.checkFromToIndex(from, to, sampleCount);
        System.arraycopy(labels, firstSample + from, destination, destinationOffset, to - from);
    }

    /**
     * Returns a copy of all images, row-major ({@code sampleCount() * featureCount()} values). For the MNIST
     * training set this allocates 188 MB; prefer {@link #copyImages} or {@link #imagesView()} in loops.
     *
     * @return a new array owned by the caller
     */
    public float[] copyOfImages() {
        float[] copy = new float[sampleCount * featureCount()];
        copyImages(0, sampleCount, copy, 0);
        return copy;
    }

    /**
     * Returns a copy of all labels.
     *
     * @return a new array of {@link #sampleCount()} labels owned by the caller
     */
    public int[] copyOfLabels() {
        int[] copy = new int[sampleCount];
        copyLabels(0, sampleCount, copy, 0);
        return copy;
    }

    /**
     * Returns a read-only view of this data set's images without copying: position 0 is the first pixel of
     * sample 0 and the limit is {@code sampleCount() * featureCount()}.
     *
     * @return a new read-only buffer over the shared storage; its position and limit are the caller's
     */
    public FloatBuffer imagesView() {
        int features = featureCount();
        return FloatBuffer.wrap(images, firstSample * features, sampleCount * features).slice().asReadOnlyBuffer();
    }

    /**
     * Returns a read-only view of this data set's labels without copying.
     *
     * @return a new read-only buffer of {@link #sampleCount()} labels over the shared storage
     */
    public IntBuffer labelsView() {
        return IntBuffer.wrap(labels, firstSample, sampleCount).slice().asReadOnlyBuffer();
    }

    /**
     * Counts the samples of each class.
     *
     * @return a new array of {@link #classCount()} counts, indexed by label, summing to {@link #sampleCount()}
     */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int i = 0; i < sampleCount; i++) {
            counts[labels[firstSample + i]]++;
        }
        return counts;
    }

    /**
     * Returns the samples {@code from..to-1} as a view that shares this data set's storage (no copy).
     *
     * @param from first sample, inclusive
     * @param to last sample, exclusive; {@code 0 <= from <= to <= sampleCount()}
     * @return the view, named {@code name()[from:to]}
     * @throws IndexOutOfBoundsException if the range is invalid
     */
    public Dataset subset(int from, int to) {
        Objects.checkFromToIndex(from, to, sampleCount);
        if (from == 0 && to == sampleCount) {
            return this;
        }
        return new Dataset(name + "[" + from + ":" + to + "]", images, labels, firstSample + from, to - from,
                channels, rows, cols, classCount);
    }

    /**
     * Returns the first {@code n} samples (or all of them when there are fewer) as a view without copying.
     *
     * @param n number of samples wanted, zero or more
     * @return the view
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Dataset take(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be zero or more, got " + n);
        }
        return subset(0, Math.min(n, sampleCount));
    }

    /**
     * Returns a new data set holding copies of the given samples in the given order (for a shuffled or stratified
     * subset); indices may repeat.
     *
     * @param sampleIndices indices in {@code 0..sampleCount()-1}; never null, not modified
     * @return the new data set, named {@code name()+"[selected n]"}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Dataset select(int[] sampleIndices) {
        Objects.requireNonNull(sampleIndices, "sampleIndices");
        int features = featureCount();
        float[] selectedImages = new float[sampleIndices.length * features];
        int[] selectedLabels = new int[sampleIndices.length];
        for (int i = 0; i < sampleIndices.length; i++) {
            int sample = Objects.checkIndex(sampleIndices[i], sampleCount);
            System.arraycopy(images, (firstSample + sample) * features, selectedImages, i * features, features);
            selectedLabels[i] = labels[firstSample + sample];
        }
        return new Dataset(name + "[selected " + sampleIndices.length + "]", selectedImages, selectedLabels, 0,
                sampleIndices.length, channels, rows, cols, classCount);
    }

    /**
     * Returns a copy holding the central {@code size × size} crop of every image (MLP+NeuroSim's 20×20 crops of
     * MNIST: rows and columns {@code (28 − 20)/2 = 4 … 23}, neurosim.md §3).
     *
     * @param size side of the crop, in {@code 1..min(rows, cols)}
     * @return the cropped data set, named {@code name()+"[crop size×size]"}
     * @throws IllegalArgumentException if the crop does not fit
     */
    public Dataset centerCrop(int size) {
        if (size < 1 || size > rows || size > cols) {
            throw new IllegalArgumentException("centerCrop must be in 1.." + Math.min(rows, cols) + " for "
                    + rows + "×" + cols + " images, got " + size);
        }
        int top = (rows - size) / 2;
        int left = (cols - size) / 2;
        int features = featureCount();
        float[] cropped = new float[sampleCount * channels * size * size];
        for (int n = 0; n < sampleCount; n++) {
            for (int ch = 0; ch < channels; ch++) {
                int source = (firstSample + n) * features + ch * rows * cols;
                int target = (n * channels + ch) * size * size;
                for (int r = 0; r < size; r++) {
                    System.arraycopy(images, source + (top + r) * cols + left, cropped, target + r * size, size);
                }
            }
        }
        int[] copiedLabels = Arrays.copyOfRange(labels, firstSample, firstSample + sampleCount);
        return new Dataset(name + "[crop " + size + "×" + size + "]", cropped, copiedLabels, 0, sampleCount,
                channels, size, size, classCount);
    }

    /**
     * Returns a copy with every pixel set to 1 where it is at least {@code threshold} and to 0 elsewhere
     * (MLP+NeuroSim's 1-bit inputs binarize MNIST at 0.5, neurosim.md §2).
     *
     * @param threshold the threshold, finite
     * @return the binarized data set, named {@code name()+"[≥threshold]"}
     */
    public Dataset binarize(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("binarizeThreshold must be finite, got " + threshold);
        }
        int features = featureCount();
        float[] binary = new float[sampleCount * features];
        int from = firstSample * features;
        for (int k = 0; k < binary.length; k++) {
            binary[k] = images[from + k] >= threshold ? 1f : 0f;
        }
        int[] copiedLabels = Arrays.copyOfRange(labels, firstSample, firstSample + sampleCount);
        return new Dataset(name + "[≥" + threshold + "]", binary, copiedLabels, 0, sampleCount, channels, rows,
                cols, classCount);
    }

    /**
     * Returns the same samples under another name (sharing storage).
     *
     * @param newName the new name, never null or blank
     * @return the renamed view
     * @throws IllegalArgumentException if {@code newName} is null or blank
     */
    public Dataset withName(String newName) {
        checkShape(newName, rows, cols, classCount);
        return new Dataset(newName, images, labels, firstSample, sampleCount, channels, rows, cols, classCount);
    }

    /**
     * Describes the data set, for example {@code "MNIST/train (60000 samples, 28×28, 10 classes)"}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        String shape = channels == 1 ? rows + "×" + cols : channels + "×" + rows + "×" + cols;
        return name + " (" + sampleCount + " samples, " + shape + ", " + classCount + " classes)";
    }
}
