package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

class PulseActivityTest extends XbarlabTestBase {

    /** A 3 × 6 update; with 2 columns per driver, positions are {0, 2, 4} and {1, 3, 5}. */
    private static final int[] COUNTS = {
        3, 0, 0, 1, -2, 0,
        0, 0, 0, 0, 0, 0,
        1, 5, -4, 0, 0, -1};

    @Test
    void rowByRowSumsTheLongestTrainOfEachRowAndDriverPosition() {
        PulseActivity activity = PulseActivity.fromPulseCounts(3, 6, COUNTS, 1e-6, WriteScheduling.ROW_BY_ROW, 2);
        // Row 0: position 0 holds {3, 0, -2}, position 1 holds {0, 1, 0}: SET 3 + 1, RESET 2.
        // Row 2: position 0 holds {1, -4, 0}, position 1 holds {5, 0, -1}: SET 1 + 5, RESET 4 + 1.
        assertEquals(10, activity.potentiationSlotCount());
        assertEquals(7, activity.depressionSlotCount());
        assertEquals(10, activity.potentiationPulseCount());
        assertEquals(7, activity.depressionPulseCount());
        assertEquals(2, activity.writeStepCount());
        assertEquals(10e-6, activity.potentiationConductanceSumSiemens(), 1e-18);
    }

    @Test
    void rowParallelTakesTheLongestTrainOverAllRows() {
        PulseActivity activity = PulseActivity.fromPulseCounts(3, 6, COUNTS, 1e-6, WriteScheduling.ROW_PARALLEL, 2);
        // Position 0 over all rows: {3, 0, -2, 1, -4, 0} → SET 3, RESET 4; position 1: {0, 1, 0, 5, 0, -1} → 5, 1.
        assertEquals(8, activity.potentiationSlotCount());
        assertEquals(5, activity.depressionSlotCount());
        assertEquals(1, activity.writeStepCount());
        assertEquals(17, activity.totalPulseCount());
    }

    @Test
    void rowParallelIsNeverSlowerThanRowByRow() {
        PulseActivity byRow = PulseActivity.fromPulseCounts(3, 6, COUNTS, 1e-6, WriteScheduling.ROW_BY_ROW, 4);
        PulseActivity parallel = PulseActivity.fromPulseCounts(3, 6, COUNTS, 1e-6, WriteScheduling.ROW_PARALLEL, 4);
        assertTrue(parallel.potentiationSlotCount() <= byRow.potentiationSlotCount());
        assertTrue(parallel.depressionSlotCount() <= byRow.depressionSlotCount());
    }

    @Test
    void eachConductanceWeighsItsOwnPulses() {
        float[] g = new float[18];
        for (int k = 0; k < g.length; k++) {
            g[k] = (float) (k * 1e-6);
        }
        PulseActivity activity = PulseActivity.fromPulseCounts(3, 6, COUNTS, g, WriteScheduling.ROW_BY_ROW, 16);
        double potentiation = (3 * 0 + 1 * 3 + 1 * 12 + 5 * 13) * 1e-6;
        double depression = (2 * 4 + 4 * 14 + 1 * 17) * 1e-6;
        assertEquals(potentiation, activity.potentiationConductanceSumSiemens(), 1e-11);
        assertEquals(depression, activity.depressionConductanceSumSiemens(), 1e-11);
    }

    @Test
    void stochasticTrainsLastTheirBitLengthPerPolarity() {
        PulseActivity activity = PulseActivity.stochasticTrains(500, 1e-3, 0, 0, 31);
        assertEquals(31, activity.potentiationSlotCount());
        assertEquals(0, activity.depressionSlotCount());
        assertEquals(1, activity.writeStepCount());
        assertEquals(PulseActivity.NONE, PulseActivity.stochasticTrains(0, 0, 0, 0, 31));
    }

    @Test
    void invalidInputsAreRejectedWithTheFieldName() {
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> PulseActivity.fromPulseCounts(3, 5, COUNTS, 1e-6, WriteScheduling.ROW_BY_ROW, 2));
        assertTrue(sizes.getMessage().startsWith("signedPulseCounts"), sizes.getMessage());
        float[] g = new float[18];
        g[0] = -1f;
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PulseActivity.fromPulseCounts(3, 6, COUNTS, g, WriteScheduling.ROW_BY_ROW, 2));
        assertTrue(negative.getMessage().startsWith("conductancesSiemens[0]"), negative.getMessage());
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class,
                () -> new PulseActivity(1, 0, 2, 0, 0, 0, 0));
        assertTrue(slots.getMessage().startsWith("potentiationSlotCount"), slots.getMessage());
    }
}
