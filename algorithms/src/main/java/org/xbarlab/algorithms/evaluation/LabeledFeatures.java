package org.xbarlab.algorithms.evaluation;

import java.util.Objects;

/**
 * A feature matrix with one class label per row: the frozen network's outputs (or raw pixels) that the evaluations
 * of this package consume. Rows are samples and columns are features (output neurons), row-major
 * {@code float[sampleCount × featureCount]}.
 *
 * <p><b>No copies.</b> The arrays are <em>shared</em>, not copied, because a 60 000 × 2 000 feature matrix is
 * 480 MB: the caller must not modify them while an evaluation uses this object. {@link #select(int[])} returns a
 * view of some rows of the same arrays (the labeled subset of {@link LabeledSubset}) without copying features.
 *
 * <p>Labels are only checked to be non-negative here; each evaluation checks them against its class count. The
 * object itself is immutable and thread-safe as long as the arrays are not modified.
 */
public final class LabeledFeatures {

    private final float[] features;
    private final int[] labels;
    private final int featureCount;
    /** Row of the shared arrays for each sample of this view, or {@code null} for rows {@code 0..sampleCount-1}. */
    private final int[] rows;
    private final int sampleCount;

    private LabeledFeatures(float[] features, int[] labels, int featureCount, int[] rows, int sampleCount) {
        this.features = features;
        this.labels = labels;
        this.featureCount = featureCount;
        this.rows = rows;
        this.sampleCount = sampleCount;
    }

    /**
     * Wraps the first {@code sampleCount} rows of a feature matrix and their labels, without copying.
     *
     * @param features row-major {@code sampleCount × featureCount} values (longer arrays are allowed; the extra
     *     values are ignored); shared, not copied, never null
     * @param labels class of each sample, non-negative; at least {@code sampleCount} values; shared, never null
     * @param sampleCount number of samples, at least 0
     * @param featureCount number of features per sample, at least 1
     * @return the wrapper
     * @throws IllegalArgumentException if a size is out of range, an array is too short or a label is negative
     * @throws NullPointerException if an array is null
     */
    public static LabeledFeatures of(float[] features, int[] labels, int sampleCount, int featureCount) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (sampleCount < 0 || featureCount < 1) {
            throw new IllegalArgumentException("need sampleCount >= 0 and featureCount >= 1, got sampleCount="
                    + sampleCount + ", featureCount=" + featureCount);
        }
        if (features.length < (long) sampleCount * featureCount) {
            throw new IllegalArgumentException("features must hold sampleCount × featureCount = " + sampleCount
                    + " × " + featureCount + " values, got " + features.length);
        }
        if (labels.length < sampleCount) {
            throw new IllegalArgumentException("labels must hold sampleCount = " + sampleCount + " values, got "
                    + labels.length);
        }
        for (int i = 0; i < sampleCount; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] must be non-negative, got " + labels[i]);
            }
        }
        return new LabeledFeatures(features, labels, featureCount, null, sampleCount);
    }

    /**
     * A view of some samples of this one, in the given order, sharing the feature and label arrays. Indices may
     * repeat. Typically {@code all.select(LabeledSubset.stratified(...))}.
     *
     * @param sampleIndices indices of samples of this object, each in {@code [0, sampleCount())}; copied
     * @return the view
     * @throws IllegalArgumentException if an index is out of range
     * @throws NullPointerException if {@code sampleIndices} is null
     */
    public LabeledFeatures select(int[] sampleIndices) {
        Objects.requireNonNull(sampleIndices, "sampleIndices");
        int[] selected = new int[sampleIndices.length];
        for (int i = 0; i < sampleIndices.length; i++) {
            int index = sampleIndices[i];
            if (index < 0 || index >= sampleCount) {
                throw new IllegalArgumentException("sampleIndices[" + i + "] must be in [0, " + sampleCount
                        + "), got " + index);
            }
            selected[i] = row(index);
        }
        return new LabeledFeatures(features, labels, featureCount, selected, selected.length);
    }

    /** @return number of samples (rows), at least 0 */
    public int sampleCount() {
        return sampleCount;
    }

    /** @return number of features per sample (columns), at least 1 */
    public int featureCount() {
        return featureCount;
    }

    /**
     * The label of one sample.
     *
     * @param sample index in {@code [0, sampleCount())}
     * @return its class, non-negative
     * @throws IndexOutOfBoundsException if {@code sample} is out of range
     */
    public int label(int sample) {
        Objects.checkIndex(sample, sampleCount);
        return labels[row(sample)];
    }

    /**
     * The number of samples of each class.
     *
     * @param classCount number of classes, at least 1
     * @return a new array of {@code classCount} counts
     * @throws IllegalArgumentException if a label is not below {@code classCount}
     */
    public int[] classCounts(int classCount) {
        checkLabels(classCount);
        int[] counts = new int[classCount];
        for (int i = 0; i < sampleCount; i++) {
            counts[labels[row(i)]]++;
        }
        return counts;
    }

    /**
     * Copies the features of samples {@code from .. from+count-1} into consecutive rows of {@code destination}.
     *
     * @param from first sample, in {@code [0, sampleCount()]}
     * @param count number of samples, with {@code from + count <= sampleCount()}
     * @param destination receives {@code count × featureCount()} values; modified
     * @param destinationOffset index of the first value written
     * @throws IndexOutOfBoundsException if a range is out of bounds
     */
    public void copyRows(int from, int count, float[] destination, int destinationOffset) {
        Objects.checkFromIndexSize(from, count, sampleCount);
        Objects.checkFromIndexSize(destinationOffset, count * featureCount, destination.length);
        if (rows == null) {
            System.arraycopy(features, from * featureCount, destination, destinationOffset, count * featureCount);
            return;
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(features, rows[from + i] * featureCount, destination,
                    destinationOffset + i * featureCount, featureCount);
        }
    }

    /**
     * A new array with the labels of all samples of this view, in order.
     *
     * @return {@code sampleCount()} labels
     */
    public int[] copyOfLabels() {
        int[] copy = new int[sampleCount];
        for (int i = 0; i < sampleCount; i++) {
            copy[i] = labels[row(i)];
        }
        return copy;
    }

    /**
     * A new compact row-major array with the features of all samples of this view, in order.
     *
     * @return {@code sampleCount() × featureCount()} values
     */
    public float[] copyOfFeatures() {
        float[] copy = new float[sampleCount * featureCount];
        copyRows(0, sampleCount, copy, 0);
        return copy;
    }

    @Override
    public String toString() {
        return "LabeledFeatures[samples=" + sampleCount + ", features=" + featureCount
                + (rows == null ? "" : ", view") + "]";
    }

    // --------------------------------------------------------------------------------------------------------
    // package-private access for the evaluations of this package (no copies on hot paths)

    /** The shared feature array; row {@link #row(int) row(i)} holds sample {@code i}. */
    float[] sharedFeatures() {
        return features;
    }

    /** The shared label array, indexed by {@link #row(int)}. */
    int[] sharedLabels() {
        return labels;
    }

    /** Whether samples are the consecutive rows {@code 0..sampleCount-1} of the shared arrays. */
    boolean isContiguous() {
        return rows == null;
    }

    /** The row of the shared arrays that holds sample {@code sample}. */
    int row(int sample) {
        return rows == null ? sample : rows[sample];
    }

    /** Throws if a label is not below {@code classCount}; the message names the sample and the label. */
    void checkLabels(int classCount) {
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be positive, got " + classCount);
        }
        for (int i = 0; i < sampleCount; i++) {
            int label = labels[row(i)];
            if (label >= classCount) {
                throw new IllegalArgumentException("label of sample " + i + " must be in [0, " + classCount
                        + "), got " + label);
            }
        }
    }
}
