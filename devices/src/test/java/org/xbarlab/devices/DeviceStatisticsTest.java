package org.xbarlab.devices;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.FaultsConfig;
import org.xbarlab.devices.config.RetentionConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.ConstantStepResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated moments against closed forms, with bounds of 5 standard errors from the sample size (STYLE.md B8):
 * the standard error of a mean is sigma / sqrt(n), that of a normal sample variance sigma^2 sqrt(2 / (n - 1)).
 */
class DeviceStatisticsTest extends XbarlabTestBase {

    private static final int N = 40_000;
    private static final double SIGMAS = 5;

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    private static void assertMoments(double[] x, double mean, double sigma, String what) {
        double m = mean(x);
        double v = variance(x);
        assertEquals(mean, m, SIGMAS * sigma / Math.sqrt(x.length), what + " mean");
        assertEquals(sigma * sigma, v, SIGMAS * sigma * sigma * Math.sqrt(2.0 / (x.length - 1)), what + " variance");
    }

    /** One constant step from mid-window: mean s, standard deviation sigma_c2c s (aihwkit dw_min_std). */
    @Test
    void cycleToCycleSpreadOfOneStep() {
        double sigma = 0.3;
        DeviceConfig config = DeviceConfig.defaults()
                .withResponse(ConstantStepResponseConfig.defaults().withStepSize(0.01))
                .withVariation(VariationConfig.defaults().withCycleToCycleRelative(sigma));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, N, streams, 0);
        float[] middle = new float[N];
        Arrays.fill(middle, (float) (config.windowSiemens() / 2));
        population.program(middle, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 0));
        int[] one = new int[N];
        Arrays.fill(one, 1);
        population.applyPulses(one, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 1));
        double step = 0.01 * config.windowSiemens() / 1.2;
        double[] steps = new double[N];
        for (int i = 0; i < N; i++) {
            steps[i] = population.conductanceSiemens(i) - middle[i];
        }
        assertMoments(steps, step, sigma * step, "c2c step");
    }

    /** Device-to-device step gains: mean s, standard deviation dw_min_dtod s (no asymmetry spread). */
    @Test
    void deviceToDeviceSpreadOfStepSizes() {
        double sigma = 0.3;
        DeviceConfig config = DeviceConfig.defaults()
                .withResponse(ConstantStepResponseConfig.defaults().withStepSize(0.01))
                .withVariation(VariationConfig.defaults().withStepDeviceToDeviceRelative(sigma));
        DevicePopulation population = DevicePopulation.create(config, N, RngStreams.of(TEST_SEED), 7);
        double step = 0.01 * config.windowSiemens() / 1.2;
        double[] up = new double[N];
        double[] down = new double[N];
        for (int i = 0; i < N; i++) {
            up[i] = population.potentiationStepSiemens(i);
            down[i] = population.depressionStepSiemens(i);
            assertEquals(up[i], down[i], 0, "without asymmetry spread the two steps are equal");
        }
        // |1 + 0.3 xi| differs from 1 + 0.3 xi only below xi = -3.33 (probability 4e-4): negligible at 5 sigma.
        assertMoments(up, step, sigma * step, "d2d step");
    }

    /** aihwkit's asymmetry convention: a positive up_down shrinks the down step to s (1 - beta). */
    @Test
    void positiveAsymmetryShrinksDownSteps() {
        DeviceConfig config = DeviceConfig.defaults().withResponse(
                ConstantStepResponseConfig.defaults().withStepSize(0.01).withUpDownAsymmetry(0.25));
        DevicePopulation population = DevicePopulation.create(config, 4, RngStreams.of(TEST_SEED));
        double step = 0.01 * config.windowSiemens() / 1.2;
        assertEquals(step, population.potentiationStepSiemens(0), 1e-6 * step);
        assertEquals(0.75 * step, population.depressionStepSiemens(0), 1e-6 * step);
    }

    /** NeuroSim's C2C: a write of n pulses from mid-window spreads by sigma (Gmax - Gmin) sqrt(n). */
    @Test
    void neuroSimCycleToCycleGrowsAsSquareRootOfPulses() {
        double sigma = 0.01;
        int n = 4;
        DeviceConfig config = DeviceConfig.defaults().withResponse(new NeuroSimNonlinearResponseConfig(1000, 1000,
                        0, 0))
                .withVariation(VariationConfig.defaults().withCycleToCycleWindowFraction(sigma));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, N, streams, 0);
        float[] middle = new float[N];
        Arrays.fill(middle, (float) (config.windowSiemens() / 2));
        population.program(middle, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 0));
        int[] pulses = new int[N];
        Arrays.fill(pulses, n);
        population.applyPulses(pulses, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 1));
        double[] change = new double[N];
        for (int i = 0; i < N; i++) {
            change[i] = population.conductanceSiemens(i) - middle[i];
        }
        assertMoments(change, n * config.windowSiemens() / 1000, sigma * config.windowSiemens() * Math.sqrt(n),
                "NeuroSim write");
    }

    /** Stuck-at fractions are binomial: within 5 sigma of n p. Stuck devices never move. */
    @Test
    void stuckFractionsAndStuckDevicesNeverMove() {
        DeviceConfig config = DeviceConfig.defaults().withFaults(FaultsConfig.defaults().withStuckFractions(0.02,
                0.05));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, N, streams, 0);
        int atMin = 0;
        int atMax = 0;
        for (int i = 0; i < N; i++) {
            atMin += population.health(i) == DeviceHealth.STUCK_AT_MIN ? 1 : 0;
            atMax += population.health(i) == DeviceHealth.STUCK_AT_MAX ? 1 : 0;
        }
        assertEquals(0.02 * N, atMin, SIGMAS * Math.sqrt(N * 0.02 * 0.98));
        assertEquals(0.05 * N, atMax, SIGMAS * Math.sqrt(N * 0.05 * 0.95));
        float[] before = DeviceContractChecks.state(population);
        int[] pulses = new int[N];
        Arrays.fill(pulses, -30);
        float[] targets = new float[N];
        Arrays.fill(targets, 1e-5f);
        population.program(targets, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 0));
        population.applyPulses(pulses, 0, 0, N, streams.stream(StreamNames.DEVICES_CYCLE, 1));
        for (int i = 0; i < N; i++) {
            if (population.health(i) != DeviceHealth.WORKING) {
                assertEquals(before[i], population.conductanceSiemens(i), 0);
                float expected = population.health(i) == DeviceHealth.STUCK_AT_MIN
                        ? population.minConductanceSiemens(i) : population.maxConductanceSiemens(i);
                assertEquals(expected, population.conductanceSiemens(i), 0);
            }
        }
    }

    /** A device sticks after its endurance limit: it takes exactly limit pulses and then no more. */
    @Test
    void enduranceLimitStopsTheDevice() {
        DeviceConfig config = DeviceConfig.defaults().withFaults(FaultsConfig.defaults().withEnduranceLimitPulses(25));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, 3, streams);
        int[] pulses = {10, 30, 25};
        assertEquals(65, population.applyPulses(pulses, 0, 0, 3, streams.stream(StreamNames.DEVICES_CYCLE)));
        double step = config.nominalStepSiemens();
        assertEquals(10 * step, population.conductanceSiemens(0), 1e-4 * step);
        assertEquals(25 * step, population.conductanceSiemens(1), 1e-4 * step);
        assertEquals(DeviceHealth.WORN_OUT, population.health(1));
        assertEquals(DeviceHealth.WORKING, population.health(2));
        population.applyPulses(new int[] {0, 5, 1}, 0, 0, 3, streams.stream(StreamNames.DEVICES_CYCLE, 1));
        assertEquals(25 * step, population.conductanceSiemens(1), 1e-4 * step);
        assertEquals(25 * step, population.conductanceSiemens(2), 1e-4 * step);
        assertEquals(DeviceHealth.WORN_OUT, population.health(2));
    }

    /** Retention: G(t) = b + (G_w - b) exp(-t / tau) exactly, for a device without spread. */
    @Test
    void retentionDecaysTowardTheRestConductance() {
        DeviceConfig config = DeviceConfig.defaults().withRetention(RetentionConfig.defaults().withDecay(1000, 0.2));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, 2, streams);
        float[] targets = {20e-6f, 1e-6f};
        population.program(targets, 0, 0, 2, streams.stream(StreamNames.DEVICES_CYCLE));
        population.advanceTime(300, streams.stream(StreamNames.DEVICES_CYCLE, 1));
        population.advanceTime(400, streams.stream(StreamNames.DEVICES_CYCLE, 2));
        double rest = 0.2 * 25e-6;
        for (int i = 0; i < 2; i++) {
            double expected = rest + (targets[i] - rest) * Math.exp(-700.0 / 1000);
            assertEquals(expected, population.conductanceSiemens(i), 1e-5 * expected);
        }
    }
}
