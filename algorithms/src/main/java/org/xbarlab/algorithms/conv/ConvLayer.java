package org.xbarlab.algorithms.conv;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.AdamOptimizer;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.ProgrammingResult;
import org.xbarlab.crossbar.UpdateResult;

/**
 * A 2-D convolution {@code a = f(W ⊛ x + b)} whose filters live on a {@link Crossbar} of
 * {@code rows = filters} and {@code columns = channels·kernel²}: the input is unfolded into patches
 * ({@link Im2Col}) and the whole batch goes through <b>one</b> batched {@link Crossbar#forward} of
 * {@code batch·positions} patch vectors, so an analog tile charges one matrix-vector product per output position
 * and sample (the "im2col" mapping of processing-in-memory arrays, each {@code kernel × kernel × channels} filter
 * unrolled onto one line of the array and one input window applied per cycle, as in weight-stationary crossbar
 * accelerators such as ISAAC, Shafiee et al., ISCA 2016; see docs/cnn.md). Backpropagation uses the transposed product
 * ({@link Crossbar#backward}, again one product per position) and col2im; the weight update is the crossbar's
 * outer-product update over all patches ({@link Crossbar#update} with {@code batch·positions} rows), or a change
 * formed digitally and written with {@link Crossbar#applyDelta} for the dense optimizers (as
 * {@link org.xbarlab.algorithms.network.LayerOptimizer} does for dense layers). The bias is digital (aihwkit's
 * {@code digital_bias}).
 *
 * <p>Tensors are planar ({@code batch × channels × height × width}); the output is
 * {@code batch × filters × outputHeight × outputWidth}. A {@link Pruning} mask keeps pruned weights at zero: they
 * are zeroed before programming and every update to them is masked. Because a crossbar's outer-product update cannot
 * skip cells, a pruned layer with {@link OptimizerKind#SGD} forms its gradient digitally and writes the masked change
 * with {@code applyDelta} (same arithmetic as {@link OptimizerKind#SGD_DENSE}).
 *
 * <p>{@link #saveState} writes what a checkpoint needs to continue training bit for bit: the bias, the crossbar's
 * state and, with Adam, the moments of weights and bias. The pruning mask is not written: it is drawn again from its
 * stream when the layer is built.
 *
 * <p>Work buffers grow to the largest batch seen. Not thread-safe.
 */
public final class ConvLayer implements org.xbarlab.core.state.Stateful {

    private final Crossbar weights;
    private final Im2Col geometry;
    private final Activation activation;
    private final boolean hasBias;
    private final float[] bias;
    private final OptimizerKind optimizer;
    private final Pruning pruning;
    private final AdamOptimizer weightMoments;
    private final AdamOptimizer biasMoments;
    private final float[] weightGradient;
    private final float[] change;
    private final float[] biasGradient;

    private float[] patches = new float[0];
    private float[] products = new float[0];
    private float[] preActivation = new float[0];
    private float[] output = new float[0];
    private float[] gradient = new float[0];
    private float[] gradientRows = new float[0];
    private float[] patchGradient = new float[0];
    private int batch;

    /**
     * @param weights the crossbar of {@code filters × geometry.patchSize()}
     * @param geometry the input size, kernel, stride and padding
     * @param activation the activation after the bias
     * @param hasBias whether the layer has a (digital) bias; without one the bias stays 0
     * @param optimizer how gradients become weight changes
     * @param pruning the mask of pruned weights ({@link Pruning#none} for none), of {@code filters × patchSize}
     */
    public ConvLayer(Crossbar weights, Im2Col geometry, Activation activation, boolean hasBias,
                     OptimizerKind optimizer, Pruning pruning) {
        this.weights = Checks.notNull("weights", weights);
        this.geometry = Checks.notNull("geometry", geometry);
        this.activation = Checks.notNull("activation", activation);
        this.optimizer = Checks.notNull("optimizer", optimizer);
        this.pruning = Checks.notNull("pruning", pruning);
        Checks.isTrue(weights.columns() == geometry.patchSize(),
                "the crossbar needs channels × kernel² = %d columns, got %d", geometry.patchSize(),
                weights.columns());
        int size = weights.rows() * weights.columns();
        Checks.isTrue(pruning.size() == size, "the pruning mask must cover filters × patchSize = %d weights, got %d",
                size, pruning.size());
        this.hasBias = hasBias;
        this.bias = new float[weights.rows()];
        this.biasGradient = new float[weights.rows()];
        boolean dense = optimizer != OptimizerKind.SGD || pruning.active();
        this.weightGradient = new float[size];
        this.change = dense ? new float[size] : new float[0];
        this.weightMoments = optimizer == OptimizerKind.ADAM ? new AdamOptimizer(size) : null;
        this.biasMoments = optimizer == OptimizerKind.ADAM ? new AdamOptimizer(weights.rows()) : null;
    }

    /**
     * Builds a layer with its crossbar from a factory.
     *
     * @param factory builds the crossbar
     * @param layer the layer index given to the factory (input first, from 0)
     * @param geometry the input size, kernel, stride and padding
     * @param filters output channels, at least 1
     * @param activation the activation
     * @param hasBias whether the layer has a bias
     * @param optimizer the optimizer
     * @param pruneFraction fraction of weights pruned, in [0, 1]
     * @param pruneStream the stream of the pruning mask (unused when the fraction is 0)
     * @return the layer, weights not yet initialised (all zero on an ideal crossbar)
     */
    public static ConvLayer create(CrossbarFactory factory, int layer, Im2Col geometry, int filters,
                                   Activation activation, boolean hasBias, OptimizerKind optimizer,
                                   double pruneFraction, UniformRandomProvider pruneStream) {
        Checks.notNull("factory", factory);
        Checks.positive("filters", filters);
        int size = Math.multiplyExact(filters, geometry.patchSize());
        Pruning pruning = pruneFraction > 0 ? Pruning.random(size, pruneFraction, pruneStream) : Pruning.none(size);
        return new ConvLayer(factory.create(layer, filters, geometry.patchSize()), geometry, activation, hasBias,
                optimizer, pruning);
    }

    /** The geometry. */
    public Im2Col geometry() {
        return geometry;
    }

    /** Output channels (the crossbar's rows). */
    public int filters() {
        return weights.rows();
    }

    /** Inputs per sample, {@code channels·height·width}. */
    public int inputs() {
        return geometry.inputSize();
    }

    /** Outputs per sample, {@code filters·outputHeight·outputWidth}. */
    public int outputs() {
        return filters() * geometry.positions();
    }

    /** The crossbar that holds the filters. */
    public Crossbar crossbar() {
        return weights;
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    /** The optimizer. */
    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** The pruning mask. */
    public Pruning pruning() {
        return pruning;
    }

    /** Whether the layer has a bias. */
    public boolean hasBias() {
        return hasBias;
    }

    /** The live bias vector (digital), one per filter; modified by updates. */
    public float[] bias() {
        return bias;
    }

    /**
     * Programs the filters; pruned weights are set to zero first.
     *
     * @param filterWeights row-major {@code filters × patchSize}; modified: pruned entries are zeroed in place
     * @return what programming did
     */
    public ProgrammingResult program(float[] filterWeights) {
        pruning.zero(filterWeights);
        return weights.program(filterWeights);
    }

    /**
     * PyTorch's default initialisation of {@code Conv2d} (the seed paper's CNN uses it, seed-algorithm.md §2.6):
     * weights and bias uniform in {@code ±1/√(channels·kernel²)}; pruned weights zero.
     *
     * @param random the stream
     * @return what programming did
     */
    public ProgrammingResult initializeDefault(UniformRandomProvider random) {
        float bound = (float) (1.0 / Math.sqrt(geometry.patchSize()));
        float[] initial = new float[weights.rows() * weights.columns()];
        RandomFill.uniform(random, initial, 0, initial.length, -bound, bound);
        if (hasBias) {
            RandomFill.uniform(random, bias, 0, bias.length, -bound, bound);
        }
        return program(initial);
    }

    /**
     * Forward pass for a batch: unfold, one batched crossbar product of {@code batch·positions} patches, bias and
     * activation. Keeps the patches and pre-activations for {@link #backward} and {@link #update}.
     *
     * @param x planar inputs, {@code batch × channels × height × width}; read only
     * @param batch number of samples, at least 1
     * @param phase the phase the crossbar charges
     * @return the activations, {@code batch × filters × outputHeight × outputWidth}; a buffer owned by the layer,
     *     valid until the next call
     */
    public float[] forward(float[] x, int batch, Phase phase) {
        Checks.positive("batch", batch);
        ensure(batch);
        this.batch = batch;
        int positions = geometry.positions();
        int filters = filters();
        geometry.unfold(x, batch, patches);
        weights.forward(patches, batch * positions, products, phase);
        // Rows of the product are (sample, position); the planar output wants (sample, filter, position).
        for (int b = 0; b < batch; b++) {
            int outBase = b * filters * positions;
            for (int p = 0; p < positions; p++) {
                int row = (b * positions + p) * filters;
                for (int f = 0; f < filters; f++) {
                    preActivation[outBase + f * positions + p] = products[row + f] + bias[f];
                }
            }
        }
        activation.apply(preActivation, output, batch * outputs());
        return output;
    }

    /** The activations of the last forward pass. */
    public float[] output() {
        return output;
    }

    /** The pre-activations of the last forward pass, planar. */
    public float[] preActivation() {
        return preActivation;
    }

    /** The unfolded patches of the last forward pass, {@code (batch·positions) × patchSize}. */
    public float[] patches() {
        return patches;
    }

    /** The batch of the last forward pass. */
    public int batch() {
        return batch;
    }

    /**
     * Backpropagation after {@link #forward}: turns {@code ∂L/∂a} into {@code ∂L/∂z} (kept for {@link #update})
     * and, when asked, computes {@code ∂L/∂x} with the crossbar's transposed product over every position and col2im.
     *
     * @param outputGradient {@code ∂L/∂a}, planar {@code batch × filters × outputHeight × outputWidth}; read only
     * @param inputGradient receives {@code ∂L/∂x}, planar {@code batch × channels × height × width}, or null when
     *     not needed (the first layer)
     */
    public void backward(float[] outputGradient, float[] inputGradient) {
        int count = batch * outputs();
        System.arraycopy(outputGradient, 0, gradient, 0, count);
        activation.backpropagate(preActivation, output, gradient, count);
        int positions = geometry.positions();
        int filters = filters();
        for (int b = 0; b < batch; b++) {
            int base = b * filters * positions;
            for (int p = 0; p < positions; p++) {
                int row = (b * positions + p) * filters;
                for (int f = 0; f < filters; f++) {
                    gradientRows[row + f] = gradient[base + f * positions + p];
                }
            }
        }
        if (inputGradient != null) {
            weights.backward(gradientRows, batch * positions, patchGradient, Phase.TRAINING);
            geometry.fold(patchGradient, batch, inputGradient);
        }
    }

    /**
     * The gradient with respect to the pre-activations of the last {@link #backward}, planar; a live buffer.
     */
    public float[] preActivationGradient() {
        return gradient;
    }

    /**
     * Computes the weight gradient {@code G = Σ_{b,p} (∂L/∂z_{b,p})·patch_{b,p}ᵀ} of the last {@link #backward}
     * digitally (not charged), pruned entries included as computed.
     *
     * @param out receives {@code filters × patchSize} values, row-major; overwritten
     */
    public void weightGradient(float[] out) {
        int rows = batch * geometry.positions();
        Kernels.gemm(Transpose.YES, Transpose.NO, filters(), geometry.patchSize(), rows, 1f, gradientRows, 0,
                filters(), patches, 0, geometry.patchSize(), 0f, out, 0, geometry.patchSize());
    }

    /**
     * Computes the bias gradient {@code Σ_{b,p} ∂L/∂z_{b,f,p}} of the last {@link #backward}.
     *
     * @param out receives one value per filter; overwritten
     */
    public void biasGradient(float[] out) {
        int positions = geometry.positions();
        int filters = filters();
        Arrays.fill(out, 0, filters, 0f);
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                int base = (b * filters + f) * positions;
                float sum = 0f;
                for (int p = 0; p < positions; p++) {
                    sum += gradient[base + p];
                }
                out[f] += sum;
            }
        }
    }

    /**
     * One optimizer step with the gradient of the last {@link #backward}: SGD as the crossbar's outer-product
     * update over all {@code batch·positions} patches ({@code W ← W − η·Σ g·patchᵀ}), or (dense SGD, Adam, or any
     * pruned layer) a change formed digitally, masked by the pruning, and written with {@link Crossbar#applyDelta}.
     * The bias follows the same optimizer digitally.
     *
     * @param learningRate η of this step, non-negative
     * @return what the crossbar update did
     */
    public UpdateResult update(double learningRate) {
        Checks.nonNegativeFinite("learningRate", learningRate);
        if (hasBias) {
            biasGradient(biasGradient);
            if (optimizer == OptimizerKind.ADAM) {
                biasMoments.step(bias, biasGradient, learningRate);
            } else {
                float rate = (float) learningRate;
                for (int f = 0; f < bias.length; f++) {
                    bias[f] -= rate * biasGradient[f];
                }
            }
        }
        int rows = batch * geometry.positions();
        if (optimizer == OptimizerKind.SGD && !pruning.active()) {
            return weights.update(patches, gradientRows, rows, learningRate);
        }
        weightGradient(weightGradient);
        pruning.mask(weightGradient);
        if (optimizer == OptimizerKind.ADAM) {
            weightMoments.change(weightGradient, learningRate, change);
        } else {
            float rate = (float) -learningRate;
            for (int k = 0; k < change.length; k++) {
                change[k] = rate * weightGradient[k];
            }
        }
        pruning.mask(change);
        return weights.applyDelta(change);
    }

    /** Writes the bias, the crossbar's state and Adam's moments (SGD has no optimizer state). */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeFloats("bias", bias);
        out.writeState("weights", weights);
        out.writeBoolean("adam", weightMoments != null);
        if (weightMoments != null) {
            out.writeState("weightMoments", weightMoments);
            out.writeState("biasMoments", biasMoments);
        }
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readFloats("bias", bias);
        in.readState("weights", weights);
        boolean adam = in.readBoolean("adam");
        if (adam != (weightMoments != null)) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint's convolution optimizer "
                    + (adam ? "is" : "is not") + " Adam, this run's " + optimizer);
        }
        if (weightMoments != null) {
            in.readState("weightMoments", weightMoments);
            in.readState("biasMoments", biasMoments);
        }
    }

    private void ensure(int newBatch) {
        int positions = geometry.positions();
        long patchValues = (long) newBatch * positions * geometry.patchSize();
        long outputValues = (long) newBatch * outputs();
        Checks.isTrue(patchValues <= Integer.MAX_VALUE && outputValues <= Integer.MAX_VALUE,
                "batch %d is too large for this layer's buffers", newBatch);
        if (patches.length < patchValues) {
            patches = new float[(int) patchValues];
            patchGradient = new float[(int) patchValues];
        }
        if (output.length < outputValues) {
            products = new float[(int) outputValues];
            preActivation = new float[(int) outputValues];
            output = new float[(int) outputValues];
            gradient = new float[(int) outputValues];
            gradientRows = new float[(int) outputValues];
        }
    }
}
