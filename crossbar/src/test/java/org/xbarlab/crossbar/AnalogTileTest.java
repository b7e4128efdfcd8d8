package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.energy.CostComponent;
import org.xbarlab.crossbar.energy.TechnologyConfig;
import org.xbarlab.crossbar.energy.TileCostModel;
import org.xbarlab.crossbar.mapping.MappingConfig;
import org.xbarlab.crossbar.mapping.MappingScheme;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

class AnalogTileTest extends XbarlabTestBase {

    private static final int ROWS = 6;
    private static final int COLUMNS = 9;
    private static final TileCostModel COSTS = TileCostModel.from(TechnologyConfig.defaults());

    private static float[] values(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return v;
    }

    private static AnalogTile tile(TileConfig config, DeviceConfig device) {
        return new AnalogTile(config, device, COSTS, ROWS, COLUMNS, new CostLedger(), RngStreams.of(TEST_SEED),
                0, 0);
    }

    @ParameterizedTest
    @EnumSource(MappingScheme.class)
    void idealDeviceAndPeripheryGiveTheExactProducts(MappingScheme scheme) {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        TileConfig config = TileConfig.ideal().withMapping(new MappingConfig(scheme, 1.0, 0.0));
        AnalogTile tile = tile(config, DevicePresets.ideal());
        DigitalCrossbar reference = new DigitalCrossbar(ROWS, COLUMNS);
        float[] w = values(random, ROWS * COLUMNS, 0.9);
        tile.program(w);
        reference.program(w);
        float[] read = new float[ROWS * COLUMNS];
        tile.readWeights(read);
        assertArrayEquals(w, read, 1e-5f);

        int batch = 4;
        float[] x = values(random, batch * COLUMNS, 1);
        float[] d = values(random, batch * ROWS, 1);
        float[] expected = new float[batch * ROWS];
        float[] actual = new float[batch * ROWS];
        reference.forward(x, batch, expected, Phase.INFERENCE);
        tile.forward(x, batch, actual, Phase.INFERENCE);
        assertArrayEquals(expected, actual, 1e-4f);
        float[] expectedBack = new float[batch * COLUMNS];
        float[] actualBack = new float[batch * COLUMNS];
        reference.backward(d, batch, expectedBack, Phase.TRAINING);
        tile.backward(d, batch, actualBack, Phase.TRAINING);
        assertArrayEquals(expectedBack, actualBack, 1e-4f);

        // A programmed update with the ideal device is exact software training.
        reference.update(x, d, batch, 0.05);
        tile.update(x, d, batch, 0.05);
        float[] expectedWeights = new float[ROWS * COLUMNS];
        reference.readWeights(expectedWeights);
        tile.readWeights(read);
        assertArrayEquals(expectedWeights, read, 1e-4f);
    }

    /**
     * A pulsed update touches only the pulsed cells and brings the cached weights up to date cell by cell; they
     * must equal, bit for bit, the weights formed from all devices' conductances, and the forward product must be
     * the product with those weights — over more updates than the interval of full reloads.
     */
    @ParameterizedTest
    @EnumSource(MappingScheme.class)
    void weightsKeptUpToDateCellByCellEqualAFullReload(MappingScheme scheme) {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        TileConfig config = TileConfig.ideal().withUpdateMethod(UpdateMethod.PULSES)
                .withMapping(new MappingConfig(scheme, 1.0, 0.0))
                .withPulses(org.xbarlab.crossbar.update.PulseUpdateConfig.stochastic());
        DeviceConfig device = DevicePresets.load("taox-hfox");
        AnalogTile tile = tile(config, device);
        tile.program(values(random, ROWS * COLUMNS, 0.5));
        int batch = 3;
        float[] y = new float[batch * ROWS];
        float[] expected = new float[batch * ROWS];
        float[] w = new float[ROWS * COLUMNS];
        float[] plus = new float[ROWS * COLUMNS];
        float[] minus = new float[ROWS * COLUMNS];
        for (int step = 0; step < 1100; step++) {
            float[] x = values(random, batch * COLUMNS, 1);
            tile.forward(x, batch, y, Phase.TRAINING);
            if (step % 100 == 0) {
                DevicePopulation[] arrays = tile.populations();
                arrays[0].conductances(0, ROWS * COLUMNS, plus, 0);
                if (scheme == MappingScheme.OFFSET_COLUMN) {
                    arrays[1].conductances(0, COLUMNS, minus, 0);
                    tile.mapping().offsetWeights(plus, minus, ROWS, COLUMNS, w);
                } else {
                    arrays[1].conductances(0, ROWS * COLUMNS, minus, 0);
                    tile.mapping().differentialWeights(plus, minus, ROWS * COLUMNS, w);
                }
                org.xbarlab.core.kernels.Kernels.gemm(org.xbarlab.core.kernels.Transpose.NO,
                        org.xbarlab.core.kernels.Transpose.YES, batch, ROWS, COLUMNS, 1f, x, 0, COLUMNS, w, 0,
                        COLUMNS, 0f, expected, 0, ROWS);
                assertArrayEquals(expected, y, 0f, "forward product after " + step + " updates");
                float[] read = new float[ROWS * COLUMNS];
                tile.readWeights(read);
                assertArrayEquals(w, read, 0f, "weights after " + step + " updates");
            }
            tile.update(x, values(random, batch * ROWS, 1), batch, 0.05);
        }
    }

    @Test
    void pulsedUpdateOfTheIdealDeviceMovesWeightsByWholePulses() {
        TileConfig config = TileConfig.ideal().withUpdateMethod(UpdateMethod.PULSES);
        DeviceConfig device = DevicePresets.ideal();
        AnalogTile tile = tile(config, device);
        float[] w = new float[ROWS * COLUMNS];
        java.util.Arrays.fill(w, 0.5f);
        tile.program(w);
        // One sample, d = −1 on row 0, x = 1 on column 0: ΔW_00 = +η.
        float[] x = new float[COLUMNS];
        x[0] = 1f;
        float[] d = new float[ROWS];
        d[0] = -1f;
        double weightPerPulse = 2 * device.nominalStepSiemens() / tile.mapping().siemensPerWeight();
        UpdateResult result = tile.update(x, d, 1, 10 * weightPerPulse);
        float[] after = new float[ROWS * COLUMNS];
        tile.readWeights(after);
        assertEquals(0.5 + 10 * weightPerPulse, after[0], 1e-5, "ten pulse pairs");
        assertEquals(0.5f, after[1], 1e-6f);
        assertEquals(20, result.pulsesApplied(), "ten pulses on G+ and ten on G−");
        assertTrue(tile.ledger().energyJoules(Phase.TRAINING) >= 0);
    }

    @Test
    void irDropProductsAgreeWithTheExactSolveOfBothArrays() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] w = values(random, ROWS * COLUMNS, 0.9);
        float[] x = new float[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            x[j] = (float) random.nextDouble();
        }
        // 20 Ω segments against devices near 12.5 µS: r·G·N² ≈ 0.02, inside the one-sweep model's range.
        org.xbarlab.crossbar.parasitics.IrDropCircuitConfig circuit =
                new org.xbarlab.crossbar.parasitics.IrDropCircuitConfig(20, 20, 0, 0);
        AnalogTile wired = tile(TileConfig.ideal().withIrDrop(circuit), DevicePresets.ideal());
        AnalogTile perfect = tile(TileConfig.ideal(), DevicePresets.ideal());
        wired.program(w);
        perfect.program(w);
        float[] dropped = new float[ROWS];
        float[] ideal = new float[ROWS];
        wired.forward(x, 1, dropped, Phase.INFERENCE);
        perfect.forward(x, 1, ideal, Phase.INFERENCE);
        float[] read = new float[ROWS * COLUMNS];
        wired.readWeights(read);
        assertArrayEquals(w, read, 1e-5f, "IR drop changes what is sensed, not what the devices hold");

        // Exact reference: solve each physical array (input lines = weight columns) with the inputs as volts.
        float[][] arrays = new float[2][ROWS * COLUMNS];
        wired.populations()[0].conductances(0, ROWS * COLUMNS, arrays[0], 0);
        wired.populations()[1].conductances(0, ROWS * COLUMNS, arrays[1], 0);
        double[] volts = new double[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            volts[j] = x[j];
        }
        double[][] currents = new double[2][ROWS];
        for (int a = 0; a < 2; a++) {
            double[] physical = new double[ROWS * COLUMNS];
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < COLUMNS; j++) {
                    physical[j * ROWS + i] = arrays[a][i * COLUMNS + j];
                }
            }
            org.xbarlab.crossbar.parasitics.ExactIrDropSolver.factor(COLUMNS, ROWS, physical, circuit)
                    .columnCurrents(volts, currents[a]);
        }
        double siemensPerWeight = wired.mapping().siemensPerWeight();
        double largestChange = 0;
        for (int i = 0; i < ROWS; i++) {
            double exact = (currents[0][i] - currents[1][i]) / siemensPerWeight;
            assertEquals(exact, dropped[i], 2e-3 * Math.abs(ideal[i]) + 1e-5, "output " + i);
            largestChange = Math.max(largestChange, Math.abs(dropped[i] - ideal[i]));
        }
        assertTrue(largestChange > 1e-4, "the wires change the outputs: " + largestChange);

        // The transposed read: drive the weight rows with d, sense the weight columns, through the swapped circuit.
        float[] d = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            d[i] = (float) random.nextDouble();
        }
        float[] droppedBack = new float[COLUMNS];
        float[] idealBack = new float[COLUMNS];
        wired.backward(d, 1, droppedBack, Phase.TRAINING);
        perfect.backward(d, 1, idealBack, Phase.TRAINING);
        double[] voltsBack = new double[ROWS];
        for (int p = 0; p < ROWS; p++) {
            voltsBack[p] = d[ROWS - 1 - p];
        }
        double[][] back = new double[2][COLUMNS];
        for (int a = 0; a < 2; a++) {
            double[] transposed = new double[ROWS * COLUMNS];
            for (int p = 0; p < ROWS; p++) {
                for (int q = 0; q < COLUMNS; q++) {
                    transposed[p * COLUMNS + q] = arrays[a][(ROWS - 1 - p) * COLUMNS + (COLUMNS - 1 - q)];
                }
            }
            org.xbarlab.crossbar.parasitics.ExactIrDropSolver.factor(ROWS, COLUMNS, transposed,
                    circuit.transposed()).columnCurrents(voltsBack, back[a]);
        }
        double largestBackChange = 0;
        for (int j = 0; j < COLUMNS; j++) {
            int q = COLUMNS - 1 - j;
            double exact = (back[0][q] - back[1][q]) / siemensPerWeight;
            assertEquals(exact, droppedBack[j], 2e-3 * Math.abs(idealBack[j]) + 1e-5, "transposed output " + j);
            largestBackChange = Math.max(largestBackChange, Math.abs(droppedBack[j] - idealBack[j]));
        }
        assertTrue(largestBackChange > 1e-4, "the wires change the transposed outputs: " + largestBackChange);
    }

    @Test
    void everyOperationChargesTheLedgerByComponent() {
        AnalogTile tile = tile(TileConfig.defaults(), DevicePresets.load("ag-a-si"));
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        tile.program(values(random, ROWS * COLUMNS, 0.5));
        int batch = 3;
        float[] x = values(random, batch * COLUMNS, 1);
        float[] d = values(random, batch * ROWS, 1);
        tile.forward(x, batch, new float[batch * ROWS], Phase.INFERENCE);
        tile.update(x, d, batch, 0.5);
        CostLedger ledger = tile.ledger();
        assertTrue(ledger.account(Phase.INFERENCE, CostComponent.ADC.key()).energyJoules() > 0);
        assertTrue(ledger.account(Phase.INFERENCE, CostComponent.ARRAY_READ.key()).energyJoules() > 0);
        assertTrue(ledger.account(Phase.INFERENCE, CostComponent.ADC.key()).latencySeconds() > 0);
        assertTrue(ledger.account(Phase.TRAINING, CostComponent.WRITE_PULSES.key()).operationCount() > 0);
        assertTrue(ledger.account(Phase.PROGRAMMING, CostComponent.WRITE_PULSES.key()).energyJoules() > 0);
    }

    @Test
    void sameSeedSameNoisyResults() {
        DeviceConfig device = DevicePresets.load("reram-hfo2");
        float[][] outputs = new float[2][];
        for (int run = 0; run < 2; run++) {
            AnalogTile tile = tile(TileConfig.defaults(), device);
            SplittableRandom random = new SplittableRandom(TEST_SEED);
            tile.program(values(random, ROWS * COLUMNS, 0.5));
            float[] x = values(random, 2 * COLUMNS, 1);
            tile.update(x, values(random, 2 * ROWS, 1), 2, 0.3);
            outputs[run] = new float[2 * ROWS];
            tile.forward(x, 2, outputs[run], Phase.INFERENCE);
        }
        assertArrayEquals(outputs[0], outputs[1], 0f);
    }
}
