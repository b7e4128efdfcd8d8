package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.supervised.SupervisedConfig;
import org.xbarlab.algorithms.supervised.SupervisedNetwork;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * A supervised experiment: train a network with labels on the crossbars the factory gives and report its test
 * accuracy after the chosen epochs (and of the untrained network, and at chosen times after training). Of the
 * evaluation settings it uses {@code everyEpochs}, {@code untrainedBaseline} and {@code inferenceTimesSeconds}.
 */
public final class SupervisedExperiment implements Experiment {

    private final SupervisedConfig training;
    private final DataConfig data;
    private final EvaluationConfig evaluation;

    /**
     * @param training the network and its learning rule
     * @param data the data set
     * @param evaluation when to evaluate
     */
    public SupervisedExperiment(SupervisedConfig training, DataConfig data, EvaluationConfig evaluation) {
        this.training = Checks.notNull("supervised", training);
        this.data = Checks.notNull("data", data);
        this.evaluation = Checks.notNull("evaluation", evaluation);
    }


    /**
     * Runs the experiment, checkpointing between mini-batches as {@code checkpointing} says and starting from its
     * checkpoint when it resumes (bit for bit the numbers of a run never interrupted).
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
                "supervised.layerSizes[0]");
        Dataset test = data.load(Split.TEST, dataDirectory);
        SupervisedNetwork network = new SupervisedNetwork(training, train.classCount(), factory, streams);
        float[] trainImages = train.copyOfImages();
        int[] trainLabels = train.copyOfLabels();
        float[] testImages = test.copyOfImages();
        int[] testLabels = test.copyOfLabels();
        ExperimentState state = new ExperimentState("inferenceSamples", "trainingSamples");
        Evaluator evaluator = (epoch, seconds) -> {
            double accuracy = network.accuracy(testImages, testLabels, test.sampleCount(), Phase.INFERENCE);
            state.add(0, test.sampleCount());
            Evaluation e = new Evaluation(epoch, seconds, null, null, null, null, accuracy);
            progress.accuracy("test", accuracy);
            log.accept(seconds > 0
                    ? String.format(Locale.ROOT, "  %.3g s after training: test accuracy %.2f %%", seconds,
                            100 * accuracy)
                    : String.format(Locale.ROOT, "  after %d epoch(s): test accuracy %.2f %%", epoch,
                            100 * accuracy));
            return e;
        };
        List<EpochResult> epochs = state.epochs();
        List<Evaluation> evaluations = state.evaluations();
        org.xbarlab.core.state.CheckpointFile.Reading reading = checkpointing.resume(state, network, log);
        int firstEpoch = state.epoch();
        if (reading == null && (evaluation.untrainedBaseline() || training.epochs() == 0)) {
            evaluations.add(evaluator.evaluate(0, 0));
        }
        org.xbarlab.algorithms.network.BatchBoundary boundary = checkpointing.boundary(state, network);
        int perEpoch = training.samplesPerEpoch() > 0 ? training.samplesPerEpoch() : train.sampleCount();
        try {
            for (int epoch = firstEpoch; epoch < training.epochs(); epoch++) {
                state.epoch(epoch);
                EpochResult result;
                try {
                    result = network.trainEpoch(trainImages, trainLabels, train.sampleCount(), epoch, progress,
                            boundary, reading != null && epoch == firstEpoch ? reading.reader() : null);
                } catch (org.xbarlab.core.NumericalFailureException failure) {
                    // Keep what was measured; the caller writes it as a failed result.
                    return new ExperimentResult(epochs, evaluations, state.counter(1), state.counter(0), false,
                            failure.getMessage());
                } catch (org.xbarlab.algorithms.network.TrainingStopped stopped) {
                    long done = state.counter(1) + Math.min((long) stopped.batchesDone() * training.batchSize(),
                            perEpoch);
                    return new ExperimentResult(epochs, evaluations, done, state.counter(0), false);
                }
                epochs.add(result);
                state.add(1, perEpoch);
                log.accept(String.format(Locale.ROOT, "epoch %d/%d: loss %.5g, %.1f s, %d pulses", epoch + 1,
                        training.epochs(), result.meanLoss(), result.wallSeconds(), result.pulsesFired()));
                boolean last = epoch + 1 == training.epochs();
                boolean due = evaluation.everyEpochs() > 0 && (epoch + 1) % evaluation.everyEpochs() == 0;
                if (last || due) {
                    evaluations.add(evaluator.evaluate(epoch + 1, 0));
                }
            }
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        evaluation.atTimesAfterTraining(network.layers(),
                time -> evaluations.add(evaluator.evaluate(training.epochs(), time)));
        return new ExperimentResult(epochs, evaluations, state.counter(1), state.counter(0), true);
    }

    @FunctionalInterface
    private interface Evaluator {
        Evaluation evaluate(int epoch, double seconds);
    }
}
