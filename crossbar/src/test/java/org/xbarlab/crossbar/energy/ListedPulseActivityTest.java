package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

/** The schedule of a list of pulsed cells equals the schedule of the whole matrix, bit for bit. */
class ListedPulseActivityTest extends XbarlabTestBase {

    @Property(tries = 200)
    void aListOfTheNonZeroCellsSchedulesLikeTheWholeMatrix(@ForAll @IntRange(min = 1, max = 30) int rows,
                                                            @ForAll @IntRange(min = 1, max = 30) int columns,
                                                            @ForAll @IntRange(min = 1, max = 40) int driverColumns,
                                                            @ForAll @DoubleRange(min = 0, max = 1) double density,
                                                            @ForAll boolean rowByRow, @ForAll boolean negate,
                                                            @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int cells = rows * columns;
        int[] counts = new int[cells];
        float[] conductances = new float[cells];
        int[] listed = new int[cells];
        float[] listedConductances = new float[cells];
        int listedCount = 0;
        int[] negated = new int[cells];
        for (int k = 0; k < cells; k++) {
            conductances[k] = (float) (1e-6 + 9e-6 * random.nextDouble());
            if (random.nextDouble() < density) {
                counts[k] = random.nextInt(-9, 10);
            }
            negated[k] = -counts[k];
            // The list may also hold cells whose count is zero (cancelled coincidences); they are skipped.
            if (counts[k] != 0 || random.nextDouble() < 0.1) {
                listed[listedCount] = k;
                listedConductances[listedCount++] = conductances[k];
            }
        }
        WriteScheduling scheduling = rowByRow ? WriteScheduling.ROW_BY_ROW : WriteScheduling.ROW_PARALLEL;
        PulseActivity whole = PulseActivity.fromPulseCounts(rows, columns, negate ? negated : counts, conductances,
                scheduling, driverColumns);
        PulseActivity fromList = PulseActivity.fromListedPulseCounts(rows, columns, counts, listed, listedCount,
                negate, listedConductances, scheduling, driverColumns);
        assertEquals(whole, fromList);
    }

    @Test
    void cellsOutOfOrderAreRefused() {
        int[] counts = {1, 1, 1, 1};
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PulseActivity.fromListedPulseCounts(2, 2, counts, new int[] {2, 1}, 2, false,
                        new float[] {1e-6f, 1e-6f}, WriteScheduling.ROW_BY_ROW, 1));
        assertEquals("cells must be ascending indices below 4, got 1 after 2", error.getMessage());
    }
}
