package org.xbarlab.algorithms.wta;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * Equilibrium propagation for the layered hard-sigmoid network (Scellier and Bengio 2017; the seed paper's
 * variant, seed-algorithm.md §3). States {@code s_1 … s_L} start at 0 for every mini-batch and follow synchronous
 * Euler steps of size {@code dt} of
 *
 * <pre>
 *   ṡ_l = −s_l + g_l + [l = L]·β·(d − s_L),   g_l = W_l·s_{l−1} + b_l + [l &lt; L]·W_{l+1}ᵀ·s_{l+1}
 *   s_l ← clamp(m_l ⊙ (s_l + dt·ṡ_l), 0, 1)
 * </pre>
 *
 * (with the states clamped to [0, 1], {@code ρ(s) = s} and {@code ρ'(s) = 1}). The products {@code W·s} and
 * {@code Wᵀ·s} are the crossbars' forward and transposed MVMs. The drive of the first layer from the clamped input,
 * {@code W_1·x}, is constant during a phase, so it is computed once per phase and held (a register at the tile's
 * output): it is exact, and it is what a chip designer would do rather than re-reading the same product T times.
 *
 * <p>The one-sided update is {@code W_l ← W_l + η/(β_s·B)·Σ_b [s^β_l·s^β_{l−1}ᵀ − s^0_l·s^0_{l−1}ᵀ]} and the
 * same for the biases; the symmetric estimate contrasts the states nudged with {@code +β_s} and {@code −β_s},
 * divided by {@code 2β_s}. Both are applied as one rank-{@code 2B} update per layer through the layer's
 * {@link LayerOptimizer} (plain SGD: one crossbar outer-product update); with {@link ContrastUpdate#DIFFERENCE}
 * the first layer, whose clamped input is the same in both phases, gets one rank-{@code B} update with the
 * difference of the states instead (the same ΔW, far fewer pulses on a chip).
 *
 * <p>The target of the nudged phase is the caller's: the self-defined k-WTA target for unsupervised training, the
 * labels for supervised training. Not thread-safe.
 */
public final class EquilibriumDynamics {

    /** Computes the target of the nudged phase from the free phase's output. */
    @FunctionalInterface
    public interface Target {
        /**
         * @param maskedOutput the free phase's output (already multiplied by its state mask), row-major
         *     {@code batch × outputs}; read only
         * @param mask the output's 0/1 mask; read only
         * @param batch number of samples
         * @param target receives the target; overwritten
         * @return the loss of the free output against the target (for logs)
         */
        double compute(float[] maskedOutput, float[] mask, int batch, float[] target);
    }

    /**
     * What one training step did.
     *
     * @param loss the loss the target reported
     * @param pulsesFired write pulses fired by all layers' updates
     */
    public record Outcome(double loss, long pulsesFired) {
    }

    private final EquilibriumConfig ep;
    private final List<Double> dropout;
    private final List<DenseLayer> layers;
    private final List<LayerOptimizer> optimizers;
    private final int layerCount;
    private final int[] sizes;
    private int capacity;

    private float[][] free;
    private float[][] nudged;
    private float[][] second;
    private float[][] masks;
    private float[][] drive;
    private float[] inputDrive;
    private float[] maskedInput;
    private float[] target;
    private float[] stackedInputs;
    private float[] stackedGradients;

    /**
     * @param sizes neurons per layer, input first
     * @param ep the dynamics' settings
     * @param dropout the mask probabilities, one per layer, input first, the output's last (seed §3.1: 0/1 masks,
     *     not rescaled)
     * @param layers the layers, input first
     * @param optimizers one per layer, applying the contrastive gradient
     * @param batch the expected mini-batch size (buffers grow when needed)
     */
    public EquilibriumDynamics(List<Integer> sizes, EquilibriumConfig ep, List<Double> dropout,
                               List<DenseLayer> layers, List<LayerOptimizer> optimizers, int batch) {
        this.ep = Checks.notNull("ep", ep);
        this.layers = List.copyOf(layers);
        this.optimizers = List.copyOf(optimizers);
        this.layerCount = layers.size();
        this.dropout = List.copyOf(dropout);
        this.sizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        Checks.isTrue(this.sizes.length == layerCount + 1 && this.dropout.size() == layerCount + 1
                        && this.optimizers.size() == layerCount,
                "equilibrium propagation needs %d sizes and dropout entries and %d optimizers", layerCount + 1,
                layerCount);
        ensure(batch);
    }

    private void ensure(int batch) {
        if (batch <= capacity) {
            return;
        }
        capacity = batch;
        free = new float[layerCount + 1][];
        nudged = new float[layerCount + 1][];
        second = new float[layerCount + 1][];
        masks = new float[layerCount + 1][];
        drive = new float[layerCount + 1][];
        int widest = 0;
        for (int l = 0; l <= layerCount; l++) {
            free[l] = new float[batch * sizes[l]];
            nudged[l] = new float[batch * sizes[l]];
            second[l] = new float[batch * sizes[l]];
            masks[l] = new float[batch * sizes[l]];
            drive[l] = new float[batch * sizes[l]];
            widest = Math.max(widest, sizes[l]);
        }
        inputDrive = new float[batch * sizes[1]];
        maskedInput = new float[batch * sizes[0]];
        target = new float[batch * sizes[layerCount]];
        stackedInputs = new float[2 * batch * widest];
        stackedGradients = new float[2 * batch * widest];
    }

    /**
     * The free-phase output for inference: no masks, β = 0, {@code T} steps.
     *
     * @return a buffer with the outputs, row-major {@code batch × outputs}, valid until the next call
     */
    public float[] freeState(float[] x, int batch, Phase phase) {
        ensure(batch);
        for (int l = 1; l <= layerCount; l++) {
            Arrays.fill(masks[l], 0, batch * sizes[l], 1f);
            Arrays.fill(free[l], 0, batch * sizes[l], 0f);
        }
        System.arraycopy(x, 0, free[0], 0, batch * sizes[0]);
        firstLayerDrive(free[0], batch, phase);
        relax(free, batch, ep.freeSteps(), 0.0, null, phase);
        return free[layerCount];
    }

    /**
     * Inference of a layered network in chunks of samples, with no dropout and no nudge: the forward pass of every
     * layer, or the free phase of equilibrium propagation when {@code dynamics} is given.
     *
     * @param layers the layers, input first
     * @param dynamics the network's equilibrium dynamics, or null for a feed-forward pass
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples
     * @param chunk samples per product, at least 1
     * @param out outputs, row-major {@code samples × outputs}; overwritten
     * @param phase the phase the crossbars charge
     */
    public static void infer(List<DenseLayer> layers, EquilibriumDynamics dynamics, float[] images, int samples,
                             int chunk, float[] out, Phase phase) {
        int inputs = layers.get(0).inputs();
        int outputs = layers.get(layers.size() - 1).outputs();
        float[] x = new float[chunk * inputs];
        for (int start = 0; start < samples; start += chunk) {
            int rows = Math.min(chunk, samples - start);
            System.arraycopy(images, start * inputs, x, 0, rows * inputs);
            float[] y;
            if (dynamics != null) {
                y = dynamics.freeState(x, rows, phase);
            } else {
                float[] activation = x;
                for (DenseLayer layer : layers) {
                    activation = layer.forward(activation, rows, phase);
                }
                y = activation;
            }
            System.arraycopy(y, 0, out, start * outputs, rows * outputs);
        }
    }

    /**
     * One training step.
     *
     * @param x the mini-batch, row-major {@code batch × inputs}; read only
     * @param batch number of samples
     * @param learningRates this step's learning rate of every layer, input first
     * @param dropoutStream draws the masks
     * @param signStream draws the sign of β
     * @param targetFunction computes the nudged phase's target
     * @return the loss and the pulses fired
     */
    public Outcome trainStep(float[] x, int batch, double[] learningRates, UniformRandomProvider dropoutStream,
                             UniformRandomProvider signStream, Target targetFunction) {
        ensure(batch);
        // Masks: one 0/1 mask per layer and sample, not rescaled, drawn once per mini-batch (seed §3.1).
        for (int l = 0; l <= layerCount; l++) {
            Dropout.mask(dropoutStream, dropout.get(l), 1f, masks[l], batch * sizes[l]);
        }
        Dropout.apply(x, masks[0], maskedInput, batch * sizes[0]);
        double sign = ep.randomSign() && signStream.nextBoolean() ? -1.0 : 1.0;
        double beta = sign * ep.nudging();

        // Free phase from zero.
        System.arraycopy(maskedInput, 0, free[0], 0, batch * sizes[0]);
        for (int l = 1; l <= layerCount; l++) {
            Arrays.fill(free[l], 0, batch * sizes[l], 0f);
        }
        firstLayerDrive(free[0], batch, Phase.TRAINING);
        relax(free, batch, ep.freeSteps(), 0.0, null, Phase.TRAINING);

        // Target from the free output (already masked by its state mask), smoothing, mask, homeostasis.
        double loss = targetFunction.compute(free[layerCount], masks[layerCount], batch, target);

        // Nudged phase(s), starting from the free state.
        copyStates(free, nudged, batch);
        relax(nudged, batch, ep.nudgedSteps(), beta, target, Phase.TRAINING);
        float[][] reference = free;
        double divisor = beta;
        if (ep.estimate() == EquilibriumEstimate.SYMMETRIC) {
            copyStates(free, second, batch);
            relax(second, batch, ep.nudgedSteps(), -beta, target, Phase.TRAINING);
            reference = second;
            divisor = 2 * beta;
        }

        // Contrastive update of every layer: one rank-2B crossbar update.
        long pulses = 0;
        for (int l = 1; l <= layerCount; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            float coefficient = (float) (1.0 / (divisor * batch));
            if (l == 1 && ep.contrastUpdate() == ContrastUpdate.DIFFERENCE) {
                // The clamped input is the same in both phases: one outer product with the states' difference.
                for (int k = 0; k < batch * out; k++) {
                    stackedGradients[k] = coefficient * (reference[l][k] - nudged[l][k]);
                }
                UpdateResult result = optimizers.get(0).step(nudged[0], stackedGradients, batch,
                        learningRates[0]);
                pulses += result.pulsesFired();
                continue;
            }
            System.arraycopy(nudged[l - 1], 0, stackedInputs, 0, batch * in);
            System.arraycopy(reference[l - 1], 0, stackedInputs, batch * in, batch * in);
            for (int k = 0; k < batch * out; k++) {
                stackedGradients[k] = -coefficient * nudged[l][k];
                stackedGradients[batch * out + k] = coefficient * reference[l][k];
            }
            UpdateResult result = optimizers.get(l - 1).step(stackedInputs, stackedGradients, 2 * batch,
                    learningRates[l - 1]);
            pulses += result.pulsesFired();
        }
        return new Outcome(loss, pulses);
    }

    private void firstLayerDrive(float[] input, int batch, Phase phase) {
        layers.get(0).crossbar().forward(input, batch, inputDrive, phase);
        addBias(inputDrive, batch, layers.get(0));
    }

    private static void addBias(float[] values, int batch, DenseLayer layer) {
        float[] bias = layer.bias();
        int n = bias.length;
        for (int b = 0; b < batch; b++) {
            int base = b * n;
            for (int i = 0; i < n; i++) {
                values[base + i] += bias[i];
            }
        }
    }

    /** {@code steps} synchronous Euler steps of the states {@code s[1..L]}; {@code s[0]} is the clamped input. */
    private void relax(float[][] s, int batch, int steps, double beta, float[] nudgeTarget, Phase phase) {
        float dt = (float) ep.stepSize();
        float b = (float) beta;
        for (int step = 0; step < steps; step++) {
            // Drives from the old states of every layer (synchronous update).
            for (int l = 1; l <= layerCount; l++) {
                int count = batch * sizes[l];
                if (l == 1) {
                    System.arraycopy(inputDrive, 0, drive[1], 0, count);
                } else {
                    Crossbar crossbar = layers.get(l - 1).crossbar();
                    crossbar.forward(s[l - 1], batch, drive[l], phase);
                    addBias(drive[l], batch, layers.get(l - 1));
                }
                if (l < layerCount) {
                    float[] back = feedback(l);
                    layers.get(l).crossbar().backward(s[l + 1], batch, back, phase);
                    for (int k = 0; k < count; k++) {
                        drive[l][k] += back[k];
                    }
                }
            }
            for (int l = 1; l <= layerCount; l++) {
                int count = batch * sizes[l];
                float[] state = s[l];
                float[] g = drive[l];
                float[] mask = masks[l];
                boolean output = l == layerCount && b != 0f;
                for (int k = 0; k < count; k++) {
                    float v = state[k];
                    float velocity = -v + g[k];
                    if (output) {
                        velocity += b * (nudgeTarget[k] - v);
                    }
                    float next = mask[k] * (v + dt * velocity);
                    state[k] = Math.max(0f, Math.min(1f, next));
                }
            }
        }
    }

    private float[][] feedbackBuffers;

    private float[] feedback(int layer) {
        if (feedbackBuffers == null || feedbackBuffers[layer].length < capacity * sizes[layer]) {
            feedbackBuffers = new float[layerCount + 1][];
            for (int l = 0; l <= layerCount; l++) {
                feedbackBuffers[l] = new float[capacity * sizes[l]];
            }
        }
        return feedbackBuffers[layer];
    }

    private void copyStates(float[][] from, float[][] to, int batch) {
        for (int l = 0; l <= layerCount; l++) {
            System.arraycopy(from[l], 0, to[l], 0, batch * sizes[l]);
        }
    }
}
