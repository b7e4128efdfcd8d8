package org.xbarlab.algorithms.experiment;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LinearClassifier;
import org.xbarlab.algorithms.evaluation.LinearClassifierResult;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.state.Stateful;

/**
 * The read-outs of a network trained without labels (the self-defined target, Hebbian rules, a CNN): the frozen
 * outputs of the labeled training samples fit direct association and/or the linear classifier, which are then
 * applied to the test set's outputs. Running the network is charged to the chip as inference; the read-outs are
 * digital and not charged. The read-outs fitted right after training are kept for the evaluations at times after
 * training (drift).
 *
 * <p>Counters kept in {@link #state()} (so a checkpoint holds them): 0 the inference samples run, 1 the evaluations
 * fitted, which is the index of the linear classifier's streams ({@code algorithms/classifier}, index, 0 for the
 * shuffle and 1 for dropout).
 */
final class ReadoutEvaluator {

    /** The network's outputs for a batch of images, run in inference mode. */
    @FunctionalInterface
    interface Features {
        /**
         * @param images row-major {@code samples × inputs}
         * @param samples number of samples
         * @param out row-major {@code samples × featureCount}, overwritten
         */
        void compute(float[] images, int samples, float[] out);
    }

    private final EvaluationConfig evaluation;
    private final Features network;
    private final int featureCount;
    private final int classes;
    private final float[] trainImages;
    private final int[] trainLabels;
    private final int trainSamples;
    private final int inputs;
    private final int[] labeled;
    private final boolean labeledOnly;
    private final float[] testImages;
    private final int[] testLabels;
    private final int testSamples;
    private final RngStreams streams;
    private final ExperimentState state;
    private DirectAssociation association;
    private LinearClassifier classifier;

    /**
     * @param evaluation which read-outs
     * @param network computes the outputs
     * @param featureCount outputs per sample
     * @param classes classes of the data set
     * @param trainImages the training images, row-major; read only
     * @param trainLabels their labels
     * @param trainSamples number of training samples
     * @param labeled indices of the labeled training samples, or null for all
     * @param labeledOnly whether only the labeled samples are run through the network (else all are, and the
     *     labeled ones are selected afterwards: the same features, more inference charged)
     * @param testImages the test images, row-major; read only
     * @param testLabels their labels
     * @param testSamples number of test samples
     * @param streams the run's streams
     * @param state the experiment's measurements with the two counters ({@link #newState()})
     */
    ReadoutEvaluator(EvaluationConfig evaluation, Features network, int featureCount, int classes,
                     float[] trainImages, int[] trainLabels, int trainSamples, int[] labeled, boolean labeledOnly,
                     float[] testImages, int[] testLabels, int testSamples, RngStreams streams,
                     ExperimentState state) {
        this.evaluation = evaluation;
        this.network = network;
        this.featureCount = featureCount;
        this.classes = classes;
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.trainSamples = trainSamples;
        this.inputs = trainImages.length / trainSamples;
        this.labeled = labeled;
        this.labeledOnly = labeledOnly;
        this.testImages = testImages;
        this.testLabels = testLabels;
        this.testSamples = testSamples;
        this.streams = streams;
        this.state = state;
    }

    /** An experiment's state with the counters of a read-out evaluation: inference samples, evaluations fitted. */
    static ExperimentState newState() {
        return new ExperimentState("inferenceSamples", "evaluationIndex");
    }

    /** The experiment's measurements and these counters, as a checkpoint holds them. */
    ExperimentState state() {
        return state;
    }

    /** Inference samples run so far. */
    long inferenceSamples() {
        return state.counter(0);
    }

    /**
     * Trains a fully connected network read out by this evaluator ({@link TrainingLoop#run}, with an evaluation
     * after the configured epochs), evaluates the untrained network when there are no epochs, and evaluates again at
     * the configured times after training.
     *
     * @param trained what the checkpoints hold besides the state
     * @param layers the network's layers, whose crossbars the times after training pass on
     * @param checkpointing when to checkpoint, and whether to resume
     * @param epochs epochs to train in all
     * @param samples training samples per epoch
     * @param batchSize samples per mini-batch
     * @param lossName what the epoch's mean loss is called in the log
     * @param epoch trains one epoch
     * @param progress shows the latest test accuracy
     * @param log receives one line per epoch and per evaluation
     * @return the result: completed, or up to a failure or a stop
     */
    ExperimentResult train(Stateful trained, List<DenseLayer> layers, Checkpointing checkpointing, int epochs,
                           int samples, int batchSize, String lossName, TrainingLoop.Epoch epoch,
                           AccuracyProgress progress, Consumer<String> log) {
        List<Evaluation> evaluations = state.evaluations();
        ExperimentResult stopped = TrainingLoop.run(state, trained, checkpointing, evaluation, epochs, samples,
                batchSize, lossName, epoch, e -> evaluations.add(show(progress, evaluate(e, log))),
                this::inferenceSamples, log);
        if (stopped != null) {
            return stopped;
        }
        if (epochs == 0) {
            evaluations.add(evaluate(0, log));
        }
        evaluation.atTimesAfterTraining(layers, time -> evaluations.add(evaluateLater(epochs, time, log)));
        return new ExperimentResult(state.epochs(), evaluations, (long) epochs * samples, inferenceSamples(), true);
    }

    private LabeledFeatures features(float[] images, int[] labels, int samples) {
        float[] out = new float[Math.multiplyExact(samples, featureCount)];
        network.compute(images, samples, out);
        state.add(0, samples);
        return LabeledFeatures.of(out, labels, samples, featureCount);
    }

    private LabeledFeatures labeledTrainFeatures() {
        if (labeled == null) {
            return features(trainImages, trainLabels, trainSamples);
        }
        if (!labeledOnly) {
            return features(trainImages, trainLabels, trainSamples).select(labeled);
        }
        float[] images = new float[Math.multiplyExact(labeled.length, inputs)];
        int[] labels = new int[labeled.length];
        for (int i = 0; i < labeled.length; i++) {
            System.arraycopy(trainImages, labeled[i] * inputs, images, i * inputs, inputs);
            labels[i] = trainLabels[labeled[i]];
        }
        return features(images, labels, labeled.length);
    }

    /**
     * Fits the read-outs anew on the network as it is (after an epoch, or untrained) and applies them to the test
     * set.
     *
     * @param epoch epochs trained so far
     * @param log receives one line
     * @return the evaluation
     */
    Evaluation evaluate(int epoch, Consumer<String> log) {
        LabeledFeatures trainFeatures = labeledTrainFeatures();
        LabeledFeatures testFeatures = features(testImages, testLabels, testSamples);
        Double average = null;
        Double max = null;
        Integer unassigned = null;
        if (evaluation.directAssociation()) {
            association = DirectAssociation.fit(trainFeatures, classes);
            var result = association.evaluate(testFeatures);
            average = result.averageRuleAccuracy();
            max = result.maxRuleAccuracy();
            unassigned = result.unassignedNeuronCount();
        }
        Double linear = null;
        if (evaluation.linearClassifier() != null) {
            long index = state.counter(1);
            LinearClassifierResult result = LinearClassifier.train(trainFeatures, testFeatures, classes,
                    evaluation.linearClassifier(), streams.stream(WtaExperiment.CLASSIFIER_STREAM, index, 0),
                    streams.stream(WtaExperiment.CLASSIFIER_STREAM, index, 1), Progress.NONE);
            classifier = result.classifier();
            linear = result.finalTestAccuracy();
        }
        state.add(1, 1);
        Evaluation evaluated = new Evaluation(epoch, 0, average, max, unassigned, linear, null);
        log.accept(describe(evaluated));
        return evaluated;
    }

    /**
     * Applies the read-outs fitted last to the test set's outputs now (after the chip has drifted).
     *
     * @param epoch epochs trained
     * @param seconds time after training
     * @param log receives one line
     * @return the evaluation
     */
    Evaluation evaluateLater(int epoch, double seconds, Consumer<String> log) {
        LabeledFeatures testFeatures = features(testImages, testLabels, testSamples);
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

    /**
     * Shows an evaluation's headline accuracy in the progress display: the network's own, else direct association,
     * else the linear classifier.
     *
     * @param progress the display
     * @param e the evaluation
     * @return {@code e}
     */
    static Evaluation show(AccuracyProgress progress, Evaluation e) {
        if (e.networkAccuracy() != null) {
            progress.accuracy("test", e.networkAccuracy());
        } else if (e.directAssociationAccuracy() != null) {
            progress.accuracy("test DA", e.directAssociationAccuracy());
        } else if (e.linearClassifierAccuracy() != null) {
            progress.accuracy("test LC", e.linearClassifierAccuracy());
        }
        return e;
    }

    /**
     * One line for the log: {@code after N epoch(s): test accuracy …, direct association … (max rule …), linear
     * classifier …}, or {@code T s after training: …}.
     *
     * @param e the evaluation
     * @return the line
     */
    static String describe(Evaluation e) {
        StringBuilder text = new StringBuilder(e.secondsAfterTraining() > 0
                ? String.format(Locale.ROOT, "  %.3g s after training:", e.secondsAfterTraining())
                : "  after " + e.epoch() + " epoch(s):");
        String separator = " ";
        if (e.networkAccuracy() != null) {
            text.append(String.format(Locale.ROOT, " test accuracy %.2f %%", 100 * e.networkAccuracy()));
            separator = ", ";
        }
        if (e.directAssociationAccuracy() != null) {
            text.append(String.format(Locale.ROOT, "%sdirect association %.2f %% (max rule %.2f %%)", separator,
                    100 * e.directAssociationAccuracy(), 100 * e.directAssociationMaxRuleAccuracy()));
            separator = ", ";
        }
        if (e.linearClassifierAccuracy() != null) {
            text.append(String.format(Locale.ROOT, "%slinear classifier %.2f %%", separator,
                    100 * e.linearClassifierAccuracy()));
        }
        return text.toString();
    }
}
