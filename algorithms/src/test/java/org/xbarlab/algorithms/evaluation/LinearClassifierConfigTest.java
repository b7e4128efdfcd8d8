package org.xbarlab.algorithms.evaluation;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearClassifierConfigTest extends XbarlabTestBase {

    private static final double EXACT = 1e-15;

    @Test
    void defaultsAreThePaperBackpropOneLayerSetting() {
        LinearClassifierConfig defaults = LinearClassifierConfig.defaults();
        assertEquals(ClassifierActivation.IDENTITY, defaults.activation());
        assertEquals(0.1, defaults.learningRate());
        assertEquals(50, defaults.epochs());
        assertEquals(0.2, defaults.dropoutFraction());
        assertEquals(256, defaults.batchSize());
        assertEquals(new ExponentialScheduleConfig(0.9), defaults.schedule());
        assertEquals(ClassifierActivation.SIGMOID, LinearClassifierConfig.paperBackpropTwoLayer().activation());
        LinearClassifierConfig ep = LinearClassifierConfig.paperEquilibriumPropagationOneLayer();
        assertEquals(0.0022, ep.learningRate());
        assertEquals(100, ep.epochs());
        assertEquals(512, ep.batchSize());
        assertEquals(new LinearScheduleConfig(1, 0.9, 0), ep.schedule());
        assertEquals(0.0045, LinearClassifierConfig.paperEquilibriumPropagationTwoLayer().learningRate());
    }

    @Test
    void exponentialScheduleIsGammaToTheEpoch() {
        ExponentialScheduleConfig schedule = ExponentialScheduleConfig.defaults();
        assertEquals(1, schedule.factor(0, 50), EXACT);
        assertEquals(0.9, schedule.factor(1, 50), EXACT);
        assertEquals(Math.pow(0.9, 49), schedule.factor(49, 50), EXACT);
    }

    @Test
    void linearScheduleFollowsPyTorchLinearLr() {
        LinearScheduleConfig schedule = LinearScheduleConfig.to(0.9);
        assertEquals(1, schedule.factor(0, 100), EXACT);
        assertEquals(1 - 0.1 * 50 / 100, schedule.factor(50, 100), EXACT);
        // The end factor is reached only after the last epoch.
        assertEquals(1 - 0.1 * 99 / 100, schedule.factor(99, 100), EXACT);
        // A fixed horizon shorter than the training: constant after it (semi-supervised: total epochs − 50).
        LinearScheduleConfig fixed = new LinearScheduleConfig(0.72, 0.05, 350);
        assertEquals(0.05, fixed.factor(360, 400), EXACT);
        assertEquals(0.72 + (0.05 - 0.72) * 100 / 350, fixed.factor(100, 400), EXACT);
    }

    @Test
    void stepScheduleHalvesAtThePaperMilestones() {
        StepScheduleConfig schedule = StepScheduleConfig.defaults();
        int epochs = 100;
        double[] factors = IntStream.range(0, epochs).mapToDouble(e -> schedule.factor(e, epochs)).toArray();
        for (int e = 0; e < epochs; e++) {
            int epoch = e;
            int halvings = (int) Stream.of(20, 35, 50, 60, 70, 80, 90).filter(m -> m <= epoch).count();
            assertEquals(Math.pow(0.5, halvings), factors[e], EXACT, "epoch " + e);
        }
        // 50 epochs: milestones int(50·r) = 10, 17, 25, 30, 35, 40, 45.
        assertEquals(1, schedule.factor(9, 50), EXACT);
        assertEquals(0.5, schedule.factor(10, 50), EXACT);
        assertEquals(0.25, schedule.factor(17, 50), EXACT);
        assertEquals(Math.pow(0.5, 7), schedule.factor(49, 50), EXACT);
        // 4 epochs: milestones 0, 1, 2, 2, 2, 3, 3 → distinct {0, 1, 2, 3}; epoch 0 is already halved.
        assertEquals(0.5, schedule.factor(0, 4), EXACT);
        assertEquals(0.25, schedule.factor(1, 4), EXACT);
        assertEquals(0.125, schedule.factor(2, 4), EXACT);
        assertEquals(0.0625, schedule.factor(3, 4), EXACT);
    }

    @Test
    void schedulesRejectEpochsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ConstantScheduleConfig().factor(3, 3));
        assertThrows(IllegalArgumentException.class, () -> ExponentialScheduleConfig.defaults().factor(-1, 3));
    }

    static Stream<LinearClassifierConfig> configs() {
        return Stream.of(LinearClassifierConfig.defaults(),
                LinearClassifierConfig.paperEquilibriumPropagationTwoLayer(),
                LinearClassifierConfig.defaults().withSchedule(StepScheduleConfig.defaults()),
                LinearClassifierConfig.defaults().withSchedule(new ConstantScheduleConfig())
                        .withDropoutFraction(0).withBatchSize(17).withEpochs(3));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void roundTripsThroughJson(LinearClassifierConfig config) {
        String json = ConfigMapper.writeJson(config);
        LinearClassifierConfig read = ConfigMapper.readString(json, ConfigMapper.Format.JSON,
                LinearClassifierConfig.class, List.of());
        assertEquals(config, read, json);
    }

    @Test
    void jsonNamesArePartOfTheFormat() {
        String json = ConfigMapper.writeJson(LinearClassifierConfig.paperBackpropTwoLayer());
        assertTrue(json.contains("\"sigmoid\""), json);
        assertTrue(json.contains("\"model\" : \"exponential\"") || json.contains("\"model\": \"exponential\""),
                json);
        String identity = ConfigMapper.writeJson(LinearClassifierConfig.defaults()
                .withSchedule(LinearScheduleConfig.to(0.9)));
        assertTrue(identity.contains("\"identity\"") && identity.contains("\"linear\""), identity);
    }

    @Test
    void validationNamesTheField() {
        IllegalArgumentException dropout = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifierConfig.defaults().withDropoutFraction(1));
        assertTrue(dropout.getMessage().contains("dropoutFraction"), dropout.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifierConfig.defaults().withLearningRate(0));
        assertTrue(rate.getMessage().contains("learningRate"), rate.getMessage());
        IllegalArgumentException gamma = assertThrows(IllegalArgumentException.class,
                () -> new ExponentialScheduleConfig(1.5));
        assertTrue(gamma.getMessage().contains("gamma"), gamma.getMessage());
        IllegalArgumentException milestone = assertThrows(IllegalArgumentException.class,
                () -> new StepScheduleConfig(List.of(0.5, 2.0), 0.5));
        assertTrue(milestone.getMessage().contains("milestoneFractions[1]"), milestone.getMessage());
        String json = ConfigMapper.writeJson(LinearClassifierConfig.defaults()).replace("256", "0");
        ConfigException file = assertThrows(ConfigException.class, () -> ConfigMapper.readString(json,
                ConfigMapper.Format.JSON, LinearClassifierConfig.class, List.of()));
        assertTrue(file.getMessage().contains("batchSize"), file.getMessage());
    }
}
