package org.xbarlab.algorithms.conv;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.network.XavierInitializer;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * A convolutional network built from a {@link ConvNetConfig}: convolutions on crossbars ({@link ConvLayer}, each
 * followed by its {@link Pooling}), then the flattened feature maps through {@link DenseLayer}s, with inverted
 * dropout on each dense layer's input during training. It does forward, backward and update for a given output
 * gradient, so any loss drives it: the self-defined k-WTA target ({@link CnnWtaTrainer}) or supervised
 * cross-entropy ({@link #crossEntropyGradient}).
 *
 * <p>Weight layers are numbered input first: convolutions {@code 0..C−1}, then dense layers {@code C..}; that index
 * is given to the {@link CrossbarFactory}, selects the stream {@code algorithms/init} (initialisation, PyTorch's
 * defaults for {@code Conv2d} and {@code Linear}: weights and biases uniform in {@code ±1/√fan_in}, as the seed
 * paper's CNN, seed-algorithm.md §2.6) and, for convolutions, the stream {@link Pruning#STREAM} of the pruning mask.
 * The dropout masks come from the stream the caller passes to {@link #forward}.
 *
 * <p>Usage per mini-batch: {@link #forward} (training phase, with a dropout stream), compute {@code ∂L/∂y} of the
 * returned output, {@link #backward}, {@link #update}. Work buffers grow to the largest batch seen. Not thread-safe.
 *
 * <p>{@link #saveState} writes every layer (biases, crossbars, optimizer moments), so that training resumed from a
 * checkpoint continues bit for bit; poolings hold no state between mini-batches and pruning masks are drawn again.
 */
public final class ConvNetwork implements org.xbarlab.core.state.Stateful {

    private final ConvNetConfig config;
    private final OptimizerKind optimizer;
    private final List<ConvLayer> convolutions = new ArrayList<>();
    private final List<Pooling> poolings = new ArrayList<>();
    private final List<DenseLayer> denseLayers = new ArrayList<>();
    private final List<LayerOptimizer> denseOptimizers = new ArrayList<>();

    private float[][] denseInputs;
    private float[][] denseMasks;
    private final boolean[] denseMasked;
    private float[][] denseInputGradients;
    private float[][] poolGradients;
    private float[][] convInputGradients;
    private float[] lastOutput;
    private int capacity;
    private int batch;

    /**
     * Builds the layers and initialises their weights.
     *
     * @param config the network
     * @param factory builds each weight layer's crossbar
     * @param streams the run's random streams
     * @param optimizer how every layer turns gradients into weight changes (the seed paper's CNN uses Adam)
     */
    public ConvNetwork(ConvNetConfig config, CrossbarFactory factory, RngStreams streams, OptimizerKind optimizer) {
        this.config = Checks.notNull("config", config);
        Checks.notNull("factory", factory);
        Checks.notNull("streams", streams);
        this.optimizer = Checks.notNull("optimizer", optimizer);
        FeatureShape shape = config.inputShape();
        List<ConvLayerConfig> convs = config.convolutions();
        for (int i = 0; i < convs.size(); i++) {
            ConvLayerConfig spec = convs.get(i);
            Im2Col geometry = new Im2Col(shape.channels(), shape.height(), shape.width(), spec.kernel(),
                    spec.stride(), spec.padding());
            ConvLayer layer = ConvLayer.create(factory, i, geometry, spec.filters(), spec.activation(), config.bias(),
                    optimizer, spec.pruneFraction(), streams.stream(Pruning.STREAM, i));
            layer.initializeDefault(streams.stream(StreamNames.ALGORITHMS_INIT, i));
            convolutions.add(layer);
            PoolingConfig pool = spec.pooling();
            Pooling pooling = new Pooling(pool.kind(), spec.filters(), geometry.outputHeight(),
                    geometry.outputWidth(), pool.kernel(), pool.stride(), pool.padding());
            poolings.add(pooling);
            shape = new FeatureShape(spec.filters(), pooling.outputHeight(), pooling.outputWidth());
        }
        int width = shape.size();
        for (int j = 0; j < config.denseSizes().size(); j++) {
            int index = convs.size() + j;
            int outputs = config.denseSizes().get(j);
            Crossbar crossbar = factory.create(index, outputs, width);
            UniformRandomProvider init = streams.stream(StreamNames.ALGORITHMS_INIT, index);
            double bound = 1.0 / Math.sqrt(width);
            XavierInitializer.initializeUniform(crossbar, bound, init);
            DenseLayer dense = new DenseLayer(crossbar, config.denseActivations().get(j));
            if (config.bias()) {
                float[] bias = dense.bias();
                RandomFill.uniform(init, bias, 0, bias.length, (float) -bound, (float) bound);
            }
            denseLayers.add(dense);
            denseOptimizers.add(new LayerOptimizer(optimizer, dense, config.bias()));
            width = outputs;
        }
        denseMasked = new boolean[denseLayers.size()];
        ensure(1);
    }

    /** The network description. */
    public ConvNetConfig config() {
        return config;
    }

    /** The optimizer of every layer. */
    public OptimizerKind optimizer() {
        return optimizer;
    }

    /** The convolution layers, input first. */
    public List<ConvLayer> convolutionLayers() {
        return List.copyOf(convolutions);
    }

    /** The pooling after each convolution, input first. */
    public List<Pooling> poolings() {
        return List.copyOf(poolings);
    }

    /** The dense layers, input first. */
    public List<DenseLayer> denseLayers() {
        return List.copyOf(denseLayers);
    }

    /** Every weight layer's crossbar, input first (convolutions, then dense layers). */
    public List<Crossbar> crossbars() {
        List<Crossbar> all = new ArrayList<>();
        convolutions.forEach(c -> all.add(c.crossbar()));
        denseLayers.forEach(d -> all.add(d.crossbar()));
        return all;
    }

    /** Inputs per sample. */
    public int inputs() {
        return config.inputs();
    }

    /** Outputs per sample. */
    public int outputs() {
        return config.outputs();
    }

    /** Weight layers (convolutions plus dense layers). */
    public int weightLayers() {
        return convolutions.size() + denseLayers.size();
    }

    /**
     * Forward pass of a batch.
     *
     * @param x planar inputs, {@code batch × channels × height × width}; read only
     * @param batch number of samples, at least 1
     * @param phase the phase every crossbar charges
     * @param dropout the stream of the dropout masks for training, or null for no dropout (inference)
     * @return the outputs, row-major {@code batch × outputs}; a buffer owned by the network, valid until the next
     *     call
     */
    public float[] forward(float[] x, int batch, Phase phase, UniformRandomProvider dropout) {
        Checks.positive("batch", batch);
        Checks.isTrue(x.length >= (long) batch * inputs(), "x must hold batch × inputs = %d values, got %d",
                (long) batch * inputs(), x.length);
        ensure(batch);
        this.batch = batch;
        float[] current = x;
        for (int i = 0; i < convolutions.size(); i++) {
            float[] activation = convolutions.get(i).forward(current, batch, phase);
            current = poolings.get(i).forward(activation, batch);
        }
        for (int j = 0; j < denseLayers.size(); j++) {
            DenseLayer dense = denseLayers.get(j);
            int count = batch * dense.inputs();
            double p = config.denseDropout().get(j);
            denseMasked[j] = dropout != null && p > 0;
            if (denseMasked[j]) {
                Dropout.mask(dropout, p, (float) (1.0 / (1.0 - p)), denseMasks[j], count);
                Dropout.apply(current, denseMasks[j], denseInputs[j], count);
            } else {
                System.arraycopy(current, 0, denseInputs[j], 0, count);
            }
            current = dense.forward(denseInputs[j], batch, phase);
        }
        lastOutput = current;
        return current;
    }

    /**
     * Backpropagation through every layer after {@link #forward}, input gradient included when asked. Transposed
     * products use the weights of the forward pass (no update happens here).
     *
     * @param outputGradient {@code ∂L/∂y}, row-major {@code batch × outputs}; read only
     * @param inputGradient receives {@code ∂L/∂x}, planar {@code batch × inputs}, or null when not needed (it costs
     *     one more transposed product on the first convolution)
     */
    public void backward(float[] outputGradient, float[] inputGradient) {
        Checks.isTrue(outputGradient.length >= (long) batch * outputs(),
                "outputGradient must hold batch × outputs = %d values, got %d", (long) batch * outputs(),
                outputGradient.length);
        float[] gradient = outputGradient;
        for (int j = denseLayers.size() - 1; j >= 0; j--) {
            DenseLayer dense = denseLayers.get(j);
            float[] inputSide = denseInputGradients[j];
            dense.backward(gradient, inputSide);
            if (denseMasked[j]) {
                Dropout.apply(inputSide, denseMasks[j], inputSide, batch * dense.inputs());
            }
            gradient = inputSide;
        }
        for (int i = convolutions.size() - 1; i >= 0; i--) {
            poolings.get(i).backward(gradient, poolGradients[i]);
            float[] inputSide = i > 0 ? convInputGradients[i] : inputGradient;
            convolutions.get(i).backward(poolGradients[i], inputSide);
            gradient = inputSide;
        }
    }

    /**
     * One optimizer step of every layer with the gradients of the last {@link #backward}.
     *
     * @param learningRates one rate per weight layer, input first (convolutions, then dense layers), each
     *     non-negative
     * @return the write pulses fired on all crossbars
     */
    public long update(double[] learningRates) {
        Checks.isTrue(learningRates.length == weightLayers(),
                "learningRates needs one entry per weight layer (%d), got %d", weightLayers(), learningRates.length);
        long pulses = 0;
        for (int i = 0; i < convolutions.size(); i++) {
            pulses += convolutions.get(i).update(learningRates[i]).pulsesFired();
        }
        for (int j = 0; j < denseLayers.size(); j++) {
            DenseLayer dense = denseLayers.get(j);
            UpdateResult result = denseOptimizers.get(j).step(denseInputs[j], dense.preActivationGradient(), batch,
                    learningRates[convolutions.size() + j]);
            pulses += result.pulsesFired();
        }
        return pulses;
    }

    /** The outputs of the last forward pass, row-major {@code batch × outputs}. */
    public float[] output() {
        return lastOutput;
    }

    /**
     * Inference in chunks: the network's outputs with no dropout.
     *
     * @param images planar samples, {@code samples × inputs}; read only
     * @param samples number of samples, at least 1
     * @param out receives {@code samples × outputs}; overwritten
     * @param phase the phase the crossbars charge
     * @param chunk samples per forward pass, at least 1
     */
    public void features(float[] images, int samples, float[] out, Phase phase, int chunk) {
        Checks.positive("samples", samples);
        Checks.positive("chunk", chunk);
        int in = inputs();
        int outs = outputs();
        Checks.isTrue(out.length >= (long) samples * outs, "out must hold samples × outputs = %d values, got %d",
                (long) samples * outs, out.length);
        float[] buffer = new float[Math.min(chunk, samples) * in];
        for (int start = 0; start < samples; start += chunk) {
            int rows = Math.min(chunk, samples - start);
            System.arraycopy(images, start * in, buffer, 0, rows * in);
            float[] y = forward(buffer, rows, phase, null);
            System.arraycopy(y, 0, out, start * outs, rows * outs);
        }
    }

    /**
     * The gradient of the mean softmax cross-entropy {@code L = −(1/B)·Σ_b log softmax(y_b)[label_b]} with respect
     * to the outputs, {@code (softmax(y_b) − onehot_b)/B}: the supervised loss (PyTorch's {@code CrossEntropyLoss}
     * with mean reduction) for training this network with labels.
     *
     * @param y outputs, row-major {@code batch × classes}; read only
     * @param labels one class per sample, each in [0, classes)
     * @param batch number of samples
     * @param classes outputs per sample
     * @param gradient receives {@code batch × classes}; overwritten; may not alias {@code y}
     * @return the mean loss
     */
    public static double crossEntropyGradient(float[] y, int[] labels, int batch, int classes, float[] gradient) {
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * classes;
            int label = Checks.inRange("labels[" + b + "]", labels[b], 0, classes - 1);
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, y[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(y[base + k] - max);
            }
            double logSum = Math.log(sum) + max;
            loss += logSum - y[base + label];
            for (int k = 0; k < classes; k++) {
                double p = Math.exp(y[base + k] - logSum);
                gradient[base + k] = (float) ((p - (k == label ? 1 : 0)) / batch);
            }
        }
        return loss / batch;
    }

    /** Writes every convolution (bias, crossbar, Adam moments), then every dense layer and its optimizer. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("convolutions", convolutions.size());
        for (ConvLayer conv : convolutions) {
            out.writeState("convolution", conv);
        }
        out.writeInt("denseLayers", denseLayers.size());
        for (int j = 0; j < denseLayers.size(); j++) {
            out.writeState("dense", denseLayers.get(j));
            out.writeState("optimizer", denseOptimizers.get(j));
        }
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        int convs = in.readInt("convolutions");
        if (convs != convolutions.size()) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint has " + convs
                    + " convolutions, this network " + convolutions.size());
        }
        for (ConvLayer conv : convolutions) {
            in.readState("convolution", conv);
        }
        int dense = in.readInt("denseLayers");
        if (dense != denseLayers.size()) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint has " + dense
                    + " dense layers, this network " + denseLayers.size());
        }
        for (int j = 0; j < denseLayers.size(); j++) {
            in.readState("dense", denseLayers.get(j));
            in.readState("optimizer", denseOptimizers.get(j));
        }
    }

    private void ensure(int newBatch) {
        if (newBatch <= capacity) {
            return;
        }
        int dense = denseLayers.size();
        denseInputs = new float[dense][];
        denseMasks = new float[dense][];
        denseInputGradients = new float[dense][];
        for (int j = 0; j < dense; j++) {
            int size = Math.multiplyExact(newBatch, denseLayers.get(j).inputs());
            denseInputs[j] = new float[size];
            denseMasks[j] = new float[size];
            denseInputGradients[j] = new float[size];
        }
        int convs = convolutions.size();
        poolGradients = new float[convs][];
        convInputGradients = new float[convs][];
        for (int i = 0; i < convs; i++) {
            poolGradients[i] = new float[Math.multiplyExact(newBatch, convolutions.get(i).outputs())];
            convInputGradients[i] = i > 0 ? new float[Math.multiplyExact(newBatch, convolutions.get(i).inputs())]
                    : new float[0];
        }
        capacity = newBatch;
    }
}
