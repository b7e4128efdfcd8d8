package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.supervised.SemiSupervisedConfig;
import org.xbarlab.algorithms.supervised.SemiSupervisedNetwork;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * The semi-supervised experiment (seed-algorithm.md §5): a stratified random subset of {@code n} labeled training
 * samples (stream {@value WtaExperiment#LABELS_STREAM}), the rest unlabeled; supervised pre-training, then
 * alternating unsupervised and supervised epochs; test accuracy after pre-training, after the chosen epochs and at
 * the end. The per-epoch entries of the result are the alternating epochs' unsupervised halves; pre-training and
 * the supervised halves are logged. Of the evaluation settings it uses {@code everyEpochs} and
 * {@code inferenceTimesSeconds}.
 */
public final class SemiSupervisedExperiment implements Experiment {

    private final SemiSupervisedConfig training;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param training the scheme's settings
     * @param data the data set
     * @param evaluation when to evaluate
     */
    public SemiSupervisedExperiment(SemiSupervisedConfig training, DataConfig data, EvaluationConfig evaluation) {
        this.training = Checks.notNull("semiSupervised", training);
        this.data = Checks.notNull("data", data);
        this.evaluation = Checks.notNull("evaluation", evaluation);
    }


    /**
     * Runs the experiment, checkpointing between mini-batches as {@code checkpointing} says and starting from its
     * checkpoint when it resumes (bit for bit the numbers of a run never interrupted). The checkpoint's epoch counts
     * the stages: the pre-training epochs, then an unsupervised and a supervised stage per alternating epoch.
     *
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are
     * @param listener receives the progress of every epoch
     * @param log receives one line per epoch and per evaluation
     * @param checkpointing when to checkpoint, and whether to resume
     * @return what was measured; not completed when a stop was requested
     */
    @Override
    public ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                Consumer<String> log, Checkpointing checkpointing) {
        Checks.notNull("checkpointing", checkpointing);
        AccuracyProgress progress = new AccuracyProgress(listener);
        Dataset train = data.load(Split.TRAIN, dataDirectory, training.layerSizes().get(0),
                "semiSupervised.layerSizes[0]");
        Dataset test = data.load(Split.TEST, dataDirectory);
        Checks.isTrue(training.labeledSamples() < train.sampleCount(),
                "semiSupervised.labeledSamples must be below the %d training samples, got %d", train.sampleCount(),
                training.labeledSamples());
        float[] images = train.copyOfImages();
        int[] labels = train.copyOfLabels();
        int[] labeled = LabeledSubset.stratified(labels, train.classCount(), training.labeledSamples(),
                streams.stream(WtaExperiment.LABELS_STREAM));
        int[] unlabeled = LabeledSubset.complement(labeled, train.sampleCount());
        log.accept(String.format(Locale.ROOT, "  %d labeled and %d unlabeled training samples", labeled.length,
                unlabeled.length));
        SemiSupervisedNetwork network = new SemiSupervisedNetwork(training, train.classCount(), factory, streams);
        float[] testImages = test.copyOfImages();
        int[] testLabels = test.copyOfLabels();
        ExperimentState state = new ExperimentState("inferenceSamples", "trainingSamples");
        List<Evaluation> evaluations = state.evaluations();
        List<EpochResult> epochs = state.epochs();
        Consumer<double[]> evaluate = point -> {
            double accuracy = network.accuracy(testImages, testLabels, test.sampleCount(), Phase.INFERENCE);
            state.add(0, test.sampleCount());
            evaluations.add(new Evaluation((int) point[0], point[1], null, null, null, null, accuracy));
            progress.accuracy("test", accuracy);
            log.accept(point[1] > 0
                    ? String.format(Locale.ROOT, "  %.3g s after training: test accuracy %.2f %%", point[1],
                            100 * accuracy)
                    : String.format(Locale.ROOT, "  after %s: test accuracy %.2f %%", point[0] == 0
                            ? "pre-training" : (int) point[0] + " alternating epoch(s)", 100 * accuracy));
        };
        org.xbarlab.core.state.CheckpointFile.Reading reading = checkpointing.resume(state, network, log);
        org.xbarlab.algorithms.network.BatchBoundary boundary = checkpointing.boundary(state, network);
        int pre = training.preEpochs();
        int stages = pre + 2 * training.epochs();
        int firstStage = state.epoch();
        try {
            for (int stage = firstStage; stage < stages; stage++) {
                state.epoch(stage);
                var resume = reading != null && stage == firstStage ? reading.reader() : null;
                if (stage == pre && resume == null) {
                    evaluate.accept(new double[] {0, 0});
                }
                if (stage < pre) {
                    EpochResult result = network.preTrainEpoch(images, labels, labeled, stage, progress, boundary,
                            resume);
                    state.add(1, labeled.length);
                    if (stage + 1 == pre || (stage + 1) % 50 == 0) {
                        log.accept(String.format(Locale.ROOT, "pre-training epoch %d/%d: loss %.5g, %.1f s",
                                stage + 1, pre, result.meanLoss(), result.wallSeconds()));
                    }
                } else if ((stage - pre) % 2 == 0) {
                    int epoch = (stage - pre) / 2;
                    epochs.add(network.unsupervisedEpoch(images, unlabeled, epoch, progress, boundary, resume));
                    state.add(1, unlabeled.length);
                } else {
                    int epoch = (stage - pre) / 2;
                    EpochResult supervisedHalf = network.supervisedEpoch(images, labels, labeled, epoch, progress, boundary,
                            resume);
                    state.add(1, labeled.length);
                    EpochResult unsupervised = epochs.get(epochs.size() - 1);
                    log.accept(String.format(Locale.ROOT, "epoch %d/%d: unsupervised loss %.5g, supervised loss "
                                    + "%.5g, %.1f s, %d pulses", epoch + 1, training.epochs(),
                            unsupervised.meanLoss(), supervisedHalf.meanLoss(),
                            unsupervised.wallSeconds() + supervisedHalf.wallSeconds(),
                            unsupervised.pulsesFired() + supervisedHalf.pulsesFired()));
                    boolean last = epoch + 1 == training.epochs();
                    boolean due = evaluation.everyEpochs() > 0 && (epoch + 1) % evaluation.everyEpochs() == 0;
                    if (last || due) {
                        evaluate.accept(new double[] {epoch + 1, 0});
                    }
                }
            }
            if (training.epochs() == 0) {
                evaluate.accept(new double[] {0, 0});
            }
        } catch (org.xbarlab.core.NumericalFailureException failure) {
            // Keep what was measured; the caller writes it as a failed result.
            return new ExperimentResult(epochs, evaluations, state.counter(1), state.counter(0), false,
                    failure.getMessage());
        } catch (org.xbarlab.algorithms.network.TrainingStopped stopped) {
            return new ExperimentResult(epochs, evaluations, state.counter(1), state.counter(0), false);
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        evaluation.atTimesAfterTraining(network.layers(),
                time -> evaluate.accept(new double[] {training.epochs(), time}));
        return new ExperimentResult(epochs, evaluations, state.counter(1), state.counter(0), true);
    }
}
