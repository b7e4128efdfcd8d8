package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.evaluation.LinearClassifier;
import org.xbarlab.algorithms.evaluation.LinearClassifierResult;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.WtaConfig;
import org.xbarlab.algorithms.wta.WtaNetwork;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * An unsupervised experiment with the self-defined target: load the data, build the network on the crossbars the
 * factory gives, train the configured epochs, and evaluate on the test set (direct association and/or a linear
 * classifier, with a fraction of the labels) after the chosen epochs and at chosen times after training.
 *
 * <p>Evaluation runs the network in inference mode on the chip (charged as {@link Phase#INFERENCE}); the linear
 * classifier itself is digital (its cost is not charged to the chip). Streams: {@code algorithms/labels} for the
 * labeled subset, {@code algorithms/classifier} (index = evaluation) for the classifier's shuffle and dropout.
 */
public final class WtaExperiment {

    /** Stream of the labeled subset. */
    public static final String LABELS_STREAM = "algorithms/labels";
    /** Stream of the linear classifier. */
    public static final String CLASSIFIER_STREAM = "algorithms/classifier";

    private final WtaConfig training;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param training the network and its learning rule
     * @param data the data set
     * @param evaluation how to evaluate
     */
    public WtaExperiment(WtaConfig training, DataConfig data, EvaluationConfig evaluation) {
        this.training = Checks.notNull("training", training);
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
     * @return what was measured
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
     * @return what was measured; not {@link ExperimentResult#completed() completed} when a stop was requested
     */
    public ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                Consumer<String> log, Checkpointing checkpointing) {
        Checks.notNull("checkpointing", checkpointing);
        AccuracyProgress progress = new AccuracyProgress(listener);
        Dataset train = data.load(Split.TRAIN, dataDirectory, training.layerSizes().get(0),
                "training.layerSizes[0]");
        Dataset test = data.load(Split.TEST, dataDirectory);
        WtaNetwork network = new WtaNetwork(training, factory, streams);
        float[] trainImages = train.copyOfImages();
        int[] trainLabels = train.copyOfLabels();
        float[] testImages = test.copyOfImages();
        int[] testLabels = test.copyOfLabels();
        int[] labeled = evaluation.labelFraction() >= 1 ? null : LabeledSubset.stratified(trainLabels,
                train.classCount(), evaluation.labelFraction(), streams.stream(LABELS_STREAM));
        Evaluator evaluator = new Evaluator(network, train, trainImages, trainLabels, labeled, test, testImages,
                testLabels, streams);

        ExperimentState state = evaluator.state;
        List<EpochResult> epochs = state.epochs();
        List<Evaluation> evaluations = state.evaluations();
        org.xbarlab.core.state.CheckpointFile.Reading reading = checkpointing.resume(state, network, log);
        int firstEpoch = state.epoch();
        if (reading == null && evaluation.untrainedBaseline() && training.epochs() > 0) {
            evaluations.add(showAccuracy(progress, evaluator.evaluate(0, log)));
        }
        BatchBoundary boundary = checkpointing.boundary(state, network);
        try {
            for (int epoch = firstEpoch; epoch < training.epochs(); epoch++) {
                state.epoch(epoch);
                EpochResult result;
                try {
                    result = network.trainEpoch(trainImages, train.sampleCount(), epoch, progress, boundary,
                            reading != null && epoch == firstEpoch ? reading.reader() : null);
                } catch (org.xbarlab.core.NumericalFailureException failure) {
                    // Keep what was measured; the caller writes it as a failed result.
                    return new ExperimentResult(epochs, evaluations, (long) epoch * train.sampleCount(),
                            evaluator.inferenceSamples(), false, failure.getMessage());
                } catch (TrainingStopped stopped) {
                    long done = (long) epoch * train.sampleCount()
                            + Math.min((long) stopped.batchesDone() * training.batchSize(), train.sampleCount());
                    return new ExperimentResult(epochs, evaluations, done, evaluator.inferenceSamples(), false);
                }
                epochs.add(result);
                log.accept(String.format(java.util.Locale.ROOT, "epoch %d/%d: loss %.5g, %.1f s, %d pulses",
                        epoch + 1, training.epochs(), result.meanLoss(), result.wallSeconds(),
                        result.pulsesFired()));
                boolean last = epoch + 1 == training.epochs();
                boolean due = evaluation.everyEpochs() > 0 && (epoch + 1) % evaluation.everyEpochs() == 0;
                if (last || due) {
                    evaluations.add(showAccuracy(progress, evaluator.evaluate(epoch + 1, log)));
                }
            }
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        if (training.epochs() == 0) {
            evaluations.add(evaluator.evaluate(0, log));
        }
        evaluation.atTimesAfterTraining(network.layers(),
                time -> evaluations.add(evaluator.evaluateLater(training.epochs(), time, log)));
        return new ExperimentResult(epochs, evaluations, (long) training.epochs() * train.sampleCount(),
                evaluator.inferenceSamples(), true);
    }

    private static Evaluation showAccuracy(AccuracyProgress progress, Evaluation evaluation) {
        if (evaluation.directAssociationAccuracy() != null) {
            progress.accuracy("test DA", evaluation.directAssociationAccuracy());
        } else {
            progress.accuracy("test LC", evaluation.linearClassifierAccuracy());
        }
        return evaluation;
    }

    /** Fits and applies the read-outs; keeps the last fitted ones for the drift evaluations. */
    private final class Evaluator {
        private final WtaNetwork network;
        private final Dataset train;
        private final float[] trainImages;
        private final int[] trainLabels;
        private final int[] labeled;
        private final Dataset test;
        private final float[] testImages;
        private final int[] testLabels;
        private final RngStreams streams;
        private final int neurons;
        private DirectAssociation association;
        private LinearClassifier classifier;
        /** Counters: inference samples, evaluations fitted (the classifier stream's index). */
        private final ExperimentState state = new ExperimentState("inferenceSamples", "evaluationIndex");

        Evaluator(WtaNetwork network, Dataset train, float[] trainImages, int[] trainLabels, int[] labeled,
                  Dataset test, float[] testImages, int[] testLabels, RngStreams streams) {
            this.network = network;
            this.train = train;
            this.trainImages = trainImages;
            this.trainLabels = trainLabels;
            this.labeled = labeled;
            this.test = test;
            this.testImages = testImages;
            this.testLabels = testLabels;
            this.streams = streams;
            this.neurons = network.config().outputs();
        }

        long inferenceSamples() {
            return state.counter(0);
        }

        private float[] features(float[] images, int samples) {
            float[] out = new float[samples * neurons];
            network.features(images, samples, out, Phase.INFERENCE);
            state.add(0, samples);
            return out;
        }

        Evaluation evaluate(int epoch, Consumer<String> log) {
            LabeledFeatures trainFeatures = LabeledFeatures.of(features(trainImages, train.sampleCount()),
                    trainLabels, train.sampleCount(), neurons);
            if (labeled != null) {
                trainFeatures = trainFeatures.select(labeled);
            }
            LabeledFeatures testFeatures = LabeledFeatures.of(features(testImages, test.sampleCount()),
                    testLabels, test.sampleCount(), neurons);
            Double average = null;
            Double max = null;
            Integer unassigned = null;
            if (evaluation.directAssociation()) {
                association = DirectAssociation.fit(trainFeatures, train.classCount());
                var result = association.evaluate(testFeatures);
                average = result.averageRuleAccuracy();
                max = result.maxRuleAccuracy();
                unassigned = result.unassignedNeuronCount();
            }
            Double linear = null;
            if (evaluation.linearClassifier() != null) {
                long index = state.counter(1);
                LinearClassifierResult result = LinearClassifier.train(trainFeatures, testFeatures,
                        train.classCount(), evaluation.linearClassifier(),
                        streams.stream(CLASSIFIER_STREAM, index, 0), streams.stream(CLASSIFIER_STREAM, index, 1),
                        Progress.NONE);
                classifier = result.classifier();
                linear = result.finalTestAccuracy();
            }
            state.add(1, 1);
            Evaluation evaluated = new Evaluation(epoch, 0, average, max, unassigned, linear, null);
            log.accept(describe(evaluated));
            return evaluated;
        }

        Evaluation evaluateLater(int epoch, double seconds, Consumer<String> log) {
            LabeledFeatures testFeatures = LabeledFeatures.of(features(testImages, test.sampleCount()),
                    testLabels, test.sampleCount(), neurons);
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
                    ? String.format(java.util.Locale.ROOT, "  %.3g s after training:", e.secondsAfterTraining())
                    : "  after " + e.epoch() + " epoch(s):");
            if (e.directAssociationAccuracy() != null) {
                text.append(String.format(java.util.Locale.ROOT,
                        " direct association %.2f %% (max rule %.2f %%)", 100 * e.directAssociationAccuracy(),
                        100 * e.directAssociationMaxRuleAccuracy()));
            }
            if (e.linearClassifierAccuracy() != null) {
                text.append(String.format(java.util.Locale.ROOT, ", linear classifier %.2f %%",
                        100 * e.linearClassifierAccuracy()));
            }
            return text.toString();
        }
    }
}
