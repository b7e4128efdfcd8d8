package org.xbarlab.algorithms.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.evaluation.ConstantScheduleConfig;
import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.muscle.MuscleConfig;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

/** Both experiments run end to end on the synthetic set with 100 labels and report their evaluations. */
class HebbianAndMuscleExperimentTest extends XbarlabTestBase {

    private static final DataConfig DATA = new DataConfig("synthetic", 600, 300);
    private static final EvaluationConfig EVALUATION = new EvaluationConfig(true,
            LinearClassifierConfig.defaults(), 1.0, 0, true, List.of(1.0));

    @Test
    void hebbianExperimentTrainsAndEvaluatesWithOneHundredLabels() {
        HebbianConfig config = HebbianConfig.softWinnerTakeAll().withLayerSizes(List.of(784, 50))
                .withLearningRate(0.2, new ConstantScheduleConfig()).withBatchSize(32).withEpochs(2)
                .withLabeledSamples(100);
        List<String> log = new ArrayList<>();
        ExperimentResult result = new HebbianExperiment(config, DATA, EVALUATION).run(
                (l, r, c) -> new DigitalCrossbar(r, c), RngStreams.of(TEST_SEED), Path.of("."), Progress.NONE,
                log::add);
        assertTrue(result.completed());
        assertEquals(2, result.epochs().size());
        // Untrained, after the last epoch, and 1 s after training.
        assertEquals(3, result.evaluations().size());
        Evaluation last = result.finalEvaluation();
        assertNotNull(last.directAssociationAccuracy());
        assertTrue(last.linearClassifierAccuracy() > 0.3, "linear classifier on 100 labels: "
                + last.linearClassifierAccuracy() + " (chance 0.1)");
        assertTrue(log.get(0).contains("100 training samples"), log.get(0));
    }

    @Test
    void muscleExperimentTrainsAndEvaluatesWithOneHundredLabels() {
        MuscleConfig config = MuscleConfig.defaults(100).withLayers(List.of(784, 32, 10),
                List.of(Activation.RELU, Activation.IDENTITY)).withTraining(2, 100, 32);
        List<String> log = new ArrayList<>();
        ExperimentResult result = new MuscleExperiment(config, DATA, EVALUATION).run(
                (l, r, c) -> new DigitalCrossbar(r, c), RngStreams.of(TEST_SEED), Path.of("."), Progress.NONE,
                log::add);
        assertTrue(result.completed());
        assertEquals(2, result.epochs().size());
        assertEquals(3, result.evaluations().size());
        Evaluation last = result.finalEvaluation();
        assertTrue(last.networkAccuracy() > 0.2, "network accuracy " + last.networkAccuracy() + " (chance 0.1)");
        assertNotNull(last.linearClassifierAccuracy());
        assertEquals(result.evaluations().get(2).networkAccuracy(), last.networkAccuracy(), 0.0,
                "exact weights do not drift");
    }
}
