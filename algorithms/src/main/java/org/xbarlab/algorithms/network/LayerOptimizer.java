package org.xbarlab.algorithms.network;

import org.xbarlab.core.Checks;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.crossbar.UpdateResult;

/**
 * Applies a layer's gradient with one of the {@link OptimizerKind optimizers}: given the inputs {@code x} and the
 * gradient {@code g = ∂L/∂z} with respect to the pre-activations of a mini-batch, changes the crossbar's weights
 * and (when the layer has one) the digital bias.
 *
 * <p>The dense kinds form {@code G = Σ_b g_b·x_bᵀ} with one matrix product of the sim-core kernels and hand the
 * change to {@link org.xbarlab.crossbar.Crossbar#applyDelta}. Not thread-safe; one optimizer per layer.
 */
public final class LayerOptimizer implements org.xbarlab.core.state.Stateful {

    private final OptimizerKind kind;
    private final DenseLayer layer;
    private final boolean trainBias;
    private final float[] gradient;
    private final float[] change;
    private final float[] biasGradient;
    private final AdamOptimizer weightMoments;
    private final AdamOptimizer biasMoments;

    /**
     * @param kind the optimizer
     * @param layer the layer it updates
     * @param trainBias whether the bias is trained (false keeps it at its value, 0 for a bias-free network)
     */
    public LayerOptimizer(OptimizerKind kind, DenseLayer layer, boolean trainBias) {
        this.kind = Checks.notNull("kind", kind);
        this.layer = Checks.notNull("layer", layer);
        this.trainBias = trainBias;
        boolean dense = kind != OptimizerKind.SGD;
        int weights = layer.outputs() * layer.inputs();
        this.gradient = dense ? new float[weights] : new float[0];
        this.change = dense ? new float[weights] : new float[0];
        this.biasGradient = new float[layer.outputs()];
        this.weightMoments = kind == OptimizerKind.ADAM ? new AdamOptimizer(weights) : null;
        this.biasMoments = kind == OptimizerKind.ADAM ? new AdamOptimizer(layer.outputs()) : null;
    }

    /** The optimizer. */
    public OptimizerKind kind() {
        return kind;
    }

    /**
     * One step.
     *
     * @param x the layer's inputs, row-major {@code batch × inputs}; read only
     * @param g the gradient with respect to the pre-activations, row-major {@code batch × outputs}; read only
     * @param batch number of samples
     * @param learningRate the learning rate of this step, non-negative
     * @return what the crossbar update did
     */
    public UpdateResult step(float[] x, float[] g, int batch, double learningRate) {
        Checks.nonNegativeFinite("learningRate", learningRate);
        int outputs = layer.outputs();
        int inputs = layer.inputs();
        if (trainBias) {
            java.util.Arrays.fill(biasGradient, 0f);
            for (int b = 0; b < batch; b++) {
                int base = b * outputs;
                for (int i = 0; i < outputs; i++) {
                    biasGradient[i] += g[base + i];
                }
            }
        }
        if (kind == OptimizerKind.SGD) {
            applyBiasSgd(learningRate);
            return layer.crossbar().update(x, g, batch, learningRate);
        }
        Kernels.gemm(Transpose.YES, Transpose.NO, outputs, inputs, batch, 1f, g, 0, outputs, x, 0, inputs, 0f,
                gradient, 0, inputs);
        if (kind == OptimizerKind.SGD_DENSE) {
            applyBiasSgd(learningRate);
            float rate = (float) -learningRate;
            for (int k = 0; k < change.length; k++) {
                change[k] = rate * gradient[k];
            }
        } else {
            if (trainBias) {
                biasMoments.step(layer.bias(), biasGradient, learningRate);
            }
            weightMoments.change(gradient, learningRate, change);
        }
        return layer.crossbar().applyDelta(change);
    }

    private void applyBiasSgd(double learningRate) {
        if (!trainBias) {
            return;
        }
        float[] bias = layer.bias();
        float rate = (float) learningRate;
        for (int i = 0; i < bias.length; i++) {
            bias[i] -= rate * biasGradient[i];
        }
    }

    /** Writes Adam's moments (SGD has no state). The layer itself is written by its owner. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeBoolean("adam", weightMoments != null);
        if (weightMoments != null) {
            out.writeState("weightMoments", weightMoments);
            out.writeState("biasMoments", biasMoments);
        }
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        boolean adam = in.readBoolean("adam");
        if (adam != (weightMoments != null)) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint's optimizer "
                    + (adam ? "is" : "is not") + " Adam, this run's " + kind);
        }
        if (weightMoments != null) {
            in.readState("weightMoments", weightMoments);
            in.readState("biasMoments", biasMoments);
        }
    }
}
