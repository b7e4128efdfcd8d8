package org.xbarlab.algorithms.supervised;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.LearningRates;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.network.XavierInitializer;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.EquilibriumConfig;
import org.xbarlab.algorithms.wta.Homeostasis;
import org.xbarlab.algorithms.wta.HomeostasisMode;
import org.xbarlab.algorithms.wta.LearningRule;
import org.xbarlab.algorithms.wta.WinnerTakeAll;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.crossbar.Crossbar;

/**
 * The semi-supervised network of the seed paper trained on crossbars by backpropagation or by equilibrium
 * propagation with a softmax read-out ({@link SoftmaxReadoutEquilibrium}) (seed-algorithm.md §3.3, §5):
 * the same layers serve three phases, each with its own optimizer instance — supervised pre-training, unsupervised
 * epochs whose target is the k-WTA of {@code output − H} (a pseudo-label for k = 1) with batch-mode homeostasis, and
 * supervised epochs with the true labels. The loss is the soft-target cross-entropy on the softmax of the outputs.
 *
 * <p>Streams: {@code algorithms/init} (index = layer); {@code algorithms/shuffle} and {@value #DROPOUT_STREAM} with
 * indices (phase, epoch), phase 0 = pre-training, 1 = unsupervised, 2 = supervised. Not thread-safe.
 */
public final class SemiSupervisedNetwork implements org.xbarlab.core.state.Stateful {

    /** Stream of the dropout masks. */
    public static final String DROPOUT_STREAM = "algorithms/semi-supervised-dropout";
    /** Stream of equilibrium propagation's sign of β. */
    public static final String SIGN_STREAM = "algorithms/semi-supervised-ep-sign";

    private static final int PRE = 0;
    private static final int UNSUPERVISED = 1;
    private static final int SUPERVISED = 2;

    private final SemiSupervisedConfig config;
    private final RngStreams streams;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final List<List<LayerOptimizer>> optimizers = new ArrayList<>();
    private final Backpropagation backpropagation;
    private final SoftmaxReadoutEquilibrium equilibrium;
    private final Homeostasis homeostasis;
    private final int[] winnersScratch;
    private float[] target = new float[0];

    /**
     * Builds the layers on crossbars and initialises the weights (Xavier uniform, biases 0).
     *
     * @param config the settings
     * @param classes classes of the data set; must equal the output size
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     */
    public SemiSupervisedNetwork(SemiSupervisedConfig config, int classes, CrossbarFactory factory,
                                 RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.isTrue(config.outputs() == classes, "semiSupervised.layerSizes' last entry must be the %d classes, got %d",
                classes, config.outputs());
        List<Integer> sizes = config.layerSizes();
        for (int l = 0; l < config.weightLayers(); l++) {
            Crossbar crossbar = factory.create(l, sizes.get(l + 1), sizes.get(l));
            XavierInitializer.initialize(crossbar, config.xavierGain(), streams.stream(StreamNames.ALGORITHMS_INIT, l));
            layers.add(new DenseLayer(crossbar, config.activations().get(l)));
        }
        for (int phase = 0; phase < 3; phase++) {
            List<LayerOptimizer> list = new ArrayList<>();
            for (DenseLayer layer : layers) {
                list.add(new LayerOptimizer(config.optimizer(), layer, true));
            }
            optimizers.add(list);
        }
        backpropagation = new Backpropagation(layers, sizes, config.dropout());
        equilibrium = config.rule() == LearningRule.EQUILIBRIUM_PROPAGATION
                ? new SoftmaxReadoutEquilibrium(layers, config.equilibrium()) : null;
        // T_act = 1/classes (seed §5); in batch mode only the relative thresholds matter.
        homeostasis = new Homeostasis(config.outputs(), HomeostasisMode.BATCH, config.homeostasisGain(), 1.0,
                1.0 / classes);
        winnersScratch = new int[2 * config.winners()];
    }

    /** The layers, input first. */
    public List<DenseLayer> layers() {
        return List.copyOf(layers);
    }

    /**
     * One epoch of supervised pre-training on the labeled samples.
     *
     * @param images all training samples; read only
     * @param labels their classes; read only
     * @param labeled indices of the labeled samples
     * @param epoch the pre-training epoch, from 0
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult preTrainEpoch(float[] images, int[] labels, int[] labeled, int epoch, Progress progress) {
        return preTrainEpoch(images, labels, labeled, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * One epoch of supervised pre-training, from its start or from a checkpoint inside it.
     *
     * @param images all training samples; read only
     * @param labels their classes; read only
     * @param labeled indices of the labeled samples
     * @param epoch the pre-training epoch, from 0
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state, or null to start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult preTrainEpoch(float[] images, int[] labels, int[] labeled, int epoch, Progress progress,
                                     BatchBoundary boundary, org.xbarlab.core.state.StateReader resume) {
        double factor = Math.pow(config.preDecay(), epoch);
        return run(PRE, images, labels, labeled, epoch, config.preBatchSize(), config.preLearningRates(), factor,
                progress, "pre-training " + (epoch + 1), boundary, resume);
    }

    /**
     * One unsupervised epoch over the unlabeled samples with the self-defined target.
     *
     * @param images all training samples; read only
     * @param unlabeled indices of the unlabeled samples
     * @param epoch the alternating epoch, from 0
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult unsupervisedEpoch(float[] images, int[] unlabeled, int epoch, Progress progress) {
        return unsupervisedEpoch(images, unlabeled, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * One unsupervised epoch, from its start or from a checkpoint inside it.
     *
     * @param images all training samples; read only
     * @param unlabeled indices of the unlabeled samples
     * @param epoch the alternating epoch, from 0
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state, or null to start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult unsupervisedEpoch(float[] images, int[] unlabeled, int epoch, Progress progress,
                                         BatchBoundary boundary, org.xbarlab.core.state.StateReader resume) {
        if (resume == null) {
            homeostasis.reset();
        }
        return run(UNSUPERVISED, images, null, unlabeled, epoch, config.batchSize(), config.learningRates(),
                config.unsupervisedFactor(epoch), progress, "unsupervised " + (epoch + 1), boundary, resume);
    }

    /**
     * One supervised epoch over the labeled samples.
     *
     * @param images all training samples; read only
     * @param labels their classes; read only
     * @param labeled indices of the labeled samples
     * @param epoch the alternating epoch, from 0
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     */
    public EpochResult supervisedEpoch(float[] images, int[] labels, int[] labeled, int epoch, Progress progress) {
        return supervisedEpoch(images, labels, labeled, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * One supervised epoch, from its start or from a checkpoint inside it.
     *
     * @param images all training samples; read only
     * @param labels their classes; read only
     * @param labeled indices of the labeled samples
     * @param epoch the alternating epoch, from 0
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state, or null to start the epoch
     * @return what the epoch did
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult supervisedEpoch(float[] images, int[] labels, int[] labeled, int epoch, Progress progress,
                                       BatchBoundary boundary, org.xbarlab.core.state.StateReader resume) {
        return run(SUPERVISED, images, labels, labeled, epoch, config.supervisedBatchSize(), config.learningRates(),
                config.supervisedFactor(epoch), progress, "supervised " + (epoch + 1), boundary, resume);
    }

    private EpochResult run(int phase, float[] images, int[] labels, int[] indices, int epoch, int batch,
                            List<Double> baseRates, double factor, Progress progress, String task,
                            BatchBoundary boundary, org.xbarlab.core.state.StateReader resume) {
        Checks.positive("samples", indices.length);
        Checks.notNull("boundary", boundary);
        int width = config.layerSizes().get(0);
        int outputs = config.outputs();
        int[] order = indices.clone();
        EpochLoop loop = EpochLoop.begin(order, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, phase, epoch), resume,
                streams.stream(DROPOUT_STREAM, phase, epoch), streams.stream(SIGN_STREAM, phase, epoch));
        UniformRandomProvider dropoutStream = loop.stream(0);
        UniformRandomProvider signStream = loop.stream(1);
        double[] rates = LearningRates.scaled(baseRates, layers.size(), factor);
        if (target.length < batch * outputs) {
            target = new float[batch * outputs];
        }
        int batches = (order.length + batch - 1) / batch;
        progress.start(task, batches);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, order.length - start);
            float[] x = backpropagation.input(batch);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, order[start + r] * width, x, r * width, width);
            }
            if (labels != null) {
                for (int r = 0; r < rows; r++) {
                    int label = labels[order[start + r]];
                    for (int j = 0; j < outputs; j++) {
                        target[r * outputs + j] = j == label ? 1f : 0f;
                    }
                }
                smooth(target, rows);
            }
            double[] outcome;
            try {
                if (equilibrium == null) {
                    outcome = backpropagation.step(rows, target, labels == null ? this::selfDefinedTarget : null,
                            SupervisedLoss.CROSS_ENTROPY, rates, optimizers.get(phase), dropoutStream);
                } else {
                    float[] logits = equilibrium.freePhase(x, rows, config.dropout().get(0),
                            config.dropout().get(1), dropoutStream);
                    if (labels == null) {
                        selfDefinedTarget(logits, rows, target);
                    }
                    EquilibriumConfig ep = config.equilibrium();
                    double beta = (ep.randomSign() && signStream.nextBoolean() ? -1.0 : 1.0) * ep.nudging();
                    outcome = equilibrium.nudgeAndUpdate(target, rows, beta, rates, optimizers.get(phase));
                }
            } catch (org.xbarlab.core.NumericalFailureException failure) {
                throw failure.at(epoch, step);
            }
            org.xbarlab.core.NumericalFailureException.checkLoss(outcome[0], epoch, step);
            loop.batchDone(outcome[0], (long) outcome[1]);
            progress.step(step + 1, String.format(Locale.ROOT, "loss %.4g", loop.lossSum() / (step + 1)));
            loop.afterBatch(boundary, epoch, batches);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(Locale.ROOT, "loss %.4g, %.1f s", loop.lossSum() / batches, seconds));
        return new EpochResult(epoch, loop.lossSum() / batches, factor, loop.pulses(), seconds);
    }

    /** Writes the layers (biases and crossbars), the optimizers of the three phases and the homeostasis state. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("layers", layers.size());
        for (DenseLayer layer : layers) {
            out.writeState("layer", layer);
        }
        for (List<LayerOptimizer> phase : optimizers) {
            for (LayerOptimizer optimizer : phase) {
                out.writeState("optimizer", optimizer);
            }
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
        for (List<LayerOptimizer> phase : optimizers) {
            for (LayerOptimizer optimizer : phase) {
                in.readState("optimizer", optimizer);
            }
        }
        in.readState("homeostasis", homeostasis);
    }

    /**
     * k-WTA on {@code output − H} (EP: on the logits), smoothing, and the homeostasis update with the final target
     * (seed-algorithm.md §2.1–2.4, §3.3, §5).
     */
    private void selfDefinedTarget(float[] output, int batch, float[] out) {
        WinnerTakeAll.target(output, homeostasis.threshold(), batch, config.outputs(), config.winners(), out,
                winnersScratch);
        smooth(out, batch);
        homeostasis.update(out, batch);
    }

    /** Label smoothing {@code (1 − ε)·t + ε·k/N} (seed-algorithm.md §2.4). */
    private void smooth(float[] values, int batch) {
        if (config.smoothing() == 0) {
            return;
        }
        float keep = (float) (1 - config.smoothing());
        float spread = (float) (config.smoothing() * config.winners() / config.outputs());
        for (int k = 0; k < batch * config.outputs(); k++) {
            values[k] = keep * values[k] + spread;
        }
    }

    /**
     * The fraction of samples whose most active output is their label.
     *
     * @param images samples; read only
     * @param labels their classes; read only
     * @param samples number of samples
     * @param phase the phase the crossbars charge
     * @return the accuracy, in [0, 1]
     */
    public double accuracy(float[] images, int[] labels, int samples, Phase phase) {
        int width = config.layerSizes().get(0);
        int outputs = config.outputs();
        int chunk = 256;
        float[] x = new float[chunk * width];
        int correct = 0;
        for (int start = 0; start < samples; start += chunk) {
            int rows = Math.min(chunk, samples - start);
            System.arraycopy(images, start * width, x, 0, rows * width);
            float[] activation = x;
            if (equilibrium != null) {
                activation = equilibrium.freeLogits(x, rows, phase);
            } else {
                for (DenseLayer layer : layers) {
                    activation = layer.forward(activation, rows, phase);
                }
            }
            for (int r = 0; r < rows; r++) {
                correct += SupervisedNetwork.predict(activation, r * outputs, outputs, 1) == labels[start + r] ? 1
                        : 0;
            }
        }
        return (double) correct / samples;
    }
}
