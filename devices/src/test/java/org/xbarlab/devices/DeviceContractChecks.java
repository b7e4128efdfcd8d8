package org.xbarlab.devices;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device contract (STYLE.md B8), as static checks so that both the per-model contract classes
 * ({@link DeviceModelContract}) and the parameterized preset test can run them.
 */
final class DeviceContractChecks {

    static final int DEVICES = 300;

    private DeviceContractChecks() {
    }

    static float[] state(DevicePopulation population) {
        float[] out = new float[population.size()];
        population.conductances(0, population.size(), out, 0);
        return out;
    }

    /** Random signed pulse trains; every conductance stays within its device's bounds and at or above 0 S. */
    static void staysInWindow(DeviceConfig config, long seed) {
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, DEVICES, streams, 1);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 1);
        UniformRandomProvider pulsesRandom = streams.stream("test/pulses");
        int[] pulses = new int[DEVICES];
        float[] targets = new float[DEVICES];
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < DEVICES; i++) {
                pulses[i] = pulsesRandom.nextInt(41) - 20;
            }
            if (round % 15 == 7) {
                for (int i = 0; i < DEVICES; i++) {
                    targets[i] = (float) (pulsesRandom.nextDouble() * 1.4 - 0.2) * (float) config.maxConductanceSiemens();
                }
                population.program(targets, 0, 0, DEVICES, random);
            } else {
                population.applyPulses(pulses, 0, 0, DEVICES, random);
            }
            if (round % 10 == 9) {
                population.advanceTime(10 * round, random);
            }
            for (int i = 0; i < DEVICES; i++) {
                float g = population.conductanceSiemens(i);
                assertTrue(g >= 0 && g >= population.minConductanceSiemens(i)
                                && g <= population.maxConductanceSiemens(i),
                        () -> config.name() + " left its window: " + g);
            }
        }
    }

    /** Zero pulses change nothing, draw nothing and count nothing. */
    static void zeroPulsesAreIdentity(DeviceConfig config, long seed) {
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, DEVICES, streams, 2);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 2);
        int[] some = new int[DEVICES];
        java.util.Arrays.fill(some, 7);
        population.applyPulses(some, 0, 0, DEVICES, random);
        float[] before = state(population);
        assertEquals(0, population.applyPulses(new int[DEVICES], 0, 0, DEVICES, random));
        assertArrayEquals(before, state(population));
    }

    /**
     * With the cycle-to-cycle and write noise switched off, every device's response to potentiation is
     * non-decreasing in the pulse count and its response to depression non-increasing (the mean response of a
     * noise-free device is the response).
     */
    static void noiseFreeResponseIsMonotone(DeviceConfig config, long seed) {
        DeviceConfig quiet = config.withVariation(config.variation().withCycleToCycleRelative(0)
                .withCycleToCycleWindowFraction(0).withWriteNoiseRelative(0));
        if (!quiet.response().monotoneMeanResponse()) {
            return;
        }
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(quiet, DEVICES, streams, 3);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 3);
        int steps = (int) Math.min(400, 1.5 * quiet.response().nominalStepsAcrossWindow() + 2);
        for (int direction : new int[] {1, -1}) {
            int[] pulses = new int[DEVICES];
            java.util.Arrays.fill(pulses, direction);
            float[] previous = state(population);
            for (int k = 0; k < steps; k++) {
                population.applyPulses(pulses, 0, 0, DEVICES, random);
                float[] now = state(population);
                for (int i = 0; i < DEVICES; i++) {
                    float change = (now[i] - previous[i]) * direction;
                    int device = i;
                    assertTrue(change >= 0,
                            () -> config.name() + " device " + device + " moved against the pulse: " + change);
                }
                previous = now;
            }
        }
    }

    /** Two populations from the same seed undergoing the same operations are bit-identical. */
    static void sameSeedSameResult(DeviceConfig config, long seed) {
        assertArrayEquals(run(config, seed), run(config, seed));
    }

    private static float[] run(DeviceConfig config, long seed) {
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, DEVICES, streams, 4, 5);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 4);
        int[] pulses = new int[DEVICES];
        float[] targets = new float[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            pulses[i] = (i % 7) - 3;
            targets[i] = (float) (config.minConductanceSiemens() + config.windowSiemens() * (i % 11) / 10.0);
        }
        population.program(targets, 0, 0, DEVICES, random);
        population.applyPulses(pulses, 0, 0, DEVICES, random);
        population.advanceTime(100, random);
        float[] out = new float[2 * DEVICES];
        population.read(0, DEVICES, out, 0, random);
        population.conductances(0, DEVICES, out, DEVICES);
        return out;
    }

    /** Writing a config as JSON and reading it back gives an equal record. */
    static void jsonRoundTrip(DeviceConfig config) {
        String json = ConfigMapper.writeJson(config);
        DeviceConfig back = ConfigMapper.readString(json, ConfigMapper.Format.JSON, DeviceConfig.class, List.of());
        assertEquals(config, back);
        assertEquals(json, ConfigMapper.writeJson(back));
    }

    /** Invalid values are rejected with messages (and config paths) that name the field. */
    static void validationNamesTheField(DeviceConfig config) {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> config.withWindow(config.maxConductanceSiemens(), config.minConductanceSiemens()));
        assertTrue(window.getMessage().contains("maxConductanceSiemens"), window.getMessage());
        IllegalArgumentException variation = assertThrows(IllegalArgumentException.class,
                () -> config.variation().withCycleToCycleRelative(-1));
        assertTrue(variation.getMessage().contains("cycleToCycleRelative"), variation.getMessage());
        String json = ConfigMapper.writeJson(config);
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigMapper.readString(json,
                ConfigMapper.Format.JSON, DeviceConfig.class, List.of("variation.writeNoiseRelative=-2")));
        assertTrue(error.getMessage().contains("writeNoiseRelative"), error.getMessage());
    }

    /** A variation with every device-to-device and cycle-to-cycle term switched on, for the model contracts. */
    static VariationConfig fullVariation() {
        return new VariationConfig(0.2, false, 0.05, 0.1, 0.1, 0.05, 0.3, 0.01, 0.5);
    }
}
