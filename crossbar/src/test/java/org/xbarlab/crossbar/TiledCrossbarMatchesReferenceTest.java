package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

class TiledCrossbarMatchesReferenceTest extends XbarlabTestBase {

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({"7, 9, 3, 4", "16, 16, 16, 16", "5, 33, 8, 8", "1, 1, 1, 1"})
    void tiledDigitalCrossbarEqualsOneDigitalCrossbar(int rows, int columns, int tileRows, int tileColumns) {
        SplittableRandom random = new SplittableRandom(TEST_SEED + rows * 31L + columns);
        int batch = 3;
        float[] w = values(random, rows * columns);
        AtomicLong additions = new AtomicLong();
        TiledCrossbar tiled = new TiledCrossbar(rows, columns, tileRows, tileColumns,
                (r, c, height, width, ledger) -> new DigitalCrossbar(height, width), new CostLedger(),
                (batchCount, outputs, tiles, phase) -> additions.addAndGet(batchCount * outputs * (tiles - 1)));
        DigitalCrossbar whole = new DigitalCrossbar(rows, columns);
        tiled.program(w);
        whole.program(w);
        float[] read = new float[rows * columns];
        tiled.readWeights(read);
        assertArrayEquals(w, read, 0f);

        float[] x = values(random, batch * columns);
        float[] d = values(random, batch * rows);
        float[] expected = new float[batch * rows];
        float[] actual = new float[batch * rows];
        whole.forward(x, batch, expected, Phase.INFERENCE);
        tiled.forward(x, batch, actual, Phase.INFERENCE);
        assertArrayEquals(expected, actual, 1e-5f);
        int gridColumns = (columns + tileColumns - 1) / tileColumns;
        assertEquals((long) batch * rows * (gridColumns - 1), additions.get());

        float[] expectedBack = new float[batch * columns];
        float[] actualBack = new float[batch * columns];
        whole.backward(d, batch, expectedBack, Phase.TRAINING);
        tiled.backward(d, batch, actualBack, Phase.TRAINING);
        assertArrayEquals(expectedBack, actualBack, 1e-5f);

        whole.update(x, d, batch, 0.1);
        tiled.update(x, d, batch, 0.1);
        float[] expectedWeights = new float[rows * columns];
        whole.readWeights(expectedWeights);
        tiled.readWeights(read);
        assertArrayEquals(expectedWeights, read, 1e-6f);
    }
}
