package org.xbarlab.algorithms.conv;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.Dropout;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LearningRates;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.Homeostasis;
import org.xbarlab.algorithms.wta.HomeostasisMode;
import org.xbarlab.algorithms.wta.WinnerTakeAll;
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
 * Trains a {@link ConvNetwork} without labels toward the self-defined k-WTA target by backpropagation, as the
 * seed paper's CNN experiments do (seed-algorithm.md §2.7 with the CNN settings of §2.6): per mini-batch, the
 * forward pass with dropout on the flattened conv output, a 0/1 output mask, the k winners of the masked output
 * minus the homeostatic threshold {@code H}, optional smoothing, the mask again, the batch-mode homeostasis update,
 * and the gradient of the mean-squared error {@code mean((M⊙y − d)²)} backpropagated through dense and conv layers
 * to every crossbar. {@code H} is reset every epoch.
 *
 * <p>Random streams: {@code algorithms/init} and {@link Pruning#STREAM} (index = layer) through the network,
 * {@code algorithms/shuffle} (index = epoch) for the sample order, {@link #DROPOUT_STREAM} (index = epoch) for every
 * dropout and output mask. A checkpoint between mini-batches ({@link #saveState} plus the epoch's {@link EpochLoop})
 * continues the run bit for bit. Not thread-safe.
 */
public final class CnnWtaTrainer implements Stateful {

    /** Stream of the dropout and output masks (index = epoch). */
    public static final String DROPOUT_STREAM = "algorithms/cnn-dropout";

    private final CnnWtaConfig config;
    private final RngStreams streams;
    private final ConvNetwork network;
    private final Homeostasis homeostasis;
    private final float[] batchImages;
    private final float[] outputMask;
    private final float[] masked;
    private final float[] target;
    private final float[] gradient;
    private final int[] winnersScratch;

    /**
     * Builds the network (weights initialised, conv weights pruned).
     *
     * @param config the settings
     * @param factory builds each weight layer's crossbar
     * @param streams the run's random streams
     */
    public CnnWtaTrainer(CnnWtaConfig config, CrossbarFactory factory, RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        this.network = new ConvNetwork(config.network(), factory, streams, config.optimizer());
        int outputs = config.outputs();
        this.homeostasis = new Homeostasis(outputs, HomeostasisMode.BATCH, config.homeostasisGain(), 0.5,
                config.targetActivity());
        int batch = config.batchSize();
        batchImages = new float[Math.multiplyExact(batch, network.inputs())];
        outputMask = new float[batch * outputs];
        masked = new float[batch * outputs];
        target = new float[batch * outputs];
        gradient = new float[batch * outputs];
        winnersScratch = new int[2 * config.winners()];
    }

    /** The settings. */
    public CnnWtaConfig config() {
        return config;
    }

    /** The network being trained. */
    public ConvNetwork network() {
        return network;
    }

    /** The homeostasis state. */
    public Homeostasis homeostasis() {
        return homeostasis;
    }

    /**
     * Trains one epoch on unlabeled samples.
     *
     * @param images planar samples, {@code samples × channels × height × width}, values in [0, 1]; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0 (selects the learning-rate factor and the random streams)
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress) {
        return trainEpoch(images, samples, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * Trains one epoch on unlabeled samples, from its start or from a checkpoint inside it, handing its place
     * ({@link EpochLoop}: the sample order, the dropout stream, the batches done, the loss and pulse sums) to
     * {@code boundary} after every mini-batch, as {@link org.xbarlab.algorithms.wta.WtaNetwork} does.
     *
     * @param images planar samples, {@code samples × channels × height × width}, values in [0, 1]; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0 (selects the learning-rate factor and the random streams)
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state (written by {@link EpochLoop}), or null to
     *     start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     * @throws NumericalFailureException if the loss or an output is not finite (with the epoch and mini-batch)
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress, BatchBoundary boundary,
                                  StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        int inputs = network.inputs();
        Checks.isTrue(images.length >= (long) samples * inputs,
                "images must hold samples × inputs = %d × %d values, got %d", samples, inputs, images.length);
        EpochLoop loop = EpochLoop.begin(samples, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, epoch), resume,
                streams.stream(DROPOUT_STREAM, epoch));
        if (!loop.resumed()) {
            homeostasis.reset();
        }
        int[] order = loop.order();
        UniformRandomProvider dropout = loop.stream(0);
        double factor = config.learningRateFactor(epoch);
        double[] rates = LearningRates.scaled(config.learningRates(), network.weightLayers(), factor);
        int batch = config.batchSize();
        int batches = (samples + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (cnn, wta)", batches);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, samples - start);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, order[start + r] * inputs, batchImages, r * inputs, inputs);
            }
            double loss;
            long fired;
            try {
                loss = step(rows, dropout);
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

    /** Writes the network (biases, crossbars, optimizer moments) and the homeostasis state. */
    @Override
    public void saveState(StateWriter out) {
        out.writeState("network", network);
        out.writeState("homeostasis", homeostasis);
    }

    @Override
    public void restoreState(StateReader in) {
        in.readState("network", network);
        in.readState("homeostasis", homeostasis);
    }

    /** Forward, target, homeostasis and backward of one mini-batch held in {@link #batchImages}; returns the loss. */
    private double step(int batch, UniformRandomProvider dropout) {
        float[] y = network.forward(batchImages, batch, Phase.TRAINING, dropout);
        int neurons = config.outputs();
        int count = batch * neurons;
        Dropout.mask(dropout, config.outputMask(), 1f, outputMask, count);
        Dropout.apply(y, outputMask, masked, count);
        WinnerTakeAll.target(masked, homeostasis.threshold(), batch, neurons, config.winners(), target,
                winnersScratch);
        if (config.smoothing() > 0) {
            float keep = (float) (1 - config.smoothing());
            float spread = (float) (config.smoothing() * config.winners() / neurons);
            for (int k = 0; k < count; k++) {
                target[k] = keep * target[k] + spread;
            }
        }
        Dropout.apply(target, outputMask, target, count);
        homeostasis.update(target, batch);
        double sum = 0;
        float scale = 2f / count;
        for (int k = 0; k < count; k++) {
            float difference = masked[k] - target[k];
            sum += (double) difference * difference;
            gradient[k] = scale * difference * outputMask[k];
        }
        network.backward(gradient, null);
        return sum / count;
    }

    /**
     * Inference: the network's outputs with no dropout, no mask and no homeostasis.
     *
     * @param images planar samples; read only
     * @param samples number of samples
     * @param out receives {@code samples × outputs}; overwritten
     * @param phase the phase the crossbars charge
     */
    public void features(float[] images, int samples, float[] out, Phase phase) {
        network.features(images, samples, out, phase, Math.max(config.batchSize(), 256));
    }
}
