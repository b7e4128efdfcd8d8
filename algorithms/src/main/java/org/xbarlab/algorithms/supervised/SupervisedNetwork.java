package org.xbarlab.algorithms.supervised;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.LearningRates;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.network.XavierInitializer;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.EquilibriumDynamics;
import org.xbarlab.algorithms.wta.LearningRule;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.crossbar.Crossbar;

/**
 * A fully connected network trained with labels, by backpropagation or by equilibrium propagation nudged toward the
 * class targets. Every weight matrix lives on a {@link Crossbar}: forward and transposed products and updates go
 * through it, the updates by the configured {@link LayerOptimizer optimizer}.
 *
 * <p>Targets: the output neurons are split into {@code classes} groups of {@code outputsPerClass}; a sample's target
 * is 1 on its class's group and 0 elsewhere, smoothed to {@code (1 − ε)·t + ε/classes}. The prediction is the class
 * whose group has the highest mean output.
 *
 * <p>Random streams: {@code algorithms/init} (index = layer), {@code algorithms/shuffle} (index = epoch) for the
 * sample order or the random draws, {@value #DROPOUT_STREAM} and {@value #SIGN_STREAM} (index = epoch). Not
 * thread-safe.
 */
public final class SupervisedNetwork implements org.xbarlab.core.state.Stateful {

    /** Stream of the dropout masks. */
    public static final String DROPOUT_STREAM = "algorithms/supervised-dropout";
    /** Stream of equilibrium propagation's sign of β. */
    public static final String SIGN_STREAM = "algorithms/supervised-ep-sign";

    private final SupervisedConfig config;
    private final RngStreams streams;
    private final int classes;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final List<LayerOptimizer> optimizers = new ArrayList<>();
    private final EquilibriumDynamics dynamics;
    private final Backpropagation backpropagation;
    private final float[] target;

    /**
     * Builds the layers on crossbars and initialises the weights.
     *
     * @param config the training settings
     * @param classes number of classes of the data set; the output layer must have {@code classes ×
     *     outputsPerClass} neurons
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     */
    public SupervisedNetwork(SupervisedConfig config, int classes, CrossbarFactory factory, RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.notNull("factory", factory);
        this.classes = Checks.positive("classes", classes);
        Checks.isTrue(config.outputs() == classes * config.outputsPerClass(),
                "layerSizes' last entry must be classes × outputsPerClass = %d × %d = %d for this data set, got %d",
                classes, config.outputsPerClass(), classes * config.outputsPerClass(), config.outputs());
        List<Integer> sizes = config.layerSizes();
        int layerCount = config.weightLayers();
        for (int l = 0; l < layerCount; l++) {
            Crossbar crossbar = factory.create(l, sizes.get(l + 1), sizes.get(l));
            UniformRandomProvider init = streams.stream(StreamNames.ALGORITHMS_INIT, l);
            if (config.initialWeightBound() > 0) {
                XavierInitializer.initializeUniform(crossbar, config.initialWeightBound(), init);
            } else {
                XavierInitializer.initialize(crossbar, config.xavierGain(), init);
            }
            DenseLayer layer = new DenseLayer(crossbar, config.activations().get(l));
            layers.add(layer);
            optimizers.add(new LayerOptimizer(config.optimizer(), layer, config.bias()));
        }
        int batch = config.batchSize();
        backpropagation = new Backpropagation(layers, sizes, config.dropout());
        target = new float[batch * config.outputs()];
        if (config.rule() == LearningRule.EQUILIBRIUM_PROPAGATION) {
            List<Double> dropout = new ArrayList<>(config.dropout());
            dropout.add(0.0);
            dynamics = new EquilibriumDynamics(sizes, config.equilibrium(), dropout, layers, optimizers, batch);
        } else {
            dynamics = null;
        }
    }

    /** The settings. */
    public SupervisedConfig config() {
        return config;
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return List.copyOf(layers);
    }

    /**
     * Trains one epoch.
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param labels class of every sample, in {@code 0..classes-1}; read only
     * @param samples number of samples
     * @param epoch the epoch index, from 0
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult trainEpoch(float[] images, int[] labels, int samples, int epoch, Progress progress) {
        return trainEpoch(images, labels, samples, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * Trains one epoch, from its start or from a checkpoint inside it, handing its place to {@code boundary} after
     * every mini-batch.
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param labels class of every sample, in {@code 0..classes-1}; read only
     * @param samples number of samples
     * @param epoch the epoch index, from 0
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state, or null to start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult trainEpoch(float[] images, int[] labels, int samples, int epoch, Progress progress,
                                  BatchBoundary boundary, org.xbarlab.core.state.StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        int width = config.layerSizes().get(0);
        Checks.isTrue(images.length >= (long) samples * width && labels.length >= samples,
                "images and labels must hold %d samples of %d values", samples, width);
        int count = config.samplesPerEpoch() > 0 ? config.samplesPerEpoch() : samples;
        int[] sequence = new int[count];
        EpochLoop loop = new EpochLoop(sequence, streams.stream(DROPOUT_STREAM, epoch),
                streams.stream(SIGN_STREAM, epoch));
        if (resume == null) {
            UniformRandomProvider order = streams.stream(StreamNames.ALGORITHMS_SHUFFLE, epoch);
            if (config.samplesPerEpoch() > 0) {
                for (int i = 0; i < count; i++) {
                    sequence[i] = order.nextInt(samples);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    sequence[i] = i;
                }
                PermutationSampler.shuffle(order, sequence);
            }
        } else {
            resume.readState("epochLoop", loop);
        }
        UniformRandomProvider dropoutStream = loop.stream(0);
        UniformRandomProvider signStream = loop.stream(1);
        double factor = config.learningRateFactor(epoch);
        double[] rates = LearningRates.scaled(config.learningRates(), layers.size(), factor);
        int batch = config.batchSize();
        int batches = (count + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (supervised " + config.rule().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ")", batches);
        int reportEvery = Math.max(1, batches / 100);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, count - start);
            float[] x = backpropagation.input(batch);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, sequence[start + r] * width, x, r * width, width);
            }
            fillTargets(labels, sequence, start, rows);
            double loss;
            long fired;
            try {
                if (dynamics == null) {
                    double[] outcome = backpropagation.step(rows, target, null, config.loss(), rates, optimizers,
                            dropoutStream);
                    loss = outcome[0];
                    fired = (long) outcome[1];
                } else {
                    EquilibriumDynamics.Outcome outcome = dynamics.trainStep(x, rows, rates, dropoutStream,
                            signStream, this::maskedTarget);
                    loss = outcome.loss();
                    fired = outcome.pulsesFired();
                }
            } catch (org.xbarlab.core.NumericalFailureException failure) {
                throw failure.at(epoch, step);
            }
            org.xbarlab.core.NumericalFailureException.checkLoss(loss, epoch, step);
            loop.batchDone(loss, fired);
            if ((step + 1) % reportEvery == 0 || step + 1 == batches) {
                progress.step(step + 1, String.format(Locale.ROOT, "loss %.4g", loop.lossSum() / (step + 1)));
            }
            loop.afterBatch(boundary, epoch, batches);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(Locale.ROOT, "loss %.4g, %.1f s", loop.lossSum() / batches, seconds));
        return new EpochResult(epoch, loop.lossSum() / batches, factor, loop.pulses(), seconds);
    }

    /** Writes the layers (biases and crossbars) and their optimizers' state. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("layers", layers.size());
        for (int l = 0; l < layers.size(); l++) {
            out.writeState("layer", layers.get(l));
            out.writeState("optimizer", optimizers.get(l));
        }
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        int count = in.readInt("layers");
        if (count != layers.size()) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint has " + count + " layers, this "
                    + "network " + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            in.readState("layer", layers.get(l));
            in.readState("optimizer", optimizers.get(l));
        }
    }

    private void fillTargets(int[] labels, int[] sequence, int start, int rows) {
        int outputs = config.outputs();
        int group = config.outputsPerClass();
        float spread = (float) (config.smoothing() / classes);
        float on = (float) (1 - config.smoothing()) + spread;
        for (int r = 0; r < rows; r++) {
            int label = labels[sequence[start + r]];
            Checks.isTrue(label >= 0 && label < classes, "label of sample %d must be in 0..%d, got %d",
                    sequence[start + r], classes - 1, label);
            int base = r * outputs;
            for (int j = 0; j < outputs; j++) {
                target[base + j] = j / group == label ? on : spread;
            }
        }
    }

    /** Equilibrium propagation's target: the labels, times the output mask; returns the mean-squared error. */
    private double maskedTarget(float[] maskedOutput, float[] mask, int batch, float[] targetOut) {
        int count = batch * config.outputs();
        double sum = 0;
        for (int k = 0; k < count; k++) {
            targetOut[k] = target[k] * mask[k];
            double difference = maskedOutput[k] - targetOut[k];
            sum += difference * difference;
        }
        return sum / count;
    }

    /**
     * Inference: the network's outputs (backpropagation: the forward pass; equilibrium propagation: the free
     * phase), without dropout.
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples
     * @param out outputs, row-major {@code samples × outputs}; overwritten
     * @param phase the phase the crossbars charge
     */
    public void outputs(float[] images, int samples, float[] out, Phase phase) {
        EquilibriumDynamics.infer(layers, dynamics, images, samples, Math.max(config.batchSize(), 256), out, phase);
    }

    /**
     * The fraction of samples whose predicted class (the output group with the highest mean) is their label.
     *
     * @param images samples; read only
     * @param labels their classes; read only
     * @param samples number of samples
     * @param phase the phase the crossbars charge
     * @return the accuracy, in [0, 1]
     */
    public double accuracy(float[] images, int[] labels, int samples, Phase phase) {
        int outputs = config.outputs();
        float[] out = new float[samples * outputs];
        outputs(images, samples, out, phase);
        int correct = 0;
        for (int n = 0; n < samples; n++) {
            correct += predict(out, n * outputs, classes, config.outputsPerClass()) == labels[n] ? 1 : 0;
        }
        return (double) correct / samples;
    }

    /**
     * The class whose group of output neurons has the highest mean (the lowest class on ties).
     *
     * @param out outputs; read only
     * @param offset index of the sample's first output
     * @param classes number of classes
     * @param perClass neurons per class
     * @return the class
     */
    public static int predict(float[] out, int offset, int classes, int perClass) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            int base = offset + c * perClass;
            for (int j = 0; j < perClass; j++) {
                sum += out[base + j];
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = c;
            }
        }
        return best;
    }
}
