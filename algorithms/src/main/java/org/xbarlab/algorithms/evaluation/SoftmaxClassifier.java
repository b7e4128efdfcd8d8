package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.progress.Progress;

/**
 * A linear classifier with a softmax output (multinomial logistic regression), trained in software by mini-batch
 * gradient descent on the mean cross-entropy. Used to evaluate learned features (the "linear classifier"
 * evaluation of the seed paper) and, until the chip models exist, as the demo's model.
 *
 * <p>Features are row-major {@code float[samples × features]}; labels are class indices. The forward product and
 * the weight gradient go through {@link Kernels}. A trained instance is immutable and thread-safe for prediction.
 */
public final class SoftmaxClassifier {

    private final int features;
    private final int classes;
    private final float[] weights;
    private final float[] bias;

    private SoftmaxClassifier(int features, int classes, float[] weights, float[] bias) {
        this.features = features;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains a classifier from zero weights.
     *
     * @param x training features, row-major {@code samples × features}; not modified
     * @param labels class of each sample, in {@code [0, classes)}; not modified
     * @param samples number of samples, at least 1
     * @param features number of features per sample, at least 1
     * @param classes number of classes, at least 2
     * @param config training settings
     * @param shuffle random stream that orders the samples of each epoch
     * @param progress receives one step per batch
     * @return the trained classifier
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public static SoftmaxClassifier train(float[] x, int[] labels, int samples, int features, int classes,
                                          SoftmaxClassifierConfig config, UniformRandomProvider shuffle,
                                          Progress progress) {
        checkData(x, labels, samples, features, classes);
        Objects.requireNonNull(config, "config");
        int batch = Math.min(config.batchSize(), samples);
        float[] weights = new float[features * classes];
        float[] bias = new float[classes];
        float[] batchX = new float[batch * features];
        float[] delta = new float[batch * classes];
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        float learningRate = (float) config.learningRate();
        float decay = (float) (1.0 - config.learningRate() * config.l2Regularization());
        int batchesPerEpoch = (samples + batch - 1) / batch;
        progress.start("softmax classifier", (long) config.epochs() * batchesPerEpoch);
        long step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            PermutationSampler.shuffle(shuffle, order);
            for (int start = 0; start < samples; start += batch) {
                int rows = Math.min(batch, samples - start);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(x, order[start + r] * features, batchX, r * features, features);
                }
                // delta = softmax(X W + b) - onehot(y), divided by the batch size (gradient of the mean loss).
                Kernels.gemm(Transpose.NO, Transpose.NO, rows, classes, features, 1f, batchX, 0, features,
                        weights, 0, classes, 0f, delta, 0, classes);
                for (int r = 0; r < rows; r++) {
                    softmaxInPlace(delta, r * classes, bias, classes);
                    delta[r * classes + labels[order[start + r]]] -= 1f;
                }
                float scale = 1f / rows;
                for (int c = 0; c < classes; c++) {
                    float sum = 0f;
                    for (int r = 0; r < rows; r++) {
                        sum += delta[r * classes + c];
                    }
                    bias[c] -= learningRate * scale * sum;
                }
                if (decay != 1f) {
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] *= decay;
                    }
                }
                // W <- W - (lr / rows) X^T delta
                Kernels.gemm(Transpose.YES, Transpose.NO, features, classes, rows, -learningRate * scale,
                        batchX, 0, features,
                        delta, 0, classes, 1f, weights, 0, classes);
                progress.step(++step, "epoch " + (epoch + 1) + "/" + config.epochs());
            }
        }
        progress.finish("trained on " + samples + " samples for " + config.epochs() + " epoch(s)");
        return new SoftmaxClassifier(features, classes, weights, bias);
    }

    /**
     * Predicts the class of each sample (the largest logit; the lowest index wins ties).
     *
     * @param x features, row-major {@code samples × features}; not modified
     * @param samples number of samples
     * @return a new array of predicted classes
     */
    public int[] predict(float[] x, int samples) {
        if (samples < 0 || x.length < (long) samples * features) {
            throw new IllegalArgumentException("x must hold samples × features = " + samples + " × " + features
                    + " values, got " + x.length);
        }
        int[] predicted = new int[samples];
        int chunk = 1024;
        float[] logits = new float[chunk * classes];
        for (int start = 0; start < samples; start += chunk) {
            int rows = Math.min(chunk, samples - start);
            Kernels.gemm(Transpose.NO, Transpose.NO, rows, classes, features, 1f, x, start * features, features,
                    weights, 0, classes, 0f, logits, 0, classes);
            for (int r = 0; r < rows; r++) {
                int best = 0;
                float bestValue = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    float value = logits[r * classes + c] + bias[c];
                    if (value > bestValue) {
                        bestValue = value;
                        best = c;
                    }
                }
                predicted[start + r] = best;
            }
        }
        return predicted;
    }

    /**
     * The fraction of samples whose predicted class equals the label.
     *
     * @param x features, row-major; not modified
     * @param labels true classes; not modified
     * @param samples number of samples, at least 1
     * @return accuracy in [0, 1]
     */
    public double accuracy(float[] x, int[] labels, int samples) {
        checkData(x, labels, samples, features, classes);
        int[] predicted = predict(x, samples);
        int correct = 0;
        for (int i = 0; i < samples; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / samples;
    }

    /** A copy of the weights, row-major {@code features × classes}. */
    public float[] weights() {
        return weights.clone();
    }

    /** A copy of the biases, one per class. */
    public float[] bias() {
        return bias.clone();
    }

    /** Number of input features. */
    public int features() {
        return features;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Replaces {@code logits[offset .. offset+classes)} (plus bias) by their softmax, stably. */
    static void softmaxInPlace(float[] logits, int offset, float[] bias, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            logits[offset + c] += bias[c];
            max = Math.max(max, logits[offset + c]);
        }
        float sum = 0f;
        for (int c = 0; c < classes; c++) {
            float e = (float) Math.exp(logits[offset + c] - max);
            logits[offset + c] = e;
            sum += e;
        }
        float inverse = 1f / sum;
        for (int c = 0; c < classes; c++) {
            logits[offset + c] *= inverse;
        }
    }

    private static void checkData(float[] x, int[] labels, int samples, int features, int classes) {
        if (samples < 1 || features < 1 || classes < 2) {
            throw new IllegalArgumentException("need samples >= 1, features >= 1 and classes >= 2, got samples="
                    + samples + ", features=" + features + ", classes=" + classes);
        }
        if (x.length < (long) samples * features) {
            throw new IllegalArgumentException("x must hold samples × features = " + samples + " × " + features
                    + " values, got " + x.length);
        }
        if (labels.length < samples) {
            throw new IllegalArgumentException("labels must hold " + samples + " values, got " + labels.length);
        }
        for (int i = 0; i < samples; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes + "), got "
                        + labels[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "SoftmaxClassifier[features=" + features + ", classes=" + classes + ", bias="
                + Arrays.toString(bias) + "]";
    }
}
