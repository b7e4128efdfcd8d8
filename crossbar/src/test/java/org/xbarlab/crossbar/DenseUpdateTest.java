package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.energy.TechnologyConfig;
import org.xbarlab.crossbar.energy.TileCostModel;
import org.xbarlab.crossbar.mapping.MappingConfig;
import org.xbarlab.crossbar.mapping.MappingScheme;
import org.xbarlab.crossbar.update.PulseScheme;
import org.xbarlab.crossbar.update.PulseUpdateConfig;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

/** {@link Crossbar#applyDelta}: the dense update a digital optimizer uses, on every crossbar. */
class DenseUpdateTest extends XbarlabTestBase {

    private static final TileCostModel COSTS = TileCostModel.from(TechnologyConfig.defaults());

    private static float[] values(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return v;
    }

    private static AnalogTile tile(TileConfig config, DeviceConfig device, int rows, int columns) {
        return new AnalogTile(config, device, COSTS, rows, columns, new CostLedger(), RngStreams.of(TEST_SEED), 0);
    }

    @ParameterizedTest
    @EnumSource(MappingScheme.class)
    void programmedDenseUpdateOfTheIdealDeviceIsExact(MappingScheme scheme) {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int rows = 5;
        int columns = 7;
        AnalogTile tile = tile(TileConfig.ideal().withMapping(new MappingConfig(scheme, 1.0, 0.0)),
                DevicePresets.ideal(), rows, columns);
        DigitalCrossbar reference = new DigitalCrossbar(rows, columns);
        float[] w = values(random, rows * columns, 0.6);
        float[] delta = values(random, rows * columns, 0.3);
        tile.program(w);
        reference.program(w);
        tile.applyDelta(delta);
        reference.applyDelta(delta);
        float[] expected = new float[rows * columns];
        float[] actual = new float[rows * columns];
        reference.readWeights(expected);
        tile.readWeights(actual);
        assertArrayEquals(expected, actual, 1e-5f);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(w[k] + delta[k], expected[k], 1e-6, "the digital crossbar adds the change");
        }
    }

    @Test
    void deterministicPulsesRoundTheChangeToWholePulsesAndDropSmallOnes() {
        DeviceConfig device = DevicePresets.ideal();
        AnalogTile tile = tile(TileConfig.ideal().withUpdateMethod(UpdateMethod.PULSES), device, 1, 4);
        float[] w = new float[4];
        Arrays.fill(w, 0.25f);
        tile.program(w);
        double step = 2 * device.nominalStepSiemens() / tile.mapping().siemensPerWeight();
        float[] delta = {(float) (3.4 * step), (float) (-0.4 * step), (float) (-2.6 * step), (float) (0.5 * step)};
        UpdateResult result = tile.applyDelta(delta);
        float[] after = new float[4];
        tile.readWeights(after);
        assertEquals(0.25 + 3 * step, after[0], 1e-5, "3.4 steps round to 3");
        assertEquals(0.25, after[1], 1e-6, "0.4 steps are dropped, as MLP+NeuroSim drops them");
        assertEquals(0.25 - 3 * step, after[2], 1e-5, "−2.6 steps round to −3");
        assertEquals(0.25 + step, after[3], 1e-5, "half a step rounds away from zero");
        assertEquals(2 * (3 + 3 + 1), result.pulsesApplied(), "both devices of each pair are written");
    }

    @Test
    void stochasticRoundingIsUnbiased() {
        DeviceConfig device = DevicePresets.ideal();
        TileConfig config = TileConfig.ideal().withUpdateMethod(UpdateMethod.PULSES)
                .withPulses(new PulseUpdateConfig(PulseScheme.STOCHASTIC, 31, true, true, 255));
        int rows = 40;
        int columns = 50;
        AnalogTile tile = tile(config, device, rows, columns);
        float[] w = new float[rows * columns];
        tile.program(w);
        double step = 2 * device.nominalStepSiemens() / tile.mapping().siemensPerWeight();
        float[] delta = new float[rows * columns];
        Arrays.fill(delta, (float) (0.3 * step));
        tile.applyDelta(delta);
        float[] after = new float[rows * columns];
        tile.readWeights(after);
        int moved = 0;
        for (float v : after) {
            assertTrue(Math.abs(v) < 1e-6 || Math.abs(v - step) < 1e-5, "each device gets 0 or 1 pulse: " + v);
            moved += Math.abs(v) > 1e-6 ? 1 : 0;
        }
        int n = rows * columns;
        double sigma = Math.sqrt(n * 0.3 * 0.7);
        assertEquals(0.3 * n, moved, 5 * sigma, "a 0.3-step change fires one pulse with probability 0.3");
    }

    @Test
    void tiledAndScaledCrossbarsSplitTheChangeAmongTheirTiles() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int rows = 7;
        int columns = 11;
        TiledCrossbar tiled = new TiledCrossbar(rows, columns, 3, 4,
                (r, c, height, width, ledger) -> new DigitalCrossbar(height, width), new CostLedger(),
                (batch, outputs, tiles, phase) -> { });
        ScaledCrossbar scaled = new ScaledCrossbar(tiled, 2.0);
        DigitalCrossbar reference = new DigitalCrossbar(rows, columns);
        float[] w = values(random, rows * columns, 0.5);
        float[] delta = values(random, rows * columns, 0.2);
        scaled.program(w);
        reference.program(w);
        scaled.applyDelta(delta);
        reference.applyDelta(delta);
        float[] expected = new float[rows * columns];
        float[] actual = new float[rows * columns];
        reference.readWeights(expected);
        scaled.readWeights(actual);
        assertArrayEquals(expected, actual, 1e-6f);
    }
}
