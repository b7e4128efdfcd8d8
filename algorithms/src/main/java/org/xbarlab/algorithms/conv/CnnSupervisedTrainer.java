package org.xbarlab.algorithms.conv;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LearningRates;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.NumericalFailureException;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;

/**
 * Trains a {@link ConvNetwork} with labels: per mini-batch, the forward pass with dropout on the flattened conv
 * output, the mean softmax cross-entropy of the outputs ({@link ConvNetwork#crossEntropyGradient}, PyTorch's
 * {@code CrossEntropyLoss}), backpropagation into every crossbar and one optimizer step with the epoch's learning
 * rates ({@link CnnConfig#learningRateFactor}). This is the supervised CNN the seed paper compares its unsupervised
 * one with (seed-algorithm.md §6.2, "supervised CNN (same arch, CE)").
 *
 * <p>Random streams: {@code algorithms/init} and {@link Pruning#STREAM} (index = layer) through the network,
 * {@code algorithms/shuffle} (index = epoch) for the sample order, {@link CnnWtaTrainer#DROPOUT_STREAM} (index =
 * epoch) for the dropout masks. A checkpoint between mini-batches ({@link #saveState} plus the epoch's
 * {@link EpochLoop}) continues the run bit for bit. Not thread-safe.
 */
public final class CnnSupervisedTrainer implements Stateful {

    private final CnnConfig config;
    private final RngStreams streams;
    private final ConvNetwork network;
    private final int classes;
    private final float[] batchImages;
    private final int[] batchLabels;
    private final float[] gradient;

    /**
     * Builds the network (weights initialised, conv weights pruned).
     *
     * @param config the settings (its optimizer, learning rates, schedule, epochs and batch size)
     * @param network the network for the data's input shape ({@link CnnConfig#network(FeatureShape)}); its outputs
     *     are the class scores
     * @param classes the number of classes, equal to the network's outputs
     * @param factory builds each weight layer's crossbar
     * @param streams the run's random streams
     */
    public CnnSupervisedTrainer(CnnConfig config, ConvNetConfig network, int classes, CrossbarFactory factory,
                                RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.notNull("network", network);
        Checks.isTrue(network.outputs() == classes, "the network '%s' must end with the data set's %d classes "
                + "for supervised training, got %d outputs", network.notation(), classes, network.outputs());
        Checks.isTrue(network.weightLayers() == config.weightLayers(),
                "learningRates needs one entry per weight layer (%d), got %d", network.weightLayers(),
                config.weightLayers());
        this.classes = classes;
        this.network = new ConvNetwork(network, factory, streams, config.optimizer());
        int batch = config.batchSize();
        batchImages = new float[Math.multiplyExact(batch, this.network.inputs())];
        batchLabels = new int[batch];
        gradient = new float[batch * classes];
    }

    /** The settings. */
    public CnnConfig config() {
        return config;
    }

    /** The network being trained. */
    public ConvNetwork network() {
        return network;
    }

    /**
     * Trains one epoch.
     *
     * @param images planar samples, {@code samples × channels × height × width}; read only
     * @param labels the class of every sample, in {@code 0..classes-1}; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0
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
     * @param images planar samples, {@code samples × channels × height × width}; read only
     * @param labels the class of every sample, in {@code 0..classes-1}; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0 (selects the learning-rate factor and the random streams)
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state, or null to start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     * @throws NumericalFailureException if the loss is not finite (with the epoch and mini-batch)
     */
    public EpochResult trainEpoch(float[] images, int[] labels, int samples, int epoch, Progress progress,
                                  BatchBoundary boundary, StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        int inputs = network.inputs();
        Checks.isTrue(images.length >= (long) samples * inputs && labels.length >= samples,
                "images and labels must hold %d samples of %d values", samples, inputs);
        EpochLoop loop = EpochLoop.begin(samples, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, epoch), resume,
                streams.stream(CnnWtaTrainer.DROPOUT_STREAM, epoch));
        int[] order = loop.order();
        UniformRandomProvider dropout = loop.stream(0);
        double factor = config.learningRateFactor(epoch);
        double[] rates = LearningRates.scaled(config.learningRates(), network.weightLayers(), factor);
        int batch = config.batchSize();
        int batches = (samples + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (cnn, supervised)", batches);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, samples - start);
            for (int r = 0; r < rows; r++) {
                int sample = order[start + r];
                System.arraycopy(images, sample * inputs, batchImages, r * inputs, inputs);
                batchLabels[r] = labels[sample];
            }
            double loss;
            long fired;
            try {
                float[] y = network.forward(batchImages, rows, Phase.TRAINING, dropout);
                loss = ConvNetwork.crossEntropyGradient(y, batchLabels, rows, classes, gradient);
                network.backward(gradient, null);
                fired = network.update(rates);
            } catch (NumericalFailureException failure) {
                throw failure.at(epoch, step);
            }
            NumericalFailureException.checkLoss(loss, epoch, step);
            loop.batchDone(loss, fired);
            progress.step(step + 1, "loss " + String.format(Locale.ROOT, "%.4g", loop.lossSum() / (step + 1)));
            loop.afterBatch(boundary, epoch, batches);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(Locale.ROOT, "epoch %d: loss %.4g, %.1f s", epoch + 1,
                loop.lossSum() / batches, seconds));
        return new EpochResult(epoch, loop.lossSum() / batches, factor, loop.pulses(), seconds);
    }

    /**
     * The fraction of samples whose highest output is their label (the lowest class on ties; a sample with a
     * non-finite output counts as wrong unless its label is the first class whose output is highest), with no
     * dropout.
     *
     * @param images planar samples; read only
     * @param labels their classes; read only
     * @param samples number of samples, at least 1
     * @param phase the phase the crossbars charge
     * @return the accuracy, in [0, 1]
     */
    public double accuracy(float[] images, int[] labels, int samples, Phase phase) {
        Checks.positive("samples", samples);
        float[] out = new float[Math.multiplyExact(samples, classes)];
        network.features(images, samples, out, phase, Math.max(config.batchSize(), 256));
        int correct = 0;
        for (int n = 0; n < samples; n++) {
            int base = n * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (out[base + c] > out[base + best]) {
                    best = c;
                }
            }
            correct += best == labels[n] ? 1 : 0;
        }
        return (double) correct / samples;
    }

    /** Writes the network (biases, crossbars, optimizer moments). */
    @Override
    public void saveState(StateWriter out) {
        out.writeState("network", network);
    }

    @Override
    public void restoreState(StateReader in) {
        in.readState("network", network);
    }
}
