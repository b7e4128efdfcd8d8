package org.xbarlab.algorithms.network;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * One fully connected layer {@code a = f(W·x + b)}: the weights {@code W} ({@code outputs × inputs}) live on a
 * {@link Crossbar}, the bias {@code b} is digital (as aihwkit's default {@code digital_bias}), and {@code f} is an
 * {@link Activation}. Work buffers grow to the largest batch seen.
 *
 * <p>Not thread-safe.
 */
public final class DenseLayer implements org.xbarlab.core.state.Stateful {

    private final Crossbar weights;
    private final float[] bias;
    private final Activation activation;
    private float[] preActivation = new float[0];
    private float[] output = new float[0];
    private float[] gradient = new float[0];
    private int batch;

    /**
     * @param weights the crossbar that holds {@code W}
     * @param activation the activation function
     */
    public DenseLayer(Crossbar weights, Activation activation) {
        this.weights = Checks.notNull("weights", weights);
        this.activation = Checks.notNull("activation", activation);
        this.bias = new float[weights.rows()];
    }

    /** Inputs of the layer. */
    public int inputs() {
        return weights.columns();
    }

    /** Outputs of the layer. */
    public int outputs() {
        return weights.rows();
    }

    /** The crossbar that holds the weights. */
    public Crossbar crossbar() {
        return weights;
    }

    /** The activation function. */
    public Activation activation() {
        return activation;
    }

    /** The live bias vector (digital); modified by updates. */
    public float[] bias() {
        return bias;
    }

    /**
     * Forward pass {@code a = f(W·x + b)} for a batch; keeps the pre-activations for {@link #backward}.
     *
     * @param x inputs, row-major {@code batch × inputs}; read only
     * @param batch number of samples, at least 1
     * @param phase the phase charged by the crossbar
     * @return the activations, row-major {@code batch × outputs}; a buffer owned by the layer, valid until the next
     *     call
     */
    public float[] forward(float[] x, int batch, Phase phase) {
        ensure(batch);
        this.batch = batch;
        int outputs = outputs();
        weights.forward(x, batch, preActivation, phase);
        for (int b = 0; b < batch; b++) {
            int base = b * outputs;
            for (int i = 0; i < outputs; i++) {
                preActivation[base + i] += bias[i];
            }
        }
        activation.apply(preActivation, output, batch * outputs);
        return output;
    }

    /** The activations of the last forward pass. */
    public float[] output() {
        return output;
    }

    /** The pre-activations of the last forward pass. */
    public float[] preActivation() {
        return preActivation;
    }

    /**
     * Backpropagation through the layer after {@link #forward}: turns {@code ∂L/∂a} into {@code ∂L/∂z} (kept for
     * {@link #update}) and, when asked, computes {@code ∂L/∂x = Wᵀ·∂L/∂z} with the crossbar's transposed product.
     *
     * @param outputGradient {@code ∂L/∂a}, row-major {@code batch × outputs}; read only
     * @param inputGradient receives {@code ∂L/∂x}, row-major {@code batch × inputs}, or null when not needed (the
     *     first layer)
     */
    public void backward(float[] outputGradient, float[] inputGradient) {
        int count = batch * outputs();
        System.arraycopy(outputGradient, 0, gradient, 0, count);
        activation.backpropagate(preActivation, output, gradient, count);
        if (inputGradient != null) {
            weights.backward(gradient, batch, inputGradient, Phase.TRAINING);
        }
    }

    /**
     * Gradient step {@code W ← W − η·Σ_b (∂L/∂z_b)·x_bᵀ} on the crossbar and {@code b ← b − η·Σ_b ∂L/∂z_b}
     * digitally, with the gradient of the last {@link #backward}.
     *
     * @param x the inputs of the last forward pass, row-major {@code batch × inputs}; read only
     * @param learningRate η, non-negative
     * @return what the crossbar update did
     */
    public UpdateResult update(float[] x, double learningRate) {
        applyBiasGradient(gradient, learningRate);
        return weights.update(x, gradient, batch, learningRate);
    }

    /**
     * Applies an externally computed pre-activation gradient (equilibrium propagation's contrast, Hebbian terms):
     * {@code W ← W − η·Σ_b g_b·x_bᵀ}, {@code b ← b − η·Σ_b g_b}.
     *
     * @param x inputs, row-major {@code batch × inputs}; read only
     * @param g gradient with respect to the pre-activations, row-major {@code batch × outputs}; read only
     * @param batch number of samples
     * @param learningRate η, non-negative
     * @return what the crossbar update did
     */
    public UpdateResult update(float[] x, float[] g, int batch, double learningRate) {
        int saved = this.batch;
        this.batch = batch;
        applyBiasGradient(g, learningRate);
        this.batch = saved;
        return weights.update(x, g, batch, learningRate);
    }

    /** The gradient with respect to the pre-activations of the last {@link #backward}. */
    public float[] preActivationGradient() {
        return gradient;
    }

    private void applyBiasGradient(float[] g, double learningRate) {
        int outputs = outputs();
        float rate = (float) learningRate;
        for (int i = 0; i < outputs; i++) {
            float sum = 0f;
            for (int b = 0; b < batch; b++) {
                sum += g[b * outputs + i];
            }
            bias[i] -= rate * sum;
        }
    }

    private void ensure(int batch) {
        int size = batch * outputs();
        if (preActivation.length < size) {
            preActivation = new float[size];
            output = new float[size];
            gradient = new float[size];
        }
    }

    /** Writes the bias and the crossbar's state. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeFloats("bias", bias);
        out.writeState("weights", weights);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readFloats("bias", bias);
        in.readState("weights", weights);
    }
}
