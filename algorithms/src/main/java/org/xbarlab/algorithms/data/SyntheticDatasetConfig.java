package org.xbarlab.algorithms.data;

import org.xbarlab.core.Checks;

/**
 * Settings of the synthetic data set ({@link SyntheticDataset}). Immutable; every check runs in the constructor, so
 * an invalid configuration cannot exist.
 *
 * <p>The constructor throws {@link IllegalArgumentException}, naming the component, its value and the allowed
 * range, if a component is out of range.
 *
 * @param seed root seed: the same seed and settings always give the same images, bit for bit; any value
 * @param sampleCount number of samples per generated split, 0 to 1 000 000
 * @param classCount number of classes, 2 to 256
 * @param rows image height in pixels, 8 to 1024
 * @param cols image width in pixels, 8 to 1024
 * @param noiseSigmaFraction standard deviation of the additive Gaussian pixel noise as a fraction of the pixel
 *     range {@code [0, 1]}; finite, 0 to 1
 * @param maxShiftPixels largest random translation of a sample relative to its class prototype, in pixels along
 *     each axis; 0 to a quarter of the smaller image side
 */
public record SyntheticDatasetConfig(long seed, int sampleCount, int classCount, int rows, int cols,
                                     double noiseSigmaFraction, int maxShiftPixels) {

    /** Default root seed; arbitrary but fixed, so that the default set never changes. */
    public static final long DEFAULT_SEED = 20_261_122L;

    /** Largest sample count: keeps a 28×28 set below 3.2 GB of floats. */
    public static final int MAX_SAMPLE_COUNT = 1_000_000;

    /** Validates every component through sim-core's {@code Checks} (STYLE.md B4). */
    public SyntheticDatasetConfig {
        Checks.inRange("sampleCount", sampleCount, 0, MAX_SAMPLE_COUNT);
        Checks.inRange("classCount", classCount, 2, 256);
        Checks.inRange("rows", rows, 8, 1024);
        Checks.inRange("cols", cols, 8, 1024);
        Checks.isTrue((long) sampleCount * rows * cols <= Integer.MAX_VALUE - 8L,
                "sampleCount × rows × cols must fit in one array, got %d × %d × %d", sampleCount, rows, cols);
        Checks.fraction("noiseSigmaFraction", noiseSigmaFraction);
        Checks.inRange("maxShiftPixels", maxShiftPixels, 0, Math.min(rows, cols) / 4);
    }

    /**
     * Returns the default configuration: seed {@link #DEFAULT_SEED}, 2 000 samples, 10 classes of 28×28 pixels,
     * noise sigma 0.3 of the pixel range and shifts of up to 3 pixels. Trained on the default training split and
     * measured on 1 000 test samples, a nearest-class-mean classifier reaches 60 to 73 % (seeds 1 to 10) and a
     * softmax regression about 77 % (default seed), where chance is 10 %: learning is clearly visible but not
     * trivial.
     *
     * @return the defaults
     */
    public static SyntheticDatasetConfig defaults() {
        return new SyntheticDatasetConfig(DEFAULT_SEED, 2_000, 10, 28, 28, 0.3, 3);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param newSeed the root seed
     * @return the new configuration
     */
    public SyntheticDatasetConfig withSeed(long newSeed) {
        return new SyntheticDatasetConfig(newSeed, sampleCount, classCount, rows, cols, noiseSigmaFraction,
                maxShiftPixels);
    }

    /**
     * Returns a copy with another sample count.
     *
     * @param newSampleCount samples per split, 0 to {@link #MAX_SAMPLE_COUNT}
     * @return the new configuration
     * @throws IllegalArgumentException if the value is out of range
     */
    public SyntheticDatasetConfig withSampleCount(int newSampleCount) {
        return new SyntheticDatasetConfig(seed, newSampleCount, classCount, rows, cols, noiseSigmaFraction,
                maxShiftPixels);
    }

    /**
     * Returns a copy with another number of classes.
     *
     * @param newClassCount 2 to 256
     * @return the new configuration
     * @throws IllegalArgumentException if the value is out of range
     */
    public SyntheticDatasetConfig withClassCount(int newClassCount) {
        return new SyntheticDatasetConfig(seed, sampleCount, newClassCount, rows, cols, noiseSigmaFraction,
                maxShiftPixels);
    }

    /**
     * Returns a copy with another image size; the maximum shift is reduced if it no longer fits.
     *
     * @param newRows image height in pixels, 8 to 1024
     * @param newCols image width in pixels, 8 to 1024
     * @return the new configuration
     * @throws IllegalArgumentException if a value is out of range
     */
    public SyntheticDatasetConfig withSize(int newRows, int newCols) {
        int shift = Math.min(maxShiftPixels, Math.max(0, Math.min(newRows, newCols) / 4));
        return new SyntheticDatasetConfig(seed, sampleCount, classCount, newRows, newCols, noiseSigmaFraction,
                shift);
    }

    /**
     * Returns a copy with another noise level.
     *
     * @param newNoiseSigmaFraction standard deviation of the pixel noise as a fraction of the pixel range, 0 to 1
     * @return the new configuration
     * @throws IllegalArgumentException if the value is out of range
     */
    public SyntheticDatasetConfig withNoiseSigmaFraction(double newNoiseSigmaFraction) {
        return new SyntheticDatasetConfig(seed, sampleCount, classCount, rows, cols, newNoiseSigmaFraction,
                maxShiftPixels);
    }

    /**
     * Returns a copy with another maximum shift.
     *
     * @param newMaxShiftPixels largest translation in pixels, 0 to a quarter of the smaller image side
     * @return the new configuration
     * @throws IllegalArgumentException if the value is out of range
     */
    public SyntheticDatasetConfig withMaxShiftPixels(int newMaxShiftPixels) {
        return new SyntheticDatasetConfig(seed, sampleCount, classCount, rows, cols, noiseSigmaFraction,
                newMaxShiftPixels);
    }
}
