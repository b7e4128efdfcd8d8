package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.evaluation.LinearClassifier;
import org.xbarlab.algorithms.muscle.MuscleConfig;
import org.xbarlab.algorithms.muscle.MuscleNetwork;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * The MUSCLE-style semi-supervised experiment: a stratified subset of {@code muscle.labeledSamples} labeled training
 * samples (stream {@value WtaExperiment#LABELS_STREAM}), all training samples for the mutual-information views,
 * training on the crossbars, and after the chosen epochs (and the last, and at the chosen times after training) the
 * network's own test accuracy plus, when the evaluation has a linear classifier, a linear classifier on the last
 * hidden layer's features fitted to the labeled subset. Of the evaluation settings it uses {@code everyEpochs},
 * {@code untrainedBaseline}, {@code linearClassifier} and {@code inferenceTimesSeconds}.
 */
public final class MuscleExperiment implements Experiment {

    private final MuscleConfig training;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param training the network and its losses
     * @param data the data set
     * @param evaluation when and how to evaluate
     */
    public MuscleExperiment(MuscleConfig training, DataConfig data, EvaluationConfig evaluation) {
        this.training = Checks.notNull("muscle", training);
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
     * @param dataDirectory where the data sets are
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
                "muscle.layerSizes[0]");
        Dataset test = data.load(Split.TEST, dataDirectory);
        Checks.isTrue(training.classes() == train.classCount(),
                "muscle.layerSizes' last entry must be the %d classes, got %d", train.classCount(),
                training.classes());
        Checks.isTrue(training.labeledSamples() <= train.sampleCount(),
                "muscle.labeledSamples must be at most the %d training samples, got %d", train.sampleCount(),
                training.labeledSamples());
        float[] images = train.copyOfImages();
        int[] labels = train.copyOfLabels();
        int[] labeled = LabeledSubset.stratified(labels, train.classCount(), training.labeledSamples(),
                streams.stream(WtaExperiment.LABELS_STREAM));
        log.accept(String.format(Locale.ROOT, "  %d labeled of %d training samples", labeled.length,
                train.sampleCount()));
        MuscleNetwork network = new MuscleNetwork(training, train.rows(), train.cols(), factory, streams);
        float[] testImages = test.copyOfImages();
        int[] testLabels = test.copyOfLabels();
        // Counters: inference samples, classifiers fitted (the classifier stream's index).
        ExperimentState state = new ExperimentState("inferenceSamples", "classifierIndex");
        LinearClassifier[] classifier = {null};
        List<Evaluation> evaluations = state.evaluations();
        Consumer<double[]> evaluate = point -> {
            double accuracy = network.accuracy(testImages, testLabels, test.sampleCount(), Phase.INFERENCE);
            state.add(0, test.sampleCount());
            Double linear = null;
            if (evaluation.linearClassifier() != null) {
                int n = network.featureCount();
                float[] testFeatures = new float[test.sampleCount() * n];
                network.features(testImages, test.sampleCount(), testFeatures, Phase.INFERENCE);
                state.add(0, test.sampleCount());
                LabeledFeatures testSet = LabeledFeatures.of(testFeatures, testLabels, test.sampleCount(), n);
                if (point[1] == 0) {
                    float[] trainFeatures = new float[train.sampleCount() * n];
                    network.features(images, train.sampleCount(), trainFeatures, Phase.INFERENCE);
                    state.add(0, train.sampleCount());
                    LabeledFeatures labeledSet = LabeledFeatures.of(trainFeatures, labels, train.sampleCount(), n)
                            .select(labeled);
                    classifier[0] = LinearClassifier.train(labeledSet, testSet, train.classCount(),
                            evaluation.linearClassifier(),
                            streams.stream(WtaExperiment.CLASSIFIER_STREAM, state.counter(1), 0),
                            streams.stream(WtaExperiment.CLASSIFIER_STREAM, state.counter(1), 1), Progress.NONE)
                            .classifier();
                    state.add(1, 1);
                }
                linear = classifier[0].accuracy(testSet);
            }
            evaluations.add(new Evaluation((int) point[0], point[1], null, null, null, linear, accuracy));
            progress.accuracy("test", accuracy);
            String where = point[1] > 0 ? String.format(Locale.ROOT, "  %.3g s after training:", point[1])
                    : "  after " + (int) point[0] + " epoch(s):";
            log.accept(where + String.format(Locale.ROOT, " test accuracy %.2f %%", 100 * accuracy)
                    + (linear == null ? "" : String.format(Locale.ROOT, ", linear classifier %.2f %%",
                    100 * linear)));
        };
        List<EpochResult> epochs = state.epochs();
        ExperimentResult stopped = TrainingLoop.run(state, network, checkpointing, evaluation, training.epochs(),
                train.sampleCount(), training.batchSize(), "loss",
                (epoch, boundary, resume) -> network.trainEpoch(images, labels, train.sampleCount(), labeled, epoch,
                        progress, boundary, resume),
                epoch -> evaluate.accept(new double[] {epoch, 0}), () -> state.counter(0), log);
        if (stopped != null) {
            return stopped;
        }
        if (training.epochs() == 0) {
            evaluate.accept(new double[] {0, 0});
        }
        evaluation.atTimesAfterTraining(network.layers(),
                time -> evaluate.accept(new double[] {training.epochs(), time}));
        return new ExperimentResult(epochs, evaluations, (long) training.epochs() * train.sampleCount(),
                state.counter(0), true);
    }
}
