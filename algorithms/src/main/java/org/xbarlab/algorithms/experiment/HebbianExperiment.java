package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.evaluation.LinearClassifier;
import org.xbarlab.algorithms.evaluation.LinearClassifierResult;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.hebbian.HebbianNetwork;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.NumericalFailureException;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.state.CheckpointFile;

/**
 * An unsupervised Hebbian experiment (FastHebb soft-WTA or HPCA, Krotov–Hopfield): load the data, build the
 * {@link HebbianNetwork} on the crossbars the factory gives, train without labels, and evaluate the features on the
 * test set like {@link WtaExperiment} (direct association and/or a linear classifier) using only the labels of a
 * stratified subset: {@code hebbian.labeledSamples} samples (100, 600, 3000 in the issue-#6 comparison) or, when that
 * is 0, the evaluation's {@code labelFraction}. Evaluates after the chosen epochs, after the last, and at the chosen
 * times after training. Streams: as {@link WtaExperiment} ({@value WtaExperiment#LABELS_STREAM},
 * {@value WtaExperiment#CLASSIFIER_STREAM}) plus the network's.
 */
public final class HebbianExperiment {

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
     * Runs the experiment.
     *
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are (ignored for the synthetic set)
     * @param listener receives the progress of every epoch, with the latest test accuracy in its task names
     * @param log receives one line per epoch and per evaluation
     * @return what was measured; a numerical failure ends the run early with {@code completed = false}
     */
    public ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                Consumer<String> log) {
        return run(factory, streams, dataDirectory, listener, log, Checkpointing.none());
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
        Evaluator evaluator = new Evaluator(network, train, trainImages, trainLabels, labeled, test, streams);
        ExperimentState state = evaluator.state;
        List<EpochResult> epochs = state.epochs();
        List<Evaluation> evaluations = state.evaluations();
        CheckpointFile.Reading reading = checkpointing.resume(state, network, log);
        int firstEpoch = state.epoch();
        if (reading == null && evaluation.untrainedBaseline() && training.epochs() > 0) {
            evaluations.add(show(progress, evaluator.evaluate(0, 0, log)));
        }
        BatchBoundary boundary = checkpointing.boundary(state, network);
        try {
            for (int epoch = firstEpoch; epoch < training.epochs(); epoch++) {
                state.epoch(epoch);
                EpochResult result;
                try {
                    result = network.trainEpoch(trainImages, train.sampleCount(), epoch, progress, boundary,
                            reading != null && epoch == firstEpoch ? reading.reader() : null);
                } catch (NumericalFailureException failure) {
                    return new ExperimentResult(epochs, evaluations, (long) epoch * train.sampleCount(),
                            evaluator.inferenceSamples(), false, failure.getMessage());
                } catch (TrainingStopped stopped) {
                    long done = (long) epoch * train.sampleCount()
                            + Math.min((long) stopped.batchesDone() * training.batchSize(), train.sampleCount());
                    return new ExperimentResult(epochs, evaluations, done, evaluator.inferenceSamples(), false);
                }
                epochs.add(result);
                log.accept(String.format(Locale.ROOT, "epoch %d/%d: mean squared step %.5g, %.1f s, %d pulses",
                        epoch + 1, training.epochs(), result.meanLoss(), result.wallSeconds(),
                        result.pulsesFired()));
                boolean last = epoch + 1 == training.epochs();
                boolean due = evaluation.everyEpochs() > 0 && (epoch + 1) % evaluation.everyEpochs() == 0;
                if (last || due) {
                    evaluations.add(show(progress, evaluator.evaluate(epoch + 1, 0, log)));
                }
            }
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        if (training.epochs() == 0) {
            evaluations.add(evaluator.evaluate(0, 0, log));
        }
        evaluation.atTimesAfterTraining(network.layers(),
                time -> evaluations.add(evaluator.evaluate(training.epochs(), time, log)));
        return new ExperimentResult(epochs, evaluations, (long) training.epochs() * train.sampleCount(),
                evaluator.inferenceSamples(), true);
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

    private static Evaluation show(AccuracyProgress progress, Evaluation evaluation) {
        progress.accuracy(evaluation.directAssociationAccuracy() != null ? "test DA" : "test LC",
                evaluation.directAssociationAccuracy() != null ? evaluation.directAssociationAccuracy()
                        : evaluation.linearClassifierAccuracy());
        return evaluation;
    }

    /** Fits the read-outs on the labeled subset's features and applies them to the test set. */
    private final class Evaluator {
        private final HebbianNetwork network;
        private final Dataset train;
        private final float[] trainImages;
        private final int[] trainLabels;
        private final int[] labeled;
        private final Dataset test;
        private final float[] testImages;
        private final int[] testLabels;
        private final RngStreams streams;
        private DirectAssociation association;
        private LinearClassifier classifier;
        /** Counters: inference samples, evaluations fitted (the classifier stream's index). */
        private final ExperimentState state = new ExperimentState("inferenceSamples", "evaluationIndex");

        Evaluator(HebbianNetwork network, Dataset train, float[] trainImages, int[] trainLabels, int[] labeled,
                  Dataset test, RngStreams streams) {
            this.network = network;
            this.train = train;
            this.trainImages = trainImages;
            this.trainLabels = trainLabels;
            this.labeled = labeled;
            this.test = test;
            this.testImages = test.copyOfImages();
            this.testLabels = test.copyOfLabels();
            this.streams = streams;
        }

        long inferenceSamples() {
            return state.counter(0);
        }

        private LabeledFeatures features(float[] images, int[] labels, int samples) {
            int n = network.outputs();
            float[] out = new float[samples * n];
            network.features(images, samples, out, Phase.INFERENCE);
            state.add(0, samples);
            return LabeledFeatures.of(out, labels, samples, n);
        }

        /** Fits (right after training) or reuses (at times after training) the read-outs. */
        Evaluation evaluate(int epoch, double seconds, Consumer<String> log) {
            LabeledFeatures testFeatures = features(testImages, testLabels, test.sampleCount());
            if (seconds == 0) {
                LabeledFeatures trainFeatures = features(trainImages, trainLabels, train.sampleCount());
                if (labeled != null) {
                    trainFeatures = trainFeatures.select(labeled);
                }
                association = evaluation.directAssociation()
                        ? DirectAssociation.fit(trainFeatures, train.classCount()) : null;
                if (evaluation.linearClassifier() != null) {
                    long evaluationIndex = state.counter(1);
                    LinearClassifierResult result = LinearClassifier.train(trainFeatures, testFeatures,
                            train.classCount(), evaluation.linearClassifier(),
                            streams.stream(WtaExperiment.CLASSIFIER_STREAM, evaluationIndex, 0),
                            streams.stream(WtaExperiment.CLASSIFIER_STREAM, evaluationIndex, 1), Progress.NONE);
                    classifier = result.classifier();
                }
                state.add(1, 1);
            }
            Double average = null;
            Double max = null;
            Integer unassigned = null;
            if (association != null) {
                var result = association.evaluate(testFeatures);
                average = result.averageRuleAccuracy();
                max = result.maxRuleAccuracy();
                unassigned = result.unassignedNeuronCount();
            }
            Double linear = classifier == null ? null : classifier.accuracy(testFeatures);
            Evaluation evaluated = new Evaluation(epoch, seconds, average, max, unassigned, linear, null);
            log.accept(describe(evaluated));
            return evaluated;
        }

        private String describe(Evaluation e) {
            StringBuilder text = new StringBuilder(e.secondsAfterTraining() > 0
                    ? String.format(Locale.ROOT, "  %.3g s after training:", e.secondsAfterTraining())
                    : "  after " + e.epoch() + " epoch(s):");
            if (e.directAssociationAccuracy() != null) {
                text.append(String.format(Locale.ROOT, " direct association %.2f %% (max rule %.2f %%)",
                        100 * e.directAssociationAccuracy(), 100 * e.directAssociationMaxRuleAccuracy()));
            }
            if (e.linearClassifierAccuracy() != null) {
                text.append(String.format(Locale.ROOT, " linear classifier %.2f %%",
                        100 * e.linearClassifierAccuracy()));
            }
            return text.toString();
        }
    }
}
