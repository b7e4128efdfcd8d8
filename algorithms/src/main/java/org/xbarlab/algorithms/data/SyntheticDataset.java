package org.xbarlab.algorithms.data;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

/**
 * Generates a small, deterministic image classification set for fast tests: no files, no download.
 *
 * <p><b>How it is made.</b> Each class has a prototype image: three pen strokes (line segments drawn with a soft
 * Gaussian edge about 2 pixels wide on a 28×28 image) and one round blob, placed at random. A sample of class
 * {@code c} is the prototype of {@code c} shifted by up to {@link SyntheticDatasetConfig#maxShiftPixels()} pixels
 * along each axis, with its ink scaled by a random contrast in {@code [0.6, 1]}, overlaid half of the time with one
 * short stray stroke, plus Gaussian pixel noise of standard deviation
 * {@link SyntheticDatasetConfig#noiseSigmaFraction()}, and clamped to {@code [0, 1]}. A linear classifier learns
 * it well above chance, but shifts, clutter and noise keep it from being trivially separable.
 *
 * <p><b>Determinism.</b> Random numbers come from sim-core's named streams,
 * {@code RngStreams.of(seed).stream(StreamNames.DATA_SYNTHETIC, index)} ({@code "data/synthetic"}): index
 * {@value #PROTOTYPE_STREAM} draws the prototypes (shared by both splits), index {@value #TRAIN_STREAM} the training
 * samples and index {@value #TEST_STREAM} the test samples. Only {@link StrictMath} functions and basic arithmetic
 * are used, so the same configuration gives the same floats bit for bit on every platform and JDK. Classes are
 * balanced: every class has {@code sampleCount / classCount} samples, and the first
 * {@code sampleCount % classCount} classes one more, in shuffled order. Stateless and thread-safe.
 */
public final class SyntheticDataset {

    /** Index of the {@code "data/synthetic"} stream that draws the class prototypes. */
    public static final long PROTOTYPE_STREAM = 0L;

    /** Index of the {@code "data/synthetic"} stream that draws the training samples. */
    public static final long TRAIN_STREAM = 1L;

    /** Index of the {@code "data/synthetic"} stream that draws the test samples. */
    public static final long TEST_STREAM = 2L;

    private static final int STROKES_PER_CLASS = 3;
    /** Stroke half-width (Gaussian sigma) relative to the smaller image side: about 2 pixels at 28×28. */
    private static final double STROKE_SIGMA_RELATIVE = 0.06;
    /** Blob radius (Gaussian sigma) relative to the smaller image side. */
    private static final double BLOB_SIGMA_RELATIVE = 0.08;
    private static final double BLOB_INTENSITY = 0.8;
    /** Strokes start and end inside the central part of the image, as in MNIST's 20×20 box in 28×28. */
    private static final double MARGIN_RELATIVE = 0.2;
    private static final double MIN_CONTRAST = 0.6;
    private static final double CLUTTER_PROBABILITY = 0.5;
    private static final double CLUTTER_INTENSITY = 0.6;
    /** Stray strokes are short: at most this fraction of the smaller image side. */
    private static final double CLUTTER_LENGTH_RELATIVE = 0.3;

    private SyntheticDataset() {
    }

    /**
     * Generates the training split.
     *
     * @param config the settings, never null
     * @return a data set named {@code "synthetic/train"}
     */
    public static Dataset generate(SyntheticDatasetConfig config) {
        return generate(config, Split.TRAIN);
    }

    /**
     * Generates one split. Both splits share the class prototypes and differ in their samples.
     *
     * @param config the settings, never null
     * @param split the split, never null
     * @return a data set of {@code config.sampleCount()} samples named {@code "synthetic/train"} or
     *     {@code "synthetic/test"}
     */
    public static Dataset generate(SyntheticDatasetConfig config, Split split) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(split, "split");
        int rows = config.rows();
        int cols = config.cols();
        int features = rows * cols;
        int classCount = config.classCount();
        float[] prototypes = prototypes(config);
        UniformRandomProvider random = RngStreams.of(config.seed()).stream(StreamNames.DATA_SYNTHETIC,
                split == Split.TRAIN ? TRAIN_STREAM : TEST_STREAM);

        int sampleCount = config.sampleCount();
        int[] labels = new int[sampleCount];
        for (int i = 0; i < sampleCount; i++) {
            labels[i] = i % classCount;
        }
        // Fisher-Yates shuffle: exact balance, random order.
        for (int i = sampleCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = labels[i];
            labels[i] = labels[j];
            labels[j] = swap;
        }

        float[] images = new float[sampleCount * features];
        double[] noise = new double[features];
        double[] clutter = new double[features];
        double size = Math.min(rows, cols);
        double strokeSigma = STROKE_SIGMA_RELATIVE * size;
        int maxShift = config.maxShiftPixels();
        double noiseSigma = config.noiseSigmaFraction();
        for (int i = 0; i < sampleCount; i++) {
            int prototypeOffset = labels[i] * features;
            int shiftRows = random.nextInt(2 * maxShift + 1) - maxShift;
            int shiftCols = random.nextInt(2 * maxShift + 1) - maxShift;
            double contrast = MIN_CONTRAST + (1 - MIN_CONTRAST) * random.nextDouble();
            boolean cluttered = random.nextDouble() < CLUTTER_PROBABILITY;
            Arrays.fill(clutter, 0);
            if (cluttered) {
                double r0 = random.nextDouble() * rows;
                double c0 = random.nextDouble() * cols;
                double angle = 2 * StrictMath.PI * random.nextDouble();
                double length = CLUTTER_LENGTH_RELATIVE * size * random.nextDouble();
                drawStroke(clutter, rows, cols, r0, c0, r0 + length * StrictMath.sin(angle),
                        c0 + length * StrictMath.cos(angle), strokeSigma, CLUTTER_INTENSITY);
            }
            fillGaussian(random, noise);
            int imageOffset = i * features;
            for (int r = 0; r < rows; r++) {
                int sourceRow = r - shiftRows;
                for (int c = 0; c < cols; c++) {
                    int sourceCol = c - shiftCols;
                    double ink = 0;
                    if (sourceRow >= 0 && sourceRow < rows && sourceCol >= 0 && sourceCol < cols) {
                        ink = contrast * prototypes[prototypeOffset + sourceRow * cols + sourceCol];
                    }
                    int feature = r * cols + c;
                    double value = Math.max(ink, clutter[feature]) + noiseSigma * noise[feature];
                    images[imageOffset + feature] = (float) Math.min(1.0, Math.max(0.0, value));
                }
            }
        }
        return Dataset.wrap("synthetic/" + split.id(), images, labels, rows, cols, classCount);
    }

    /**
     * Draws the noise-free class prototypes from stream index {@link #PROTOTYPE_STREAM}.
     *
     * @return {@code classCount * rows * cols} intensities in {@code [0, 1]}, prototype after prototype
     */
    static float[] prototypes(SyntheticDatasetConfig config) {
        int rows = config.rows();
        int cols = config.cols();
        int features = rows * cols;
        double size = Math.min(rows, cols);
        double strokeSigma = STROKE_SIGMA_RELATIVE * size;
        double blobSigma = BLOB_SIGMA_RELATIVE * size;
        UniformRandomProvider random = RngStreams.of(config.seed()).stream(StreamNames.DATA_SYNTHETIC,
                PROTOTYPE_STREAM);
        float[] prototypes = new float[config.classCount() * features];
        double[] canvas = new double[features];
        for (int k = 0; k < config.classCount(); k++) {
            Arrays.fill(canvas, 0);
            for (int s = 0; s < STROKES_PER_CLASS; s++) {
                drawStroke(canvas, rows, cols, inner(random, rows), inner(random, cols), inner(random, rows),
                        inner(random, cols), strokeSigma, 1.0);
            }
            double blobRow = inner(random, rows);
            double blobCol = inner(random, cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double dr = r - blobRow;
                    double dc = c - blobCol;
                    double blob = BLOB_INTENSITY * StrictMath.exp(-(dr * dr + dc * dc) / (2 * blobSigma * blobSigma));
                    int feature = r * cols + c;
                    canvas[feature] = Math.max(canvas[feature], blob);
                }
            }
            for (int f = 0; f < features; f++) {
                prototypes[k * features + f] = (float) canvas[f];
            }
        }
        return prototypes;
    }

    /** A coordinate uniformly inside the central part of an axis of {@code extent} pixels. */
    private static double inner(UniformRandomProvider random, int extent) {
        return (MARGIN_RELATIVE + (1 - 2 * MARGIN_RELATIVE) * random.nextDouble()) * (extent - 1);
    }

    /**
     * Draws a segment with a Gaussian profile into {@code canvas} (modified), keeping the maximum of old and new
     * ink at each pixel.
     */
    private static void drawStroke(double[] canvas, int rows, int cols, double r0, double c0, double r1, double c1,
                                   double sigma, double intensity) {
        double segmentRows = r1 - r0;
        double segmentCols = c1 - c0;
        double lengthSquared = segmentRows * segmentRows + segmentCols * segmentCols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = lengthSquared == 0 ? 0
                        : ((r - r0) * segmentRows + (c - c0) * segmentCols) / lengthSquared;
                t = Math.max(0, Math.min(1, t));
                double dr = r - (r0 + t * segmentRows);
                double dc = c - (c0 + t * segmentCols);
                double ink = intensity * StrictMath.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
                int feature = r * cols + c;
                canvas[feature] = Math.max(canvas[feature], ink);
            }
        }
    }

    /**
     * Fills {@code out} (modified) with standard normal values by the Box-Muller transform with {@link StrictMath},
     * so that the values are identical on every platform (Ziggurat samplers use {@code Math.exp}, which may differ
     * by an ulp between JIT intrinsics).
     */
    private static void fillGaussian(UniformRandomProvider random, double[] out) {
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
            double u2 = random.nextDouble();
            double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double angle = 2.0 * StrictMath.PI * u2;
            out[i] = radius * StrictMath.cos(angle);
            if (i + 1 < out.length) {
                out[i + 1] = radius * StrictMath.sin(angle);
            }
        }
    }
}
