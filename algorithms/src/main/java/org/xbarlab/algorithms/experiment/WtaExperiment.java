package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.network.CrossbarFactory;
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
public final class WtaExperiment implements Experiment {

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
    @Override
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
        ReadoutEvaluator evaluator = new ReadoutEvaluator(evaluation,
                (images, samples, out) -> network.features(images, samples, out, Phase.INFERENCE),
                network.config().outputs(), train.classCount(), trainImages, trainLabels, train.sampleCount(), labeled,
                false, testImages, testLabels, test.sampleCount(), streams, ReadoutEvaluator.newState());
        return evaluator.train(network, network.layers(), checkpointing, training.epochs(), train.sampleCount(),
                training.batchSize(), "loss",
                (epoch, boundary, resume) -> network.trainEpoch(trainImages, train.sampleCount(), epoch, progress,
                        boundary, resume),
                progress, log);
    }
}
