package org.xbarlab.algorithms.supervised;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.wta.EquilibriumConfig;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.UpdateResult;

/**
 * Equilibrium propagation with a softmax read-out, as the seed paper's semi-supervised EP runs use it
 * (seed-algorithm.md §3.3), for one hidden layer: the hidden state {@code h} is a clamped hard-sigmoid dynamical
 * layer driven by the input, {@code ṡ_h = −h + W_1·x + b_1 [+ β_s·W_2ᵀ·(d − y)]}, and the output is computed
 * instantaneously, {@code y = softmax(W_2·h + b_2)}. The free phase runs {@code T} steps from 0 with no nudge; the
 * nudged phase runs {@code Kmax} steps from the free state with the nudge on the hidden layer. Updates: the hidden
 * layer by the one-sided EP contrast {@code ΔW_1 = η/(β_s·B)·Σ_b (h^β − h⁰)·xᵀ}, the read-out by the cross-entropy
 * gradient at the nudged state {@code ΔW_2 = η/B·Σ_b (d − y^β)·h^βᵀ} (both with their biases), through the layers'
 * optimizers. Masks are 0/1 and not rescaled (seed §3.1). The input drive {@code W_1·x} is constant during both
 * phases and computed once (a register at the tile's output).
 */
final class SoftmaxReadoutEquilibrium {

    private final DenseLayer hidden;
    private final DenseLayer readout;
    private final EquilibriumConfig ep;
    private final int inputs;
    private final int neurons;
    private final int outputs;
    private int capacity;
    private float[] maskedInput = new float[0];
    private float[] inputMask = new float[0];
    private float[] hiddenMask = new float[0];
    private float[] drive = new float[0];
    private float[] free = new float[0];
    private float[] nudged = new float[0];
    private float[] logits = new float[0];
    private float[] probabilities = new float[0];
    private float[] error = new float[0];
    private float[] feedback = new float[0];
    private float[] stackedInputs = new float[0];
    private float[] stackedGradients = new float[0];
    private float[] readoutGradient = new float[0];

    SoftmaxReadoutEquilibrium(List<DenseLayer> layers, EquilibriumConfig ep) {
        this.hidden = layers.get(0);
        this.readout = layers.get(1);
        this.ep = ep;
        this.inputs = hidden.inputs();
        this.neurons = hidden.outputs();
        this.outputs = readout.outputs();
    }

    private void ensure(int batch) {
        if (batch <= capacity) {
            return;
        }
        capacity = batch;
        maskedInput = new float[batch * inputs];
        inputMask = new float[batch * inputs];
        hiddenMask = new float[batch * neurons];
        drive = new float[batch * neurons];
        free = new float[batch * neurons];
        nudged = new float[batch * neurons];
        logits = new float[batch * outputs];
        probabilities = new float[batch * outputs];
        error = new float[batch * outputs];
        feedback = new float[batch * neurons];
        stackedInputs = new float[2 * batch * inputs];
        stackedGradients = new float[2 * batch * neurons];
        readoutGradient = new float[batch * outputs];
    }

    /**
     * The logits of the free state for inference (no masks).
     *
     * @return a buffer with {@code batch × outputs} logits, valid until the next call
     */
    float[] freeLogits(float[] x, int batch, Phase phase) {
        ensure(batch);
        Arrays.fill(hiddenMask, 0, batch * neurons, 1f);
        driveFrom(x, batch, phase);
        relaxFree(batch);
        readout(free, batch, phase);
        return logits;
    }

    /**
     * The free phase of a training step: masks, drive, {@code T} steps; leaves the free logits for the target.
     *
     * @return the free logits, {@code batch × outputs}, valid until {@link #nudgeAndUpdate}
     */
    float[] freePhase(float[] x, int batch, double inputDropout, double hiddenDropout,
                      UniformRandomProvider dropoutStream) {
        ensure(batch);
        Dropout.mask(dropoutStream, inputDropout, 1f, inputMask, batch * inputs);
        Dropout.apply(x, inputMask, maskedInput, batch * inputs);
        Dropout.mask(dropoutStream, hiddenDropout, 1f, hiddenMask, batch * neurons);
        driveFrom(maskedInput, batch, Phase.TRAINING);
        relaxFree(batch);
        readout(free, batch, Phase.TRAINING);
        return logits;
    }

    /**
     * The nudged phase toward {@code target} and the updates of both layers.
     *
     * @param target the target distribution, {@code batch × outputs}; read only
     * @param beta the signed nudging β_s
     * @return {cross-entropy of the free output against the target, pulses fired}
     */
    double[] nudgeAndUpdate(float[] target, int batch, double beta, double[] rates, List<LayerOptimizer> optimizers) {
        double loss = crossEntropy(target, batch);
        System.arraycopy(free, 0, nudged, 0, batch * neurons);
        float dt = (float) ep.stepSize();
        float b = (float) beta;
        int count = batch * neurons;
        for (int step = 0; step < ep.nudgedSteps(); step++) {
            readout(nudged, batch, Phase.TRAINING);
            for (int k = 0; k < batch * outputs; k++) {
                error[k] = target[k] - probabilities[k];
            }
            readout.crossbar().backward(error, batch, feedback, Phase.TRAINING);
            for (int k = 0; k < count; k++) {
                float v = nudged[k];
                float next = hiddenMask[k] * (v + dt * (-v + drive[k] + b * feedback[k]));
                nudged[k] = Math.max(0f, Math.min(1f, next));
            }
        }
        readout(nudged, batch, Phase.TRAINING);
        // Hidden layer: the optimizer receives −ΔW/η as the gradient, one rank-2B product.
        float coefficient = (float) (1.0 / (beta * batch));
        System.arraycopy(maskedInput, 0, stackedInputs, 0, batch * inputs);
        System.arraycopy(maskedInput, 0, stackedInputs, batch * inputs, batch * inputs);
        for (int k = 0; k < count; k++) {
            stackedGradients[k] = -coefficient * nudged[k];
            stackedGradients[count + k] = coefficient * free[k];
        }
        long pulses = 0;
        UpdateResult first = optimizers.get(0).step(stackedInputs, stackedGradients, 2 * batch, rates[0]);
        pulses += first.pulsesFired();
        float inverse = 1f / batch;
        for (int k = 0; k < batch * outputs; k++) {
            readoutGradient[k] = inverse * (probabilities[k] - target[k]);
        }
        UpdateResult second = optimizers.get(1).step(nudged, readoutGradient, batch, rates[1]);
        pulses += second.pulsesFired();
        return new double[] {loss, pulses};
    }

    private void driveFrom(float[] x, int batch, Phase phase) {
        hidden.crossbar().forward(x, batch, drive, phase);
        addBias(drive, batch, hidden.bias());
    }

    private void relaxFree(int batch) {
        int count = batch * neurons;
        Arrays.fill(free, 0, count, 0f);
        float dt = (float) ep.stepSize();
        for (int step = 0; step < ep.freeSteps(); step++) {
            for (int k = 0; k < count; k++) {
                float v = free[k];
                float next = hiddenMask[k] * (v + dt * (drive[k] - v));
                free[k] = Math.max(0f, Math.min(1f, next));
            }
        }
    }

    /** {@code logits = W_2·h + b_2} and their softmax. */
    private void readout(float[] state, int batch, Phase phase) {
        readout.crossbar().forward(state, batch, logits, phase);
        addBias(logits, batch, readout.bias());
        for (int b = 0; b < batch; b++) {
            int base = b * outputs;
            float largest = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < outputs; j++) {
                largest = Math.max(largest, logits[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < outputs; j++) {
                sum += Math.exp(logits[base + j] - largest);
            }
            for (int j = 0; j < outputs; j++) {
                probabilities[base + j] = (float) (Math.exp(logits[base + j] - largest) / sum);
            }
        }
    }

    private double crossEntropy(float[] target, int batch) {
        double sum = 0;
        for (int k = 0; k < batch * outputs; k++) {
            if (target[k] > 0) {
                sum -= target[k] * Math.log(Math.max(probabilities[k], 1e-30f));
            }
        }
        return sum / batch;
    }

    private static void addBias(float[] values, int batch, float[] bias) {
        int n = bias.length;
        for (int b = 0; b < batch; b++) {
            int base = b * n;
            for (int i = 0; i < n; i++) {
                values[base + i] += bias[i];
            }
        }
    }
}
