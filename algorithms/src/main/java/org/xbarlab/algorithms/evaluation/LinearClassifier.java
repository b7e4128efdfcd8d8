package org.xbarlab.algorithms.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.algorithms.network.AdamOptimizer;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.progress.Progress;

/**
 * The linear-classifier evaluation of the seed paper (D. Liu et al., "Unsupervised end-to-end training with a
 * self-defined target", Neuromorph. Comput. Eng. 4 (2024) 044005, arXiv:2403.12116; the official code's
 * {@code Classifier} and {@code train_class_layer}; reference/seed-algorithm.md §4.3): a linear read-out trained on
 * the frozen network's outputs with the labeled samples, reported as its test accuracy after the last epoch.
 *
 * <p><b>Model.</b> For a feature row {@code x} (length {@code F}): {@code z = x̃·W + b} with {@code W} stored
 * {@code F × classes}, where {@code x̃} is {@code x} with inverted dropout during training (each feature zeroed with
 * probability {@code p}, the others divided by {@code 1 − p}) and {@code x̃ = x} otherwise; {@code a = z}
 * ({@link ClassifierActivation#IDENTITY}) or {@code a = σ(z)} ({@link ClassifierActivation#SIGMOID}); loss
 * {@code −log softmax(a)_y}, averaged over the batch (PyTorch {@code CrossEntropyLoss} applied to {@code a}). Its
 * gradient is {@code ∂L/∂a = (softmax(a) − onehot(y))/B}, times {@code σ(z)(1 − σ(z))} for the sigmoid. The
 * prediction is {@code argmax z}, which equals {@code argmax a} (the sigmoid is increasing) but does not suffer
 * from float saturation of {@code σ}; ties go to the lowest class index.
 *
 * <p><b>Training.</b> Weights and biases start at 0 (see below); every epoch shuffles the labeled samples with
 * {@link PermutationSampler#shuffle(UniformRandomProvider, int[])} from the {@code shuffle} stream, then takes
 * mini-batches of {@link LinearClassifierConfig#batchSize()} in that order (the last one may be smaller, as with
 * PyTorch's {@code DataLoader} default), each with one {@link AdamOptimizer Adam} step (β1 0.9, β2 0.999, ε 1e-8,
 * PyTorch's arithmetic) at the learning rate {@code learningRate × schedule.factor(epoch)}. Dropout masks come
 * from the {@code dropout} stream, 32 random bits per feature (two features per 64-bit output; a feature is dropped
 * when its bits, read as an unsigned integer, are below {@code round(p·2^32)}); with {@code p = 0} that stream is
 * not used. The products {@code x̃·W} and
 * {@code x̃ᵀ·δ} go through {@link Kernels#gemm}; all buffers are allocated once per training.
 *
 * <p><b>Deviation from the reference: zero initialisation.</b> PyTorch's {@code nn.Linear} starts from
 * {@code U(−1/√F, 1/√F)}. Here the parameters start at 0, which needs no random stream and makes the result
 * independent of one. With the identity activation the loss is convex in {@code (W, b)}, so the starting point
 * only affects how fast the optimum is approached; with the sigmoid the zero start is still non-degenerate
 * (every class gets a different gradient).
 *
 * <p>A trained instance is immutable and thread-safe.
 */
public final class LinearClassifier {

    static final long LOW_32_BITS = 0xFFFF_FFFFL;
    static final double TWO_TO_THE_32 = 4_294_967_296.0;

    private final int featureCount;
    private final int classCount;
    private final ClassifierActivation activation;
    /** {@code featureCount × classCount}, row-major. */
    private final float[] weights;
    private final float[] bias;

    private LinearClassifier(int featureCount, int classCount, ClassifierActivation activation, float[] weights,
                             float[] bias) {
        this.featureCount = featureCount;
        this.classCount = classCount;
        this.activation = activation;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains a classifier and records its per-epoch curve.
     *
     * @param train the labeled samples (features of the frozen network and their classes), at least one; the
     *     arrays are read, not modified
     * @param test samples evaluated after every epoch (typically the test set), or {@code null} for none; same
     *     feature count as {@code train}
     * @param classes number of classes, at least 2; every label of {@code train} and {@code test} must be below it
     * @param config the settings; not null
     * @param shuffle the stream that orders each epoch's samples; advanced, never null
     * @param dropout the stream of the dropout masks; advanced (unused when the dropout fraction is 0), never null
     * @param progress receives one step per epoch, with the epoch's loss and test accuracy; never null
     * @return the trained classifier with its curve and the test accuracy after the last epoch
     * @throws IllegalArgumentException if there is no training sample, the feature counts differ or a label is out
     *     of range
     * @throws IllegalStateException if the training loss becomes NaN or infinite (non-finite features, or a
     *     learning rate far too large); the message names the epoch
     */
    public static LinearClassifierResult train(LabeledFeatures train, LabeledFeatures test, int classes,
                                               LinearClassifierConfig config, UniformRandomProvider shuffle,
                                               UniformRandomProvider dropout, Progress progress) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(shuffle, "shuffle");
        Objects.requireNonNull(dropout, "dropout");
        Objects.requireNonNull(progress, "progress");
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        int samples = train.sampleCount();
        if (samples < 1) {
            throw new IllegalArgumentException("the linear classifier needs at least one training sample, got 0");
        }
        train.checkLabels(classes);
        int features = train.featureCount();
        if (test != null) {
            if (test.featureCount() != features) {
                throw new IllegalArgumentException("test must have " + features + " features like train, got "
                        + test.featureCount());
            }
            test.checkLabels(classes);
        }

        int batch = Math.min(config.batchSize(), samples);
        int epochs = config.epochs();
        ClassifierActivation activation = config.activation();
        long dropThreshold = Math.round(config.dropoutFraction() * TWO_TO_THE_32);
        // Index 0: kept, scaled by 1/(1 − p) (inverted dropout); index 1: dropped.
        float[] keepOrDrop = {(float) (1.0 / (1.0 - config.dropoutFraction())), 0f};
        float[] sharedX = train.sharedFeatures();
        int[] sharedLabels = train.sharedLabels();

        float[] weights = new float[features * classes];
        float[] bias = new float[classes];
        float[] weightGradient = new float[features * classes];
        float[] biasGradient = new float[classes];
        float[] batchX = new float[batch * features];
        float[] work = new float[batch * classes];
        int[] batchLabels = new int[batch];
        int[] correct = new int[1];
        AdamOptimizer weightOptimizer = new AdamOptimizer(weights.length);
        AdamOptimizer biasOptimizer = new AdamOptimizer(bias.length);
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = train.row(i);
        }

        List<Double> trainLoss = new ArrayList<>(epochs);
        List<Double> trainAccuracy = new ArrayList<>(epochs);
        List<Double> testAccuracy = new ArrayList<>(epochs);
        List<Double> testLoss = new ArrayList<>(epochs);
        List<Double> learningRates = new ArrayList<>(epochs);
        progress.start("linear classifier", epochs);
        for (int epoch = 0; epoch < epochs; epoch++) {
            double learningRate = config.learningRate() * config.schedule().factor(epoch, epochs);
            learningRates.add(learningRate);
            PermutationSampler.shuffle(shuffle, order);
            double lossSum = 0;
            long correctSum = 0;
            for (int start = 0; start < samples; start += batch) {
                int rows = Math.min(batch, samples - start);
                for (int r = 0; r < rows; r++) {
                    int row = order[start + r];
                    batchLabels[r] = sharedLabels[row];
                    if (dropThreshold == 0) {
                        System.arraycopy(sharedX, row * features, batchX, r * features, features);
                    } else {
                        dropoutRow(sharedX, row * features, batchX, r * features, features, dropout, dropThreshold,
                                keepOrDrop);
                    }
                }
                double meanLoss = lossAndGradient(activation, batchX, rows, features, classes, batchLabels,
                        weights, bias, work, weightGradient, biasGradient, correct);
                lossSum += meanLoss * rows;
                correctSum += correct[0];
                weightOptimizer.step(weights, weightGradient, learningRate);
                biasOptimizer.step(bias, biasGradient, learningRate);
            }
            if (!Double.isFinite(lossSum)) {
                throw new IllegalStateException("linear classifier training diverged in epoch " + (epoch + 1) + "/"
                        + epochs + ": the training loss is " + lossSum / samples + " (learningRate " + learningRate
                        + "); check that the features are finite or lower the learning rate");
            }
            trainLoss.add(lossSum / samples);
            trainAccuracy.add((double) correctSum / samples);
            String detail;
            if (test != null && test.sampleCount() > 0) {
                double[] evaluation = new LinearClassifier(features, classes, activation, weights, bias)
                        .evaluate(test);
                testAccuracy.add(evaluation[0]);
                testLoss.add(evaluation[1]);
                detail = String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, test accuracy %.2f %%", epoch + 1,
                        epochs, lossSum / samples, 100 * evaluation[0]);
            } else {
                detail = String.format(Locale.ROOT, "epoch %d/%d: loss %.4f", epoch + 1, epochs, lossSum / samples);
            }
            progress.step(epoch + 1, detail);
        }
        LinearClassifier classifier = new LinearClassifier(features, classes, activation, weights, bias);
        double finalTestAccuracy = testAccuracy.isEmpty() ? Double.NaN : testAccuracy.get(testAccuracy.size() - 1);
        progress.finish(testAccuracy.isEmpty()
                ? "trained on " + samples + " samples for " + epochs + " epoch(s)"
                : String.format(Locale.ROOT, "trained on %d samples for %d epoch(s): test accuracy %.2f %%",
                        samples, epochs, 100 * finalTestAccuracy));
        return new LinearClassifierResult(classifier, finalTestAccuracy, trainLoss, trainAccuracy, testAccuracy,
                testLoss, learningRates);
    }

    /**
     * Inverted dropout of one row: {@code out[i] = in[i]·scale}, or 0 when feature {@code i} is dropped. Each
     * 64-bit output of {@code random} decides two consecutive features, the low 32 bits the first and the high 32
     * bits the second (an odd last feature uses the low half of a fresh output): a feature is dropped when its
     * 32-bit unsigned integer is below {@code threshold = round(p·2^32)}, so with probability {@code p} to within
     * 2^-33. Branch-free (a two-entry table instead of a data-dependent branch, which mispredicts on random masks).
     */
    static void dropoutRow(float[] in, int inOffset, float[] out, int outOffset, int length,
                           UniformRandomProvider random, long threshold, float[] keepOrDrop) {
        int i = 0;
        for (; i + 1 < length; i += 2) {
            long bits = random.nextLong();
            int dropLow = (int) (((bits & LOW_32_BITS) - threshold) >>> 63);
            int dropHigh = (int) (((bits >>> 32) - threshold) >>> 63);
            out[outOffset + i] = in[inOffset + i] * keepOrDrop[dropLow];
            out[outOffset + i + 1] = in[inOffset + i + 1] * keepOrDrop[dropHigh];
        }
        if (i < length) {
            int drop = (int) (((random.nextLong() & LOW_32_BITS) - threshold) >>> 63);
            out[outOffset + i] = in[inOffset + i] * keepOrDrop[drop];
        }
    }

    /**
     * The batch's mean loss and its gradient: forward {@code z = x·W + b}, activation, softmax cross-entropy, and
     * back to {@code ∂L/∂W = xᵀ·δ} and {@code ∂L/∂b = Σ_rows δ} with {@code δ = ∂L/∂z}.
     *
     * @param activation the activation
     * @param x {@code rows × features} inputs (after dropout); read only
     * @param rows batch size, at least 1
     * @param features features per row
     * @param classes number of classes
     * @param labels the class of each row; read only
     * @param weights {@code features × classes}; read only
     * @param bias {@code classes}; read only
     * @param work at least {@code rows × classes} scratch values; overwritten with {@code δ}
     * @param weightGradient receives {@code ∂L/∂W}; overwritten
     * @param biasGradient receives {@code ∂L/∂b}; overwritten
     * @param correct if not null, element 0 receives the number of rows whose {@code argmax z} is the label
     * @return the mean loss over the rows
     */
    static double lossAndGradient(ClassifierActivation activation, float[] x, int rows, int features, int classes,
                                  int[] labels, float[] weights, float[] bias, float[] work, float[] weightGradient,
                                  float[] biasGradient, int[] correct) {
        logits(x, 0, rows, features, classes, weights, bias, work);
        double lossSum = 0;
        int hits = 0;
        double inverseRows = 1.0 / rows;
        for (int r = 0; r < rows; r++) {
            int offset = r * classes;
            int label = labels[r];
            if (DirectAssociation.argmax(work, offset, classes) == label) {
                hits++;
            }
            if (activation == ClassifierActivation.SIGMOID) {
                for (int c = 0; c < classes; c++) {
                    work[offset + c] = sigmoid(work[offset + c]);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, work[offset + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(work[offset + c] - max);
            }
            lossSum += Math.log(sum) - (work[offset + label] - max);
            for (int c = 0; c < classes; c++) {
                float a = work[offset + c];
                double probability = Math.exp(a - max) / sum;
                double delta = (probability - (c == label ? 1 : 0)) * inverseRows;
                if (activation == ClassifierActivation.SIGMOID) {
                    delta *= a * (1.0 - a);
                }
                work[offset + c] = (float) delta;
            }
        }
        Kernels.gemm(Transpose.YES, Transpose.NO, features, classes, rows, 1f, x, 0, features, work, 0, classes,
                0f, weightGradient, 0, classes);
        for (int c = 0; c < classes; c++) {
            float sum = 0f;
            for (int r = 0; r < rows; r++) {
                sum += work[r * classes + c];
            }
            biasGradient[c] = sum;
        }
        if (correct != null) {
            correct[0] = hits;
        }
        return lossSum * inverseRows;
    }

    /** {@code z = x·W + b} for {@code rows} rows of {@code x} starting at {@code xOffset}, into {@code z}. */
    private static void logits(float[] x, int xOffset, int rows, int features, int classes, float[] weights,
                               float[] bias, float[] z) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, 0, z, r * classes, classes);
        }
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, classes, features, 1f, x, xOffset, features,
                weights, 0, classes, 1f, z, 0, classes);
    }

    /** The logistic function in float, computed in double. */
    static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }

    // --------------------------------------------------------------------------------------------------------
    // prediction

    /**
     * Predicts the class of each sample: {@code argmax z}, the lowest index among ties.
     *
     * @param features row-major {@code samples × features()}; not modified
     * @param samples number of samples, at least 0
     * @return a new array of classes in {@code [0, classes())}
     * @throws IllegalArgumentException if {@code features} is too short
     */
    public int[] predict(float[] features, int samples) {
        Objects.requireNonNull(features, "features");
        if (samples < 0 || features.length < (long) samples * featureCount) {
            throw new IllegalArgumentException("features must hold samples × features = " + samples + " × "
                    + featureCount + " values, got " + features.length);
        }
        return predict(LabeledFeatures.of(features, new int[samples], samples, featureCount));
    }

    /**
     * Predicts the class of each sample; labels are ignored.
     *
     * @param samples the samples, {@code features()} features each
     * @return a new array of classes in {@code [0, classes())}
     * @throws IllegalArgumentException if the feature count differs
     */
    public int[] predict(LabeledFeatures samples) {
        checkWidth(samples);
        int[] predicted = new int[samples.sampleCount()];
        forEachChunk(samples, (start, rows, z) -> {
            for (int r = 0; r < rows; r++) {
                predicted[start + r] = DirectAssociation.argmax(z, r * classCount, classCount);
            }
        });
        return predicted;
    }

    /**
     * The fraction of samples classified correctly.
     *
     * @param samples the samples with their true classes, at least one, {@code features()} features each
     * @return accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if there is no sample, the feature count differs or a label is out of range
     */
    public double accuracy(LabeledFeatures samples) {
        return evaluate(samples)[0];
    }

    /**
     * The fraction of samples classified correctly.
     *
     * @param features row-major {@code samples × features()}; not modified
     * @param labels true classes; not modified
     * @param samples number of samples, at least 1
     * @return accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if an array is too short, there is no sample or a label is out of range
     */
    public double accuracy(float[] features, int[] labels, int samples) {
        return accuracy(LabeledFeatures.of(features, labels, samples, featureCount));
    }

    /**
     * The mean cross-entropy loss (with the activation, without dropout) over the samples.
     *
     * @param samples the samples with their true classes, at least one, {@code features()} features each
     * @return the mean loss, non-negative
     * @throws IllegalArgumentException if there is no sample, the feature count differs or a label is out of range
     */
    public double meanLoss(LabeledFeatures samples) {
        return evaluate(samples)[1];
    }

    /** {accuracy, mean loss} in one pass. */
    private double[] evaluate(LabeledFeatures samples) {
        checkWidth(samples);
        int n = samples.sampleCount();
        if (n < 1) {
            throw new IllegalArgumentException("evaluation needs at least one sample, got 0");
        }
        samples.checkLabels(classCount);
        int[] labels = samples.sharedLabels();
        double[] totals = new double[2];
        forEachChunk(samples, (start, rows, z) -> {
            for (int r = 0; r < rows; r++) {
                int offset = r * classCount;
                int label = labels[samples.row(start + r)];
                if (DirectAssociation.argmax(z, offset, classCount) == label) {
                    totals[0]++;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classCount; c++) {
                    max = Math.max(max, activate(z[offset + c]));
                }
                double sum = 0;
                for (int c = 0; c < classCount; c++) {
                    sum += Math.exp(activate(z[offset + c]) - max);
                }
                totals[1] += Math.log(sum) - (activate(z[offset + label]) - max);
            }
        });
        return new double[] {totals[0] / n, totals[1] / n};
    }

    private float activate(float z) {
        return activation == ClassifierActivation.SIGMOID ? sigmoid(z) : z;
    }

    /** Receives the logits of consecutive samples {@code start .. start+rows-1}. */
    @FunctionalInterface
    private interface LogitConsumer {
        void accept(int start, int rows, float[] z);
    }

    private void forEachChunk(LabeledFeatures samples, LogitConsumer consumer) {
        int n = samples.sampleCount();
        if (n == 0) {
            return;
        }
        int chunk = Math.min(DirectAssociation.CHUNK_ROWS, n);
        float[] z = new float[chunk * classCount];
        float[] rows = samples.isContiguous() ? null : new float[chunk * featureCount];
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            if (rows == null) {
                logits(samples.sharedFeatures(), start * featureCount, count, featureCount, classCount, weights, bias,
                        z);
            } else {
                samples.copyRows(start, count, rows, 0);
                logits(rows, 0, count, featureCount, classCount, weights, bias, z);
            }
            consumer.accept(start, count, z);
        }
    }

    private void checkWidth(LabeledFeatures samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.featureCount() != featureCount) {
            throw new IllegalArgumentException("samples must have " + featureCount + " features, got "
                    + samples.featureCount());
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // accessors

    /**
     * The weights.
     *
     * @return a new row-major {@code features() × classes()} array
     */
    public float[] weights() {
        return weights.clone();
    }

    /**
     * The biases.
     *
     * @return a new array of {@code classes()} values
     */
    public float[] bias() {
        return bias.clone();
    }

    /** @return the number of input features */
    public int features() {
        return featureCount;
    }

    /** @return the number of classes */
    public int classes() {
        return classCount;
    }

    /** @return the activation before the softmax */
    public ClassifierActivation activation() {
        return activation;
    }

    @Override
    public String toString() {
        return "LinearClassifier[features=" + featureCount + ", classes=" + classCount + ", activation="
                + activation + "]";
    }
}
