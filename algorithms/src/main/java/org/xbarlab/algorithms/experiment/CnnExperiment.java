package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.xbarlab.algorithms.conv.CnnConfig;
import org.xbarlab.algorithms.conv.CnnMode;
import org.xbarlab.algorithms.conv.CnnSupervisedTrainer;
import org.xbarlab.algorithms.conv.CnnWtaTrainer;
import org.xbarlab.algorithms.conv.ConvNetConfig;
import org.xbarlab.algorithms.conv.ConvNetwork;
import org.xbarlab.algorithms.conv.FeatureShape;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.Stateful;

/**
 * A convolutional-network experiment (issue #11): load the data (grey or colour; the network's input shape is the
 * data set's), build the network of {@link CnnConfig} on the crossbars the factory gives, train it, and evaluate it
 * on the test set after the chosen epochs, of the untrained network and at chosen times after training.
 *
 * <ul>
 *   <li><b>wta</b> mode: the seed paper's unsupervised CNN (seed-algorithm.md §2.6, §6.2), trained toward the
 *       self-defined k-WTA target ({@link CnnWtaTrainer}); evaluated as {@link WtaExperiment} evaluates a dense
 *       network: direct association (average and max rules) and/or a linear classifier on the frozen outputs, both
 *       fitted on the stratified labeled fraction of the training set ({@code evaluation.labelFraction}).</li>
 *   <li><b>supervised</b> mode: cross-entropy through the whole network ({@link CnnSupervisedTrainer}); evaluated by
 *       the network's own test accuracy ({@link Evaluation#networkAccuracy()}), as {@link SupervisedExperiment}.
 *       Of the evaluation settings it uses {@code everyEpochs}, {@code untrainedBaseline} and
 *       {@code inferenceTimesSeconds}.</li>
 * </ul>
 *
 * <p>Evaluation runs the network in inference mode on the chip (every conv position and dense product charged as
 * {@link Phase#INFERENCE}); the direct association and the linear classifier are digital (not charged). Between
 * the evaluations after training, every crossbar (conv and dense) advances to the next time (drift, retention).
 * Streams: {@link WtaExperiment#LABELS_STREAM} for the labeled subset, {@link WtaExperiment#CLASSIFIER_STREAM}
 * (index = evaluation) for the classifier; the trainers' streams for the rest. A numerical failure during training
 * ends the run with what was measured so far and the failure's message; a run checkpointed between mini-batches and
 * resumed gives the same numbers, bit for bit, as a run never interrupted (wall times aside).
 */
public final class CnnExperiment implements Experiment {

    private final CnnConfig cnn;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param cnn the network and how it is trained
     * @param data the data set
     * @param evaluation how to evaluate
     */
    public CnnExperiment(CnnConfig cnn, DataConfig data, EvaluationConfig evaluation) {
        this.cnn = Checks.notNull("cnn", cnn);
        this.data = Checks.notNull("data", data);
        this.evaluation = Checks.notNull("evaluation", evaluation);
    }


    /**
     * Runs the experiment, checkpointing between mini-batches as {@code checkpointing} says and starting from its
     * checkpoint when it resumes.
     *
     * @param factory builds each weight layer's crossbar (convolutions first, then dense layers)
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are (ignored for the synthetic set)
     * @param listener receives the progress of every epoch, with the latest test accuracy in its task names
     * @param log receives one line per epoch and per evaluation
     * @param checkpointing when to checkpoint, and whether to resume
     * @return what was measured; not {@link ExperimentResult#completed() completed} when a stop was requested or
     *     training failed numerically (then with its {@link ExperimentResult#failure() failure})
     * @throws IllegalArgumentException if the network does not fit the data set's images, or (supervised) does not
     *     end with its class count
     */
    @Override
    public ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                Consumer<String> log, Checkpointing checkpointing) {
        Checks.notNull("factory", factory);
        Checks.notNull("streams", streams);
        Checks.notNull("checkpointing", checkpointing);
        AccuracyProgress progress = new AccuracyProgress(listener);
        Dataset train = data.load(Split.TRAIN, dataDirectory);
        Dataset test = data.load(Split.TEST, dataDirectory);
        FeatureShape shape = new FeatureShape(train.channels(), train.rows(), train.cols());
        Checks.isTrue(test.featureCount() == train.featureCount(), "the test images (%s) must have the training "
                + "images' shape (%s)", test, train);
        ConvNetConfig network = cnn.network(shape);
        float[] trainImages = train.copyOfImages();
        int[] trainLabels = train.copyOfLabels();
        float[] testImages = test.copyOfImages();
        int[] testLabels = test.copyOfLabels();
        ExperimentState state = ReadoutEvaluator.newState();
        Run run;
        if (cnn.mode() == CnnMode.WTA) {
            CnnWtaTrainer trainer = new CnnWtaTrainer(cnn.wtaConfig(shape), factory, streams);
            int[] labeled = evaluation.labelFraction() >= 1 ? null : LabeledSubset.stratified(trainLabels,
                    train.classCount(), evaluation.labelFraction(), streams.stream(WtaExperiment.LABELS_STREAM));
            ReadoutEvaluator readouts = new ReadoutEvaluator(evaluation,
                    (images, samples, out) -> trainer.features(images, samples, out, Phase.INFERENCE),
                    trainer.config().outputs(), train.classCount(), trainImages, trainLabels, train.sampleCount(),
                    labeled, true, testImages, testLabels, test.sampleCount(), streams, state);
            run = new WtaRun(trainer, train, trainImages, readouts);
        } else {
            CnnSupervisedTrainer trainer = new CnnSupervisedTrainer(cnn, network, train.classCount(), factory,
                    streams);
            run = new SupervisedRun(trainer, train, trainImages, trainLabels, test, testImages, testLabels, state);
        }
        return train(run, train.sampleCount(), state, progress, log, checkpointing);
    }

    /** The training loop, the evaluations during and after it; shared by both modes. */
    private ExperimentResult train(Run run, int samples, ExperimentState state, AccuracyProgress progress,
                                   Consumer<String> log, Checkpointing checkpointing) {
        List<EpochResult> epochs = state.epochs();
        List<Evaluation> evaluations = state.evaluations();
        ExperimentResult stopped = TrainingLoop.run(state, run.trainer(), checkpointing, evaluation, cnn.epochs(),
                samples, cnn.batchSize(), "loss",
                (epoch, boundary, resume) -> run.trainEpoch(epoch, progress, boundary, resume),
                epoch -> evaluations.add(ReadoutEvaluator.show(progress, run.evaluate(epoch, log))),
                () -> state.counter(0), log);
        if (stopped != null) {
            return stopped;
        }
        if (cnn.epochs() == 0) {
            evaluations.add(ReadoutEvaluator.show(progress, run.evaluate(0, log)));
        }
        evaluation.atTimesAfterTrainingOf(run.network().crossbars(),
                time -> evaluations.add(run.evaluateLater(cnn.epochs(), time, log)));
        return new ExperimentResult(epochs, evaluations, (long) cnn.epochs() * samples, state.counter(0), true);
    }

    /** One mode's trainer and evaluations. */
    private interface Run {
        Stateful trainer();

        ConvNetwork network();

        EpochResult trainEpoch(int epoch, Progress progress, BatchBoundary boundary, StateReader resume);

        /** Evaluates right after training (or of the untrained network), fitting the read-outs anew. */
        Evaluation evaluate(int epoch, Consumer<String> log);

        /** Evaluates a time after training with the read-outs fitted right after training. */
        Evaluation evaluateLater(int epoch, double seconds, Consumer<String> log);
    }

    /** wta mode: direct association and the linear classifier on the frozen outputs ({@link ReadoutEvaluator}). */
    private static final class WtaRun implements Run {
        private final CnnWtaTrainer trainer;
        private final Dataset train;
        private final float[] trainImages;
        private final ReadoutEvaluator readouts;

        WtaRun(CnnWtaTrainer trainer, Dataset train, float[] trainImages, ReadoutEvaluator readouts) {
            this.trainer = trainer;
            this.train = train;
            this.trainImages = trainImages;
            this.readouts = readouts;
        }

        @Override
        public Stateful trainer() {
            return trainer;
        }

        @Override
        public ConvNetwork network() {
            return trainer.network();
        }

        @Override
        public EpochResult trainEpoch(int epoch, Progress progress, BatchBoundary boundary, StateReader resume) {
            return trainer.trainEpoch(trainImages, train.sampleCount(), epoch, progress, boundary, resume);
        }

        @Override
        public Evaluation evaluate(int epoch, Consumer<String> log) {
            return readouts.evaluate(epoch, log);
        }

        @Override
        public Evaluation evaluateLater(int epoch, double seconds, Consumer<String> log) {
            return readouts.evaluateLater(epoch, seconds, log);
        }
    }

    /** supervised mode: the network's own test accuracy. */
    private static final class SupervisedRun implements Run {
        private final CnnSupervisedTrainer trainer;
        private final Dataset train;
        private final float[] trainImages;
        private final int[] trainLabels;
        private final Dataset test;
        private final float[] testImages;
        private final int[] testLabels;
        private final ExperimentState state;

        SupervisedRun(CnnSupervisedTrainer trainer, Dataset train, float[] trainImages, int[] trainLabels,
                      Dataset test, float[] testImages, int[] testLabels, ExperimentState state) {
            this.trainer = trainer;
            this.train = train;
            this.trainImages = trainImages;
            this.trainLabels = trainLabels;
            this.test = test;
            this.testImages = testImages;
            this.testLabels = testLabels;
            this.state = state;
        }

        @Override
        public Stateful trainer() {
            return trainer;
        }

        @Override
        public ConvNetwork network() {
            return trainer.network();
        }

        @Override
        public EpochResult trainEpoch(int epoch, Progress progress, BatchBoundary boundary, StateReader resume) {
            return trainer.trainEpoch(trainImages, trainLabels, train.sampleCount(), epoch, progress, boundary,
                    resume);
        }

        @Override
        public Evaluation evaluate(int epoch, Consumer<String> log) {
            return evaluateLater(epoch, 0, log);
        }

        @Override
        public Evaluation evaluateLater(int epoch, double seconds, Consumer<String> log) {
            double accuracy = trainer.accuracy(testImages, testLabels, test.sampleCount(), Phase.INFERENCE);
            state.add(0, test.sampleCount());
            state.add(1, 1);
            Evaluation evaluated = new Evaluation(epoch, seconds, null, null, null, null, accuracy);
            log.accept(ReadoutEvaluator.describe(evaluated));
            return evaluated;
        }
    }
}
