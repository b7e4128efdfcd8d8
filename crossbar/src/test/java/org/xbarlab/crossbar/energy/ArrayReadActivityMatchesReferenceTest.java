package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

/**
 * The fast activity sums against the obvious definition: the array-read energy charged from
 * {@link ArrayReadActivity#fromInputs} equals the sum over samples, read cycles and cells of {@code V²·G·t} plus the
 * line-charging energy {@code C_line·V²} of every driven line in every cycle.
 */
class ArrayReadActivityMatchesReferenceTest extends XbarlabTestBase {

    /** Relative tolerance between two summation orders of a few thousand positive terms. */
    private static final double RELATIVE_TOLERANCE = 1e-11;

    @ParameterizedTest(name = "bitSerial={0} bits={1} forward={2}")
    @CsvSource({"true, 4, true", "true, 4, false", "true, 1, true", "false, 6, true", "false, 6, false"})
    void arrayReadEnergyMatchesTheCellByCellSum(boolean bitSerial, int bits, boolean forward) {
        int rows = 13;
        int columns = 21;
        int batch = 5;
        double fullScale = 2.0;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] g = new float[rows * columns];
        for (int k = 0; k < g.length; k++) {
            g[k] = (float) (1e-6 + 9e-6 * random.nextDouble());
        }
        int inputLines = forward ? columns : rows;
        int outputLines = forward ? rows : columns;
        float[] x = new float[batch * inputLines];
        for (int k = 0; k < x.length; k++) {
            // Some zeros, some beyond full scale, both signs.
            x[k] = random.nextInt(5) == 0 ? 0f : (float) ((random.nextDouble() * 2.6 - 1.3) * fullScale);
        }
        MvmPrecision precision = bitSerial ? MvmPrecision.bitSerial(bits, 8) : MvmPrecision.parallel(bits, 8);
        double[] lineSums = forward ? ArrayReadActivity.columnSums(g, rows, columns, new double[columns])
                : ArrayReadActivity.rowSums(g, rows, columns, new double[rows]);
        ArrayReadActivity activity = ArrayReadActivity.fromInputs(x, batch, inputLines, fullScale, precision,
                lineSums);
        TechnologyConfig technology = TechnologyConfig.defaults();
        CostLedger ledger = new CostLedger();
        TileCostModel.from(technology).chargeMvm(ledger, Phase.TRAINING, batch, inputLines, outputLines, precision,
                activity);

        double vr = technology.readVoltageVolts();
        double t = technology.readPulseDurationSeconds();
        double cCell = technology.wireCapacitancePerCellFarads();
        double expected = 0;
        long expectedActive = 0;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < inputLines; i++) {
                double f = Math.min(Math.abs(x[b * inputLines + i]) / fullScale, 1.0);
                double[] cycleDrive = drivePerCycle(f, precision);
                for (double u : cycleDrive) {
                    if (u == 0) {
                        continue;
                    }
                    expectedActive++;
                    double v = u * vr;
                    expected += v * v * outputLines * cCell;
                    for (int o = 0; o < outputLines; o++) {
                        double conductance = forward ? g[o * columns + i] : g[i * columns + o];
                        expected += v * v * conductance * t;
                    }
                }
            }
        }
        assertEquals(expectedActive, activity.activeLineCycleCount());
        assertEquals(expected, ledger.account(Phase.TRAINING, CostComponent.ARRAY_READ.key()).energyJoules(),
                expected * RELATIVE_TOLERANCE);
    }

    /** The relative drive of one line in each read cycle, from the definition. */
    private static double[] drivePerCycle(double f, MvmPrecision precision) {
        int cycles = precision.inputCycleCount();
        double[] drive = new double[cycles];
        if (cycles == 1) {
            drive[0] = f;
            return drive;
        }
        long q = Math.round(f * ((1L << cycles) - 1));
        for (int c = 0; c < cycles; c++) {
            drive[c] = ((q >> c) & 1) == 1 ? 1.0 : 0.0;
        }
        return drive;
    }

    @Test
    void lineSumsAreTheRowAndColumnSums() {
        float[] g = {1, 2, 3, 4, 5, 6};
        double[] rows = ArrayReadActivity.rowSums(g, 2, 3, new double[2]);
        double[] columns = ArrayReadActivity.columnSums(g, 2, 3, new double[3]);
        assertEquals(6, rows[0]);
        assertEquals(15, rows[1]);
        assertEquals(5, columns[0]);
        assertEquals(7, columns[1]);
        assertEquals(9, columns[2]);
    }

    @Test
    void mismatchedSizesAndNonFiniteInputsAreRejected() {
        MvmPrecision precision = MvmPrecision.parallel(4, 8);
        assertThrows(IllegalArgumentException.class, () -> ArrayReadActivity.fromInputs(new float[5], 2, 3, 1,
                precision, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> ArrayReadActivity.fromInputs(new float[6], 2, 3, 1,
                precision, new double[2]));
        float[] x = new float[6];
        x[4] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> ArrayReadActivity.fromInputs(x, 2, 3, 1, precision,
                new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new ArrayReadActivity(2, 3, 0));
    }
}
