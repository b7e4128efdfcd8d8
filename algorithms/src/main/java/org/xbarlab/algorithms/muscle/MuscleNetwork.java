package org.xbarlab.algorithms.muscle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.network.XavierInitializer;
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
import org.xbarlab.core.state.CheckpointException;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * A fully connected classifier on crossbars trained MUSCLE-style (Xie et al. 2020, arXiv 2012.00150; IIC's
 * objective, Ji et al. 2019): each step stacks three blocks of rows into one mini-batch — view 1 and view 2 (two
 * independent augmentations, {@link Augmentation}) of {@code B} samples from the whole training set, and one
 * augmented view of {@code L} labeled samples — runs one forward pass through the crossbars, and backpropagates
 * <pre>  L = w_CE·mean CE(labeled rows) + λ·(−I(view 1; view 2)) + w_WTA·mean CE(view 1, k-WTA target)</pre>
 * ({@link MutualInformationLoss}; the WTA target is the seed paper's k-WTA, here of {@code softmax(logits) − H}, with batch-mode
 * {@link Homeostasis}, {@code T_act = k/C}, normalized to sum 1). The transposed products use the crossbars'
 * {@code backward}, every layer's update goes through a {@link LayerOptimizer} (Adam and dense SGD through
 * {@code Crossbar.applyDelta}, plain SGD as the pulsed outer product {@code Crossbar.update}); biases are digital.
 * The loss is checked every step ({@link NumericalFailureException}).
 *
 * <p>Streams: {@code algorithms/init} (index = layer); {@code algorithms/shuffle} with indices (3, epoch) for the view
 * samples and (4, epoch) for the labeled samples; {@code data/augment} (index = epoch) for the augmentation. Not
 * thread-safe.
 *
 * <p>Checkpoints ({@link Stateful}): the layers (biases, crossbars), their optimizers (Adam moments), the
 * homeostasis and the order of the labeled samples with the position in it; the epoch's view order and its two
 * streams are the {@link EpochLoop}'s, so a run resumed between two mini-batches goes on bit for bit.
 */
public final class MuscleNetwork implements Stateful {

    /** First index of this network's shuffle streams (0–2 are the semi-supervised network's phases). */
    private static final int VIEW_SHUFFLE = 3;
    private static final int LABELED_SHUFFLE = 4;
    private static final int INFERENCE_CHUNK = 256;

    private final MuscleConfig config;
    private final RngStreams streams;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final List<LayerOptimizer> optimizers = new ArrayList<>();
    private final Augmentation augmentation;
    private final MutualInformationLoss mutualInformation;
    private final Homeostasis homeostasis;
    private final int rows;
    private final float[] gathered;
    private final float[] input;
    private final float[][] gradients;
    private final float[] target;
    private final float[] probabilities;
    private final int[] winnersScratch;
    /** The labeled samples in the order they are used, and the next position in it (per epoch; checkpointed). */
    private int[] labeledOrder = new int[0];
    private int labeledNext;

    /**
     * Builds the layers on crossbars and initialises them (Xavier uniform, biases 0).
     *
     * @param config the settings
     * @param imageRows image height of the inputs (the augmentation shifts in 2-D)
     * @param imageColumns image width; {@code imageRows·imageColumns} must equal the input size
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     */
    public MuscleNetwork(MuscleConfig config, int imageRows, int imageColumns, CrossbarFactory factory,
                         RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.notNull("factory", factory);
        List<Integer> sizes = config.layerSizes();
        Checks.isTrue((long) imageRows * imageColumns == sizes.get(0),
                "muscle.layerSizes[0] must equal the images' %d × %d pixels, got %d", imageRows, imageColumns,
                sizes.get(0));
        for (int l = 0; l < config.weightLayers(); l++) {
            Crossbar crossbar = factory.create(l, sizes.get(l + 1), sizes.get(l));
            XavierInitializer.initialize(crossbar, config.xavierGain(),
                    streams.stream(StreamNames.ALGORITHMS_INIT, l));
            DenseLayer layer = new DenseLayer(crossbar, config.activations().get(l));
            layers.add(layer);
            optimizers.add(new LayerOptimizer(config.optimizer(), layer, true));
        }
        augmentation = new Augmentation(config.augmentation(), imageRows, imageColumns);
        int classes = config.classes();
        mutualInformation = new MutualInformationLoss(classes, config.mutualInformationEpsilon());
        homeostasis = new Homeostasis(classes, HomeostasisMode.BATCH, config.homeostasisGain(), 1.0,
                (double) config.wtaWinners() / classes);
        rows = 2 * config.batchSize() + config.labeledBatchSize();
        gathered = new float[rows * sizes.get(0)];
        input = new float[rows * sizes.get(0)];
        gradients = new float[config.weightLayers()][];
        for (int l = 0; l < config.weightLayers(); l++) {
            gradients[l] = new float[rows * sizes.get(l + 1)];
        }
        target = new float[config.batchSize() * classes];
        probabilities = new float[config.batchSize() * classes];
        winnersScratch = new int[2 * config.wtaWinners()];
    }

    /** The settings. */
    public MuscleConfig config() {
        return config;
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return List.copyOf(layers);
    }

    /**
     * Trains one epoch: {@code ⌈samples/B⌉} steps over a shuffle of all training samples, the labeled samples cycled
     * (reshuffled whenever used up).
     *
     * @param images all training samples, row-major {@code samples × inputs}; read only
     * @param labels their classes (only those of {@code labeled} are read); read only
     * @param samples number of training samples, at least 1
     * @param labeled indices of the labeled samples, at least one
     * @param epoch the epoch, from 0, below {@code config.epochs()}
     * @param progress receives one step per mini-batch
     * @return what the epoch did (mean total loss)
     * @throws NumericalFailureException if the loss is not finite
     */
    public EpochResult trainEpoch(float[] images, int[] labels, int samples, int[] labeled, int epoch,
                                  Progress progress) {
        return trainEpoch(images, labels, samples, labeled, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * Trains one epoch, from its start or from a checkpoint inside it, handing its place to {@code boundary} after
     * every mini-batch.
     *
     * @param images all training samples, row-major {@code samples × inputs}; read only
     * @param labels their classes (only those of {@code labeled} are read); read only
     * @param samples number of training samples, at least 1
     * @param labeled indices of the labeled samples, at least one
     * @param epoch the epoch, from 0, below {@code config.epochs()}
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state (written by {@link EpochLoop}), or null to
     *     start the epoch; the network's own state must have been restored from the same checkpoint
     * @return what the epoch did (mean total loss)
     * @throws NumericalFailureException if the loss is not finite
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult trainEpoch(float[] images, int[] labels, int samples, int[] labeled, int epoch,
                                  Progress progress, BatchBoundary boundary, StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        Checks.isTrue(labeled.length > 0, "at least one labeled sample is needed");
        int width = config.layerSizes().get(0);
        int classes = config.classes();
        int batch = config.batchSize();
        int labeledBatch = config.labeledBatchSize();
        EpochLoop loop = EpochLoop.begin(samples, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, VIEW_SHUFFLE, epoch),
                resume, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, LABELED_SHUFFLE, epoch),
                streams.stream(StreamNames.DATA_AUGMENT, epoch));
        int[] order = loop.order();
        if (!loop.resumed()) {
            labeledOrder = labeled.clone();
            PermutationSampler.shuffle(loop.stream(0), labeledOrder);
            labeledNext = 0;
            homeostasis.reset();
        } else {
            Checks.isTrue(labeledOrder.length == labeled.length,
                    "the checkpoint's network has %d labeled samples, this run %d", labeledOrder.length,
                    labeled.length);
        }
        UniformRandomProvider labeledStream = loop.stream(0);
        UniformRandomProvider augmentStream = loop.stream(1);
        double rate = config.learningRate(epoch);
        int steps = (samples + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (muscle)", steps);
        int[] stepLabels = new int[labeledBatch];
        for (int step = loop.batchesDone(); step < steps; step++) {
            int start = step * batch;
            int viewRows = Math.min(batch, samples - start);
            // Rows: view 1 [0, B), view 2 [B, 2B), labeled [2B, 2B + L).
            for (int r = 0; r < viewRows; r++) {
                System.arraycopy(images, order[start + r] * width, gathered, r * width, width);
            }
            augmentation.apply(gathered, input, viewRows, augmentStream);
            float[] second = secondView(viewRows, augmentStream);
            System.arraycopy(second, 0, input, viewRows * width, viewRows * width);
            for (int r = 0; r < labeledBatch; r++) {
                if (labeledNext == labeledOrder.length) {
                    PermutationSampler.shuffle(labeledStream, labeledOrder);
                    labeledNext = 0;
                }
                int sample = labeledOrder[labeledNext++];
                stepLabels[r] = labels[sample];
                System.arraycopy(images, sample * width, gathered, r * width, width);
            }
            augmentLabeled(labeledBatch, width, 2 * viewRows, augmentStream);
            int total = 2 * viewRows + labeledBatch;
            double loss;
            try {
                loss = step(total, viewRows, labeledBatch, stepLabels, classes, rate);
            } catch (NumericalFailureException failure) {
                throw failure.at(epoch, step);
            }
            NumericalFailureException.checkLoss(loss, epoch, step);
            loop.batchDone(loss, lastPulses);
            progress.step(step + 1, String.format(Locale.ROOT, "loss %.4g", loop.lossSum() / (step + 1)));
            loop.afterBatch(boundary, epoch, steps);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(Locale.ROOT, "epoch %d: loss %.4g, %.1f s", epoch + 1,
                loop.lossSum() / steps, seconds));
        return new EpochResult(epoch, loop.lossSum() / steps, config.schedule().factor(epoch, config.epochs()),
                loop.pulses(), seconds);
    }

    /** Writes the layers, their optimizers, the homeostasis and the labeled samples' order and position. */
    @Override
    public void saveState(StateWriter out) {
        out.writeInt("layers", layers.size());
        for (int l = 0; l < layers.size(); l++) {
            out.writeState("layer", layers.get(l));
            out.writeState("optimizer", optimizers.get(l));
        }
        out.writeState("homeostasis", homeostasis);
        out.writeInts("labeledOrder", labeledOrder);
        out.writeInt("labeledNext", labeledNext);
    }

    @Override
    public void restoreState(StateReader in) {
        int count = in.readInt("layers");
        if (count != layers.size()) {
            throw new CheckpointException("the checkpoint has " + count + " MUSCLE layers, this network "
                    + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            in.readState("layer", layers.get(l));
            in.readState("optimizer", optimizers.get(l));
        }
        in.readState("homeostasis", homeostasis);
        labeledOrder = in.readInts("labeledOrder");
        labeledNext = in.readInt("labeledNext");
    }

    private float[] viewBuffer = new float[0];
    private long lastPulses;

    /** The second, independent augmentation of the gathered view samples. */
    private float[] secondView(int viewRows, UniformRandomProvider random) {
        if (viewBuffer.length < gathered.length) {
            viewBuffer = new float[gathered.length];
        }
        augmentation.apply(gathered, viewBuffer, viewRows, random);
        return viewBuffer;
    }

    /** One augmented view of the gathered labeled samples into rows {@code [offset, offset + count)}. */
    private void augmentLabeled(int count, int width, int offset, UniformRandomProvider random) {
        if (viewBuffer.length < gathered.length) {
            viewBuffer = new float[gathered.length];
        }
        augmentation.apply(gathered, viewBuffer, count, random);
        System.arraycopy(viewBuffer, 0, input, offset * width, count * width);
    }

    /** Forward, losses, backward and update of one stacked mini-batch; returns the total loss. */
    private double step(int total, int viewRows, int labeledRows, int[] stepLabels, int classes, double rate) {
        int layerCount = layers.size();
        float[] activation = input;
        for (DenseLayer layer : layers) {
            activation = layer.forward(activation, total, Phase.TRAINING);
        }
        float[] logits = activation;
        float[] g = gradients[layerCount - 1];
        Arrays.fill(g, 0, total * classes, 0f);
        double loss = 0;
        if (config.mutualInformationWeight() > 0) {
            loss += config.mutualInformationWeight() * mutualInformation.addLogitGradient(logits, 0, logits,
                    viewRows * classes, viewRows, config.mutualInformationWeight(), g, g);
        }
        if (config.crossEntropyWeight() > 0) {
            loss += config.crossEntropyWeight() * crossEntropy(logits, 2 * viewRows * classes, labeledRows,
                    classes, stepLabels, null, config.crossEntropyWeight() / labeledRows, g);
        }
        if (config.wtaWeight() > 0) {
            // The winners of softmax(ℓ) − H: probabilities are bounded, so the threshold can catch up with a unit
            // that wins too often (on unbounded logits it cannot).
            softmaxRows(logits, viewRows, classes, probabilities);
            WinnerTakeAll.target(probabilities, homeostasis.threshold(), viewRows, classes, config.wtaWinners(),
                    target, winnersScratch);
            homeostasis.update(target, viewRows);
            loss += config.wtaWeight() * crossEntropy(logits, 0, viewRows, classes, null, target,
                    config.wtaWeight() / viewRows, g);
        }
        // Backward through every layer first, then update: the transposed products use the old weights.
        for (int l = layerCount - 1; l >= 0; l--) {
            layers.get(l).backward(gradients[l], l > 0 ? gradients[l - 1] : null);
        }
        long pulses = 0;
        for (int l = 0; l < layerCount; l++) {
            float[] x = l == 0 ? input : layers.get(l - 1).output();
            UpdateResult result = optimizers.get(l).step(x, layers.get(l).preActivationGradient(), total, rate);
            pulses += result.pulsesFired();
        }
        lastPulses = pulses;
        return loss;
    }

    private static void softmaxRows(float[] logits, int count, int classes, float[] out) {
        for (int r = 0; r < count; r++) {
            int base = r * classes;
            float largest = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                largest = Math.max(largest, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - largest);
            }
            for (int c = 0; c < classes; c++) {
                out[base + c] = (float) (Math.exp(logits[base + c] - largest) / sum);
            }
        }
    }

    /**
     * Mean cross-entropy of {@code count} rows of logits from {@code offset} against class labels or soft targets
     * (normalized to sum 1), adding {@code scale·(softmax − target)} to the gradient.
     */
    private static double crossEntropy(float[] logits, int offset, int count, int classes, int[] labels,
                                       float[] targets, double scale, float[] gradient) {
        double sum = 0;
        for (int r = 0; r < count; r++) {
            int base = offset + r * classes;
            double largest = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                largest = Math.max(largest, logits[base + c]);
            }
            double normalizer = 0;
            for (int c = 0; c < classes; c++) {
                normalizer += Math.exp(logits[base + c] - largest);
            }
            double logNormalizer = largest + Math.log(normalizer);
            double targetSum = 0;
            if (targets != null) {
                for (int c = 0; c < classes; c++) {
                    targetSum += targets[r * classes + c];
                }
            }
            for (int c = 0; c < classes; c++) {
                double t = labels != null ? (labels[r] == c ? 1 : 0)
                        : targetSum > 0 ? targets[r * classes + c] / targetSum : 0;
                double p = Math.exp(logits[base + c] - logNormalizer);
                sum -= t * (logits[base + c] - logNormalizer);
                gradient[base + c] += (float) (scale * (p - t));
            }
        }
        return sum / count;
    }

    /**
     * The fraction of samples whose largest logit is their label.
     *
     * @param images samples; read only
     * @param labels their classes; read only
     * @param samples number of samples
     * @param phase the phase the crossbars charge
     * @return the accuracy, in [0, 1]
     */
    public double accuracy(float[] images, int[] labels, int samples, Phase phase) {
        int classes = config.classes();
        float[] logits = new float[samples * classes];
        run(images, samples, layers.size(), logits, phase);
        int correct = 0;
        for (int s = 0; s < samples; s++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[s * classes + c] > logits[s * classes + best]) {
                    best = c;
                }
            }
            correct += best == labels[s] ? 1 : 0;
        }
        return (double) correct / samples;
    }

    /** Features for a read-out: the last hidden layer's size, or the classes when there is no hidden layer. */
    public int featureCount() {
        List<Integer> sizes = config.layerSizes();
        return sizes.size() > 2 ? sizes.get(sizes.size() - 2) : config.classes();
    }

    /**
     * The last hidden layer's activations (the logits when there is no hidden layer), for a linear classifier.
     *
     * @param images samples; read only
     * @param samples number of samples
     * @param out row-major {@code samples × featureCount()}; overwritten
     * @param phase the phase the crossbars charge
     */
    public void features(float[] images, int samples, float[] out, Phase phase) {
        run(images, samples, Math.max(1, layers.size() - 1), out, phase);
    }

    private void run(float[] images, int samples, int depth, float[] out, Phase phase) {
        int width = config.layerSizes().get(0);
        int outputs = config.layerSizes().get(depth);
        float[] x = new float[Math.min(INFERENCE_CHUNK, samples) * width];
        for (int start = 0; start < samples; start += INFERENCE_CHUNK) {
            int count = Math.min(INFERENCE_CHUNK, samples - start);
            System.arraycopy(images, start * width, x, 0, count * width);
            float[] activation = x;
            for (int l = 0; l < depth; l++) {
                activation = layers.get(l).forward(activation, count, phase);
            }
            System.arraycopy(activation, 0, out, start * outputs, count * outputs);
        }
    }
}
