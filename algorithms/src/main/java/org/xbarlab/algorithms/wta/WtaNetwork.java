package org.xbarlab.algorithms.wta;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.LearningRates;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.network.XavierInitializer;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * A fully connected network trained without labels toward the self-defined k-WTA target, by backpropagation or by
 * equilibrium propagation (seed-algorithm.md §2 and §3). Every weight matrix lives on a {@link Crossbar}; forward
 * products, transposed products and updates go through it, so a crossbar of non-ideal devices makes this
 * on-chip learning, and the ideal {@code DigitalCrossbar} makes it exact software training.
 *
 * <p>Random streams (named, from the run's root seed): {@code algorithms/init} (index = layer) for Xavier
 * initialisation, {@code algorithms/shuffle} (index = epoch) for the sample order, {@code algorithms/dropout}
 * (index = epoch) for every dropout and output mask, {@code algorithms/ep-sign} (index = epoch) for
 * equilibrium propagation's random sign of β.
 *
 * <p>Not thread-safe.
 */
public final class WtaNetwork implements org.xbarlab.core.state.Stateful {

    /** Stream of the dropout and output masks. */
    public static final String DROPOUT_STREAM = "algorithms/dropout";
    /** Stream of equilibrium propagation's sign of β. */
    public static final String SIGN_STREAM = "algorithms/ep-sign";

    private final WtaConfig config;
    private final RngStreams streams;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final Homeostasis homeostasis;
    private final EquilibriumDynamics dynamics;

    // Work buffers, sized for one mini-batch.
    private final float[][] inputs;
    private final float[][] masks;
    private final float[][] gradients;
    private final float[] outputMask;
    private final float[] masked;
    private final float[] target;
    private final int[] winnersScratch;

    /**
     * Builds the layers and initialises their weights (Xavier uniform, biases 0).
     *
     * @param config the training settings
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     */
    public WtaNetwork(WtaConfig config, CrossbarFactory factory, RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.notNull("factory", factory);
        List<Integer> sizes = config.layerSizes();
        int layerCount = config.weightLayers();
        for (int l = 0; l < layerCount; l++) {
            Crossbar crossbar = factory.create(l, sizes.get(l + 1), sizes.get(l));
            XavierInitializer.initialize(crossbar, config.xavierGain(),
                    streams.stream(StreamNames.ALGORITHMS_INIT, l));
            layers.add(new DenseLayer(crossbar, config.activations().get(l)));
        }
        this.homeostasis = new Homeostasis(config.outputs(), config.homeostasisMode(), config.homeostasisGain(),
                config.homeostasisRate(), config.targetActivity());
        int batch = config.batchSize();
        inputs = new float[layerCount][];
        masks = new float[layerCount][];
        gradients = new float[layerCount][];
        for (int l = 0; l < layerCount; l++) {
            inputs[l] = new float[batch * sizes.get(l)];
            masks[l] = new float[batch * sizes.get(l)];
            gradients[l] = new float[batch * sizes.get(l + 1)];
        }
        outputMask = new float[batch * config.outputs()];
        masked = new float[batch * config.outputs()];
        target = new float[batch * config.outputs()];
        winnersScratch = new int[2 * config.winners()];
        if (config.rule() == LearningRule.EQUILIBRIUM_PROPAGATION) {
            List<Double> masks = new ArrayList<>(config.dropout().subList(0, layerCount));
            masks.add(config.outputMask());
            List<LayerOptimizer> optimizers = new ArrayList<>();
            for (DenseLayer layer : layers) {
                optimizers.add(new LayerOptimizer(OptimizerKind.SGD, layer, true));
            }
            dynamics = new EquilibriumDynamics(sizes, config.equilibrium(), masks, layers, optimizers, batch);
        } else {
            dynamics = null;
        }
    }

    /** The settings. */
    public WtaConfig config() {
        return config;
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return List.copyOf(layers);
    }

    /** The homeostasis state. */
    public Homeostasis homeostasis() {
        return homeostasis;
    }

    /**
     * Trains one epoch on unlabeled samples.
     *
     * @param images samples, row-major {@code samples × inputs}, values in [0, 1]; read only
     * @param samples number of samples
     * @param epoch the epoch index, from 0 (selects the learning-rate factor and the random streams)
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress) {
        return trainEpoch(images, samples, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * Trains one epoch on unlabeled samples, from its start or from a checkpoint inside it, handing its place to
     * {@code boundary} after every mini-batch.
     *
     * @param images samples, row-major {@code samples × inputs}, values in [0, 1]; read only
     * @param samples number of samples
     * @param epoch the epoch index, from 0 (selects the learning-rate factor and the random streams)
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state (written by {@link EpochLoop}), or null to
     *     start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress, BatchBoundary boundary,
                                  org.xbarlab.core.state.StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        int inputsPerSample = config.layerSizes().get(0);
        Checks.isTrue(images.length >= (long) samples * inputsPerSample,
                "images must hold samples × inputs = %d × %d values, got %d", samples, inputsPerSample,
                images.length);
        EpochLoop loop = EpochLoop.begin(samples, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, epoch), resume,
                streams.stream(DROPOUT_STREAM, epoch), streams.stream(SIGN_STREAM, epoch));
        if (!loop.resumed()) {
            homeostasis.reset();
        }
        int[] order = loop.order();
        UniformRandomProvider dropoutStream = loop.stream(0);
        UniformRandomProvider signStream = loop.stream(1);
        double factor = config.learningRateFactor(epoch);
        double[] rates = LearningRates.scaled(config.learningRates(), layers.size(), factor);
        int batch = config.batchSize();
        int batches = (samples + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (" + config.rule().name().toLowerCase(java.util.Locale.ROOT)
                + ")", batches);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, samples - start);
            float[] x = inputs[0];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, order[start + r] * inputsPerSample, x, r * inputsPerSample,
                        inputsPerSample);
            }
            BatchOutcome outcome;
            try {
                if (config.rule() == LearningRule.BACKPROPAGATION) {
                    outcome = backpropagationStep(rows, factor, dropoutStream);
                } else {
                    EquilibriumDynamics.Outcome relaxed = dynamics.trainStep(inputs[0], rows, rates, dropoutStream,
                            signStream, this::targetFromMasked);
                    outcome = new BatchOutcome(relaxed.loss(), relaxed.pulsesFired());
                }
            } catch (org.xbarlab.core.NumericalFailureException failure) {
                throw failure.at(epoch, step);
            }
            org.xbarlab.core.NumericalFailureException.checkLoss(outcome.loss(), epoch, step);
            loop.batchDone(outcome.loss(), outcome.pulsesFired());
            progress.step(step + 1, "loss " + String.format(java.util.Locale.ROOT, "%.4g",
                    loop.lossSum() / (step + 1)));
            loop.afterBatch(boundary, epoch, batches);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(java.util.Locale.ROOT, "epoch %d: loss %.4g, %.1f s", epoch + 1,
                loop.lossSum() / batches, seconds));
        return new EpochResult(epoch, loop.lossSum() / batches, factor, loop.pulses(), seconds);
    }

    /** Writes the layers (biases and crossbars) and the homeostasis state. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("layers", layers.size());
        for (DenseLayer layer : layers) {
            out.writeState("layer", layer);
        }
        out.writeState("homeostasis", homeostasis);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        int count = in.readInt("layers");
        if (count != layers.size()) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint has " + count + " layers, this "
                    + "network " + layers.size());
        }
        for (DenseLayer layer : layers) {
            in.readState("layer", layer);
        }
        in.readState("homeostasis", homeostasis);
    }

    /** Loss and pulses of one mini-batch. */
    record BatchOutcome(double loss, long pulsesFired) {
    }

    /**
     * One backpropagation step toward the self-defined target (seed-algorithm.md §2.7); {@code inputs[0]} holds
     * the batch.
     */
    private BatchOutcome backpropagationStep(int batch, double factor, UniformRandomProvider dropoutStream) {
        int layerCount = layers.size();
        List<Integer> sizes = config.layerSizes();
        // Forward with inverted dropout on the input and hidden layers.
        float[] raw = inputs[0];
        for (int l = 0; l < layerCount; l++) {
            int width = sizes.get(l);
            int count = batch * width;
            double p = config.dropout().get(l);
            Dropout.mask(dropoutStream, p, (float) (1.0 / (1.0 - p)), masks[l], count);
            Dropout.apply(raw, masks[l], inputs[l], count);
            float[] activation = layers.get(l).forward(inputs[l], batch, Phase.TRAINING);
            if (l + 1 < layerCount) {
                raw = activation;
            }
        }
        float[] y = layers.get(layerCount - 1).output();
        double loss = outputTarget(y, batch, dropoutStream);
        int neurons = config.outputs();
        int count = batch * neurons;
        // ∂L/∂y for L = mean over batch and neurons of (M⊙y − d)², times the mask (the masked output is the
        // network's output as far as the loss sees it).
        float scale = 2f / count;
        float[] g = gradients[layerCount - 1];
        for (int k = 0; k < count; k++) {
            g[k] = scale * (masked[k] - target[k]) * outputMask[k];
        }
        // Backward through every layer first, then update: the transposed products use the old weights.
        for (int l = layerCount - 1; l >= 0; l--) {
            float[] inputGradient = l > 0 ? gradients[l - 1] : null;
            layers.get(l).backward(gradients[l], inputGradient);
            if (l > 0) {
                // Through the inverted dropout of layer l's input.
                Dropout.apply(inputGradient, masks[l], inputGradient, batch * sizes.get(l));
            }
        }
        long pulses = 0;
        for (int l = 0; l < layerCount; l++) {
            UpdateResult result = layers.get(l).update(inputs[l], config.learningRates().get(l) * factor);
            pulses += result.pulsesFired();
        }
        return new BatchOutcome(loss, pulses);
    }

    /**
     * Output mask, k-WTA target, smoothing, target mask and homeostasis, in the reference order (seed-algorithm.md
     * §2.4). Fills {@link #outputMask}, {@link #masked} (the masked output) and {@link #target}.
     *
     * @return the mean-squared error between the masked output and the target
     */
    double outputTarget(float[] y, int batch, UniformRandomProvider dropoutStream) {
        int count = batch * config.outputs();
        Dropout.mask(dropoutStream, config.outputMask(), 1f, outputMask, count);
        Dropout.apply(y, outputMask, masked, count);
        return targetFromMasked(masked, outputMask, batch, target);
    }

    /**
     * The target of an output that is already masked: k-WTA on {@code output − H}, smoothing, the mask again, and
     * the homeostasis update with the final target.
     *
     * @param maskedOutput the masked output, row-major {@code batch × outputs}; read only
     * @param mask the 0/1 output mask; read only
     * @param batch number of samples
     * @param targetOut receives the target; overwritten
     * @return the mean-squared error between the masked output and the target
     */
    double targetFromMasked(float[] maskedOutput, float[] mask, int batch, float[] targetOut) {
        int neurons = config.outputs();
        int count = batch * neurons;
        WinnerTakeAll.target(maskedOutput, homeostasis.threshold(), batch, neurons, config.winners(), targetOut,
                winnersScratch);
        if (config.smoothing() > 0) {
            float keep = (float) (1 - config.smoothing());
            float spread = (float) (config.smoothing() * config.winners() / neurons);
            for (int k = 0; k < count; k++) {
                targetOut[k] = keep * targetOut[k] + spread;
            }
        }
        Dropout.apply(targetOut, mask, targetOut, count);
        homeostasis.update(targetOut, batch);
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double difference = maskedOutput[k] - targetOut[k];
            sum += difference * difference;
        }
        return sum / count;
    }

    /** The k-WTA target of the last {@link #outputTarget} call (after smoothing and masking). */
    float[] target() {
        return target;
    }

    /** The output mask of the last {@link #outputTarget} call. */
    float[] outputMask() {
        return outputMask;
    }

    /**
     * Inference: the output of the network for every sample, with no dropout, no mask and no homeostasis (BP: the
     * forward pass; EP: the free phase of {@code T} steps).
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples
     * @param out outputs, row-major {@code samples × outputs}; overwritten
     * @param phase the phase the crossbars charge (inference, or training for monitoring)
     */
    public void features(float[] images, int samples, float[] out, Phase phase) {
        EquilibriumDynamics.infer(layers, dynamics, images, samples, Math.max(config.batchSize(), 256), out, phase);
    }
}
