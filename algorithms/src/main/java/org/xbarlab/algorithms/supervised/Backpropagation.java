package org.xbarlab.algorithms.supervised;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.UpdateResult;

/**
 * One backpropagation step of a layered network on its crossbars: forward with inverted dropout, the target (given,
 * or computed from the output by a hook such as the k-WTA target), the loss gradient, the transposed products of
 * every layer with the old weights, then one optimizer step per layer. Shared by supervised and semi-supervised
 * training. Work buffers grow to the largest batch seen. Not thread-safe.
 */
final class Backpropagation {

    /** Computes the target from the network's output (after the forward pass, before the loss). */
    @FunctionalInterface
    interface TargetHook {
        /**
         * @param output the output, row-major {@code batch × outputs}; read only
         * @param batch number of samples
         * @param target receives the target; overwritten
         */
        void fill(float[] output, int batch, float[] target);
    }

    private final List<DenseLayer> layers;
    private final List<Integer> sizes;
    private final List<Double> dropout;
    private float[][] inputs = new float[0][];
    /** The array each layer read in the current step: {@link #inputs} or the previous layer's output. */
    private float[][] layerInputs = new float[0][];
    private float[][] masks = new float[0][];
    private float[][] gradients = new float[0][];
    private int capacity;

    /**
     * @param layers the layers, input first
     * @param sizes neurons per layer, input first
     * @param dropout inverted-dropout probability of every layer's input, input first
     */
    Backpropagation(List<DenseLayer> layers, List<Integer> sizes, List<Double> dropout) {
        this.layers = List.copyOf(layers);
        this.sizes = List.copyOf(sizes);
        this.dropout = List.copyOf(dropout);
    }

    /** The buffer for the first layer's input; fill it with the batch before {@link #step}. */
    float[] input(int batch) {
        ensure(batch);
        return inputs[0];
    }

    private void ensure(int batch) {
        if (batch <= capacity) {
            return;
        }
        capacity = batch;
        int layerCount = layers.size();
        inputs = new float[layerCount][];
        layerInputs = new float[layerCount][];
        masks = new float[layerCount][];
        gradients = new float[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            inputs[l] = new float[batch * sizes.get(l)];
            masks[l] = new float[batch * sizes.get(l)];
            gradients[l] = new float[batch * sizes.get(l + 1)];
        }
    }

    /**
     * One step on the batch in {@link #input}.
     *
     * @param batch number of samples
     * @param target the target, row-major {@code batch × outputs}: read only, or filled by {@code hook}
     * @param hook computes the target from the output, or null when {@code target} is given
     * @param loss the loss
     * @param rates this step's learning rate of every layer
     * @param optimizers one per layer
     * @param dropoutStream draws the dropout masks
     * @return {loss, pulses fired}
     */
    double[] step(int batch, float[] target, TargetHook hook, SupervisedLoss loss, double[] rates,
                  List<LayerOptimizer> optimizers, UniformRandomProvider dropoutStream) {
        ensure(batch);
        int layerCount = layers.size();
        // Each layer's input: the masked copy when it has dropout, else the previous layer's output itself (it
        // stays valid until that layer's next forward pass, after this step's updates).
        float[] raw = inputs[0];
        for (int l = 0; l < layerCount; l++) {
            int count = batch * sizes.get(l);
            double p = dropout.get(l);
            if (p > 0) {
                Dropout.mask(dropoutStream, p, (float) (1.0 / (1.0 - p)), masks[l], count);
                Dropout.apply(raw, masks[l], inputs[l], count);
                layerInputs[l] = inputs[l];
            } else {
                layerInputs[l] = raw;
            }
            raw = layers.get(l).forward(layerInputs[l], batch, Phase.TRAINING);
        }
        if (hook != null) {
            hook.fill(raw, batch, target);
        }
        double value = outputGradient(raw, target, batch, sizes.get(layerCount), loss, gradients[layerCount - 1]);
        for (int l = layerCount - 1; l >= 0; l--) {
            float[] inputGradient = l > 0 ? gradients[l - 1] : null;
            layers.get(l).backward(gradients[l], inputGradient);
            if (l > 0 && dropout.get(l) > 0) {
                Dropout.apply(inputGradient, masks[l], inputGradient, batch * sizes.get(l));
            }
        }
        long pulses = 0;
        for (int l = 0; l < layerCount; l++) {
            UpdateResult result = optimizers.get(l).step(layerInputs[l], layers.get(l).preActivationGradient(), batch,
                    rates[l]);
            pulses += result.pulsesFired();
        }
        return new double[] {value, pulses};
    }

    /** Fills {@code ∂L/∂y} for the loss and returns the loss. */
    static double outputGradient(float[] y, float[] target, int batch, int outputs, SupervisedLoss loss,
                                 float[] g) {
        int count = batch * outputs;
        double value = 0;
        switch (loss) {
            case MEAN_SQUARED_ERROR, SQUARED_ERROR -> {
                double divisor = loss == SupervisedLoss.MEAN_SQUARED_ERROR ? count : batch;
                float scale = (float) (2.0 / divisor);
                for (int k = 0; k < count; k++) {
                    float difference = y[k] - target[k];
                    g[k] = scale * difference;
                    value += difference * difference;
                }
                value /= divisor;
            }
            case CROSS_ENTROPY -> {
                float inverse = 1f / batch;
                for (int b = 0; b < batch; b++) {
                    int base = b * outputs;
                    float largest = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < outputs; j++) {
                        largest = Math.max(largest, y[base + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < outputs; j++) {
                        sum += Math.exp(y[base + j] - largest);
                    }
                    double logSum = Math.log(sum) + largest;
                    for (int j = 0; j < outputs; j++) {
                        double logProbability = y[base + j] - logSum;
                        g[base + j] = inverse * (float) (Math.exp(logProbability) - target[base + j]);
                        value -= target[base + j] * logProbability;
                    }
                }
                value /= batch;
            }
            default -> throw new IllegalStateException("unknown loss " + loss);
        }
        return value;
    }
}
