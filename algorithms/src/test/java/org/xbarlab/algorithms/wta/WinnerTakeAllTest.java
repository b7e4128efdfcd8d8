package org.xbarlab.algorithms.wta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

class WinnerTakeAllTest extends XbarlabTestBase {

    @Test
    void picksTheLargestScoresAfterSubtractingTheThreshold() {
        float[] y = {0.9f, 0.5f, 0.8f, 0.1f};
        float[] h = {0.5f, 0f, 0f, 0f};
        float[] d = new float[4];
        WinnerTakeAll.target(y, h, 1, 4, 2, d, new int[4]);
        // scores 0.4, 0.5, 0.8, 0.1: winners are neurons 2 and 1
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, d);
    }

    @Test
    void tiesGoToTheLowestIndex() {
        float[] y = {1f, 1f, 1f, 1f, 0f, 1f};
        float[] d = new float[6];
        WinnerTakeAll.target(y, new float[6], 1, 6, 3, d, new int[6]);
        assertArrayEquals(new float[] {1f, 1f, 1f, 0f, 0f, 0f}, d);
        float[] zeros = new float[6];
        WinnerTakeAll.target(zeros, new float[6], 1, 6, 2, d, new int[6]);
        assertArrayEquals(new float[] {1f, 1f, 0f, 0f, 0f, 0f}, d);
    }

    @Test
    void eachSampleOfABatchIsIndependent() {
        float[] y = {0f, 1f, 0f, 0.2f, 0.1f, 0.3f};
        float[] d = new float[6];
        WinnerTakeAll.target(y, new float[3], 2, 3, 1, d, new int[2]);
        assertArrayEquals(new float[] {0f, 1f, 0f, 0f, 0f, 1f}, d);
    }

    @Property
    void matchesASortByScoreThenIndex(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 4) Integer> v,
                                      @ForAll @IntRange(min = 1, max = 30) int k) {
        int n = v.size();
        int winners = Math.min(k, n);
        float[] y = new float[n];
        for (int j = 0; j < n; j++) {
            y[j] = v.get(j) * 0.25f;
        }
        float[] d = new float[n];
        WinnerTakeAll.target(y, new float[n], 1, n, winners, d, new int[2 * winners]);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            order.add(j);
        }
        order.sort(Comparator.<Integer>comparingDouble(j -> -y[j]).thenComparing(j -> j));
        float[] expected = new float[n];
        for (int w = 0; w < winners; w++) {
            expected[order.get(w)] = 1f;
        }
        assertArrayEquals(expected, d);
    }

    @Test
    void batchHomeostasisRaisesTheThresholdOfFrequentWinners() {
        Homeostasis homeostasis = new Homeostasis(3, HomeostasisMode.BATCH, 0.5, 0.5, 1.0 / 3);
        homeostasis.update(new float[] {1f, 0f, 0f, 1f, 0f, 0f}, 2);
        // mean activity (1, 0, 0); H += 0.5·(A − 1/3)
        assertEquals(0.5 * (1 - 1.0 / 3), homeostasis.threshold()[0], 1e-6);
        assertEquals(-0.5 / 3, homeostasis.threshold()[1], 1e-6);
        homeostasis.reset();
        assertArrayEquals(new float[3], homeostasis.threshold());
    }

    @Test
    void sequentialHomeostasisFollowsTheMovingAverage() {
        Homeostasis homeostasis = new Homeostasis(2, HomeostasisMode.SEQUENTIAL, 1.0, 0.5, 0.5);
        homeostasis.update(new float[] {1f, 0f, 1f, 0f}, 2);
        // sample 1: a = (0.5, 0), H = (0, -0.5); sample 2: a = (0.75, 0), H = (0.25, -1.0)
        assertEquals(0.25, homeostasis.threshold()[0], 1e-6);
        assertEquals(-1.0, homeostasis.threshold()[1], 1e-6);
    }
}
