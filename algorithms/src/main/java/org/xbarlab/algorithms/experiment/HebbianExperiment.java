package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.hebbian.HebbianNetwork;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * An unsupervised Hebbian experiment (FastHebb soft-WTA or HPCA, Krotov–Hopfield): load the data, build the
 * {@link HebbianNetwork} on the crossbars the factory gives, train without labels, and evaluate the features on the
 * test set like {@link WtaExperiment} (direct association and/or a linear classifier) using only the labels of a
 * stratified subset: {@code hebbian.labeledSamples} samples (100, 600, 3000 in the issue-#6 comparison) or, when that
 * is 0, the evaluation's {@code labelFraction}. Evaluates after the chosen epochs, after the last, and at the chosen
 * times after training. Streams: as {@link WtaExperiment} ({@value WtaExperiment#LABELS_STREAM},
 * {@value WtaExperiment#CLASSIFIER_STREAM}) plus the network's.
 */
public final class HebbianExperiment implements Experiment {

    private final HebbianConfig training;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param training the network and its rule
     * @param data the data set
     * @param evaluation how to evaluate
     */
    public HebbianExperiment(HebbianConfig training, DataConfig data, EvaluationConfig evaluation) {
        this.training = Checks.notNull("hebbian", training);
        this.data = Checks.notNull("data", data);
        this.evaluation = Checks.notNull("evaluation", evaluation);
    }


    /**
     * Runs the experiment, checkpointing between mini-batches as {@code checkpointing} says and starting from its
     * checkpoint when it resumes. A resumed run gives the same results, bit for bit, as a run never interrupted
     * (wall times aside).
     *
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are (ignored for the synthetic set)
     * @param listener receives the progress of every epoch, with the latest test accuracy in its task names
     * @param log receives one line per epoch and per evaluation
     * @param checkpointing when to checkpoint, and whether to resume
     * @return what was measured; a numerical failure or a requested stop ends the run early with
     *     {@code completed = false}
     */
    @Override
    public ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                Consumer<String> log, Checkpointing checkpointing) {
        Checks.notNull("checkpointing", checkpointing);
        AccuracyProgress progress = new AccuracyProgress(listener);
        Dataset train = data.load(Split.TRAIN, dataDirectory, training.layerSizes().get(0),
                "hebbian.layerSizes[0]");
        Dataset test = data.load(Split.TEST, dataDirectory);
        float[] trainImages = train.copyOfImages();
        int[] trainLabels = train.copyOfLabels();
        int[] labeled = labeledSubset(train, trainLabels, streams);
        if (labeled != null) {
            log.accept(String.format(Locale.ROOT, "  evaluation uses the labels of %d training samples",
                    labeled.length));
        }
        HebbianNetwork network = new HebbianNetwork(training, factory, streams, trainImages, train.sampleCount());
        ReadoutEvaluator evaluator = new ReadoutEvaluator(evaluation,
                (images, samples, out) -> network.features(images, samples, out, Phase.INFERENCE), network.outputs(),
                train.classCount(), trainImages, trainLabels, train.sampleCount(), labeled, false,
                test.copyOfImages(), test.copyOfLabels(), test.sampleCount(), streams,
                ReadoutEvaluator.newState());
        return evaluator.train(network, network.layers(), checkpointing, training.epochs(), train.sampleCount(),
                training.batchSize(), "mean squared step",
                (epoch, boundary, resume) -> network.trainEpoch(trainImages, train.sampleCount(), epoch, progress,
                        boundary, resume),
                progress, log);
    }

    private int[] labeledSubset(Dataset train, int[] labels, RngStreams streams) {
        if (training.labeledSamples() > 0) {
            Checks.isTrue(training.labeledSamples() <= train.sampleCount(),
                    "hebbian.labeledSamples must be at most the %d training samples, got %d", train.sampleCount(),
                    training.labeledSamples());
            return LabeledSubset.stratified(labels, train.classCount(), training.labeledSamples(),
                    streams.stream(WtaExperiment.LABELS_STREAM));
        }
        return evaluation.labelFraction() >= 1 ? null : LabeledSubset.stratified(labels, train.classCount(),
                evaluation.labelFraction(), streams.stream(WtaExperiment.LABELS_STREAM));
    }
}
