package org.xbarlab.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

/**
 * The fast paths of {@link DevicePopulation}: a direct write of a device without programming noise, drift, faults
 * or quantization is a plain clip to the device's bounds (checked against that reference, kept here), and applying
 * negated pulses through the {@code negate} flag equals applying a negated copy of the counts.
 */
class PlainWritesMatchReferenceTest extends XbarlabTestBase {

    private static final int SIZE = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"ideal", "reram-hfo2", "ecram"})
    void programIsClipToEachDevicesBounds(String preset) {
        DeviceConfig config = DevicePresets.load(preset);
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, SIZE, streams, 3);
        UniformRandomProvider targets = streams.stream("test/targets");
        double window = config.maxConductanceSiemens() - config.minConductanceSiemens();
        float[] target = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            target[i] = (float) (config.minConductanceSiemens() + (1.4 * targets.nextDouble() - 0.2) * window);
        }
        UniformRandomProvider random = streams.stream("test/cycle");
        UniformRandomProvider untouched = streams.stream("test/cycle");
        int offset = 17;
        int count = SIZE - 40;
        population.program(target, 5, offset, count, random);
        for (int j = 0; j < count; j++) {
            int i = offset + j;
            float t = target[5 + j];
            float lo = population.minConductanceSiemens(i);
            float hi = population.maxConductanceSiemens(i);
            float expected = t < lo ? lo : (t > hi ? hi : t);
            assertEquals(expected, population.conductanceSiemens(i), 0f, "device " + i);
            assertEquals(0f, population.secondsSinceWrite(i), 0f);
        }
        // The general path took no random numbers for these devices; neither does the fast path.
        assertEquals(untouched.nextLong(), random.nextLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ideal", "reram-hfo2", "ag-a-si", "pcm"})
    void negateFlagEqualsNegatedCopy(String preset) {
        DeviceConfig config = DevicePresets.load(preset);
        DevicePopulation flagged = DevicePopulation.create(config, SIZE, RngStreams.of(TEST_SEED), 1);
        DevicePopulation copied = DevicePopulation.create(config, SIZE, RngStreams.of(TEST_SEED), 1);
        UniformRandomProvider counts = RngStreams.of(TEST_SEED).stream("test/counts");
        int[] pulses = new int[SIZE];
        int[] negated = new int[SIZE];
        UniformRandomProvider first = RngStreams.of(TEST_SEED).stream("test/cycle");
        UniformRandomProvider second = RngStreams.of(TEST_SEED).stream("test/cycle");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < SIZE; i++) {
                pulses[i] = counts.nextInt(4) == 0 ? counts.nextInt(9) - 4 : 0;
                negated[i] = -pulses[i];
            }
            long a = flagged.applyPulses(pulses, 0, 0, SIZE, true, first);
            long b = copied.applyPulses(negated, 0, 0, SIZE, second);
            assertEquals(b, a);
            assertEquals(copied.lastPotentiationPulses(), flagged.lastPotentiationPulses());
            assertEquals(copied.lastDepressionPulses(), flagged.lastDepressionPulses());
        }
        float[] expected = new float[SIZE];
        float[] actual = new float[SIZE];
        copied.conductances(0, SIZE, expected, 0);
        flagged.conductances(0, SIZE, actual, 0);
        assertArrayEquals(expected, actual, 0f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ideal", "reram-hfo2", "ag-a-si", "taox-hfox", "pcm"})
    void listedCellsEqualTheWholeRange(String preset) {
        DeviceConfig config = DevicePresets.load(preset);
        DevicePopulation listed = DevicePopulation.create(config, SIZE, RngStreams.of(TEST_SEED), 1);
        DevicePopulation whole = DevicePopulation.create(config, SIZE, RngStreams.of(TEST_SEED), 1);
        UniformRandomProvider counts = RngStreams.of(TEST_SEED).stream("test/counts");
        int[] pulses = new int[SIZE];
        int[] cells = new int[SIZE];
        UniformRandomProvider first = RngStreams.of(TEST_SEED).stream("test/cycle");
        UniformRandomProvider second = RngStreams.of(TEST_SEED).stream("test/cycle");
        for (int round = 0; round < 4; round++) {
            int cellCount = 0;
            for (int i = 0; i < SIZE; i++) {
                pulses[i] = counts.nextInt(50) == 0 ? counts.nextInt(9) - 4 : 0;
                // a listed cell may have a zero count; it is skipped like in the whole range
                if (pulses[i] != 0 || counts.nextInt(100) == 0) {
                    cells[cellCount++] = i;
                }
            }
            boolean negate = round % 2 == 1;
            long a = listed.applyPulses(pulses, cells, cellCount, negate, first);
            long b = whole.applyPulses(pulses, 0, 0, SIZE, negate, second);
            assertEquals(b, a);
            assertEquals(whole.lastPotentiationPulses(), listed.lastPotentiationPulses());
            assertEquals(whole.lastDepressionPulses(), listed.lastDepressionPulses());
            float[] gathered = new float[cellCount];
            listed.conductancesAt(cells, cellCount, gathered);
            for (int t = 0; t < cellCount; t++) {
                assertEquals(whole.conductanceSiemens(cells[t]), gathered[t], 0f);
            }
        }
        float[] expected = new float[SIZE];
        float[] actual = new float[SIZE];
        whole.conductances(0, SIZE, expected, 0);
        listed.conductances(0, SIZE, actual, 0);
        assertArrayEquals(expected, actual, 0f);
        assertEquals(first.nextLong(), second.nextLong(), "the same random numbers were used");
    }
}
