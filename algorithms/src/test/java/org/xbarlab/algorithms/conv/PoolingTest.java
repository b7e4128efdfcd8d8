package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Max and average pooling: forward values, and backward routing of gradients. */
class PoolingTest extends XbarlabTestBase {

    @Test
    void maxPoolingRoutesEachGradientToTheWindowMaximum() {
        // One 4×4 channel, 2×2 windows, stride 2.
        float[] x = {
            1, 5, 2, 0,
            3, 4, 8, 7,
            0, 0, 6, 6,
            9, 1, 6, 2,
        };
        Pooling pooling = new Pooling(PoolingKind.MAX, 1, 4, 4, 2, 2, 0);
        assertArrayEquals(new float[] {5, 8, 9, 6}, pooling.forward(x, 1));
        float[] gradient = new float[16];
        pooling.backward(new float[] {10, 20, 30, 40}, gradient);
        // Ties (the 6s of the last window) go to the first in window order.
        assertArrayEquals(new float[] {
            0, 10, 0, 0,
            0, 0, 20, 0,
            0, 0, 40, 0,
            30, 0, 0, 0,
        }, gradient);
    }

    @Test
    void overlappingMaxWindowsAddTheirGradientsAndPaddingIsNeverChosen() {
        // 1×3 row of negative values, kernel 3, stride 1, padding 1: padding (−∞) must never win.
        float[] x = {-3, -1, -2};
        Pooling pooling = new Pooling(PoolingKind.MAX, 1, 1, 3, 3, 1, 1);
        assertEquals(1, pooling.outputHeight());
        assertEquals(3, pooling.outputWidth());
        // Rows: the single image row with padding rows above and below (kernel 3 on height 1 + 2).
        assertArrayEquals(new float[] {-1, -1, -1}, pooling.forward(x, 1));
        float[] gradient = new float[3];
        pooling.backward(new float[] {1, 2, 4}, gradient);
        assertArrayEquals(new float[] {0, 7, 0}, gradient);
    }

    @Test
    void averagePoolingCountsPaddingAsZeroAndSpreadsGradientsEvenly() {
        float[] x = {
            1, 2,
            3, 4,
        };
        // Kernel 2, stride 1, padding 1 on 2×2: a 3×3 output, every window divided by 4 (count_include_pad).
        Pooling pooling = new Pooling(PoolingKind.AVERAGE, 1, 2, 2, 2, 1, 1);
        float[] y = pooling.forward(x, 1);
        assertArrayEquals(new float[] {0.25f, 0.75f, 0.5f, 1f, 2.5f, 1.5f, 0.75f, 1.75f, 1f}, y, 1e-6f);
        float[] gradient = new float[4];
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        pooling.backward(ones, gradient);
        // Each pixel lies in 4 windows, each passing a quarter.
        assertArrayEquals(new float[] {1, 1, 1, 1}, gradient, 1e-6f);
    }

    @Test
    void seedPaperPoolingHalvesTheMaps() {
        Pooling first = new Pooling(PoolingKind.MAX, 32, 28, 28, 4, 2, 1);
        assertEquals(14, first.outputHeight());
        Pooling second = new Pooling(PoolingKind.AVERAGE, 128, 14, 14, 4, 2, 1);
        assertEquals(7, second.outputWidth());
        assertEquals(6272, second.outputs());
        assertThrows(IllegalArgumentException.class, () -> new Pooling(PoolingKind.MAX, 1, 8, 8, 4, 2, 3));
    }

    @Property(tries = 100)
    void averagePoolingBackwardIsTheAdjointOfForward(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                    @ForAll @IntRange(min = 1, max = 3) int channels,
                                                    @ForAll @IntRange(min = 1, max = 9) int height,
                                                    @ForAll @IntRange(min = 1, max = 9) int width,
                                                    @ForAll @IntRange(min = 1, max = 4) int kernel,
                                                    @ForAll @IntRange(min = 1, max = 3) int stride,
                                                    @ForAll @IntRange(min = 0, max = 2) int padding,
                                                    @ForAll long seed) {
        Assume.that(padding <= kernel / 2 && kernel <= height + 2 * padding && kernel <= width + 2 * padding);
        Pooling pooling = new Pooling(PoolingKind.AVERAGE, channels, height, width, kernel, stride, padding);
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = ConvReference.random(random, batch * pooling.inputs(), -1, 1);
        float[] g = ConvReference.random(random, batch * pooling.outputs(), -1, 1);
        float[] y = pooling.forward(x, batch).clone();
        float[] back = new float[x.length];
        pooling.backward(g, back);
        assertEquals(ConvReference.dot(y, g, g.length), ConvReference.dot(x, back, x.length), 1e-4);
    }

    @Property(tries = 100)
    void maxPoolingSendsEachGradientToTheInputItCopied(@ForAll @IntRange(min = 1, max = 2) int batch,
                                                      @ForAll @IntRange(min = 1, max = 3) int channels,
                                                      @ForAll @IntRange(min = 1, max = 9) int height,
                                                      @ForAll @IntRange(min = 1, max = 9) int width,
                                                      @ForAll @IntRange(min = 1, max = 4) int kernel,
                                                      @ForAll @IntRange(min = 1, max = 3) int stride,
                                                      @ForAll @IntRange(min = 0, max = 2) int padding,
                                                      @ForAll long seed) {
        Assume.that(padding <= kernel / 2 && kernel <= height + 2 * padding && kernel <= width + 2 * padding);
        Pooling pooling = new Pooling(PoolingKind.MAX, channels, height, width, kernel, stride, padding);
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = ConvReference.random(random, batch * pooling.inputs(), -1, 1);
        float[] y = pooling.forward(x, batch).clone();
        // Reference: brute-force window maxima (first maximum in window order).
        int outH = pooling.outputHeight();
        int outW = pooling.outputWidth();
        float[] expectedGradient = new float[x.length];
        float[] g = ConvReference.random(random, y.length, -1, 1);
        int o = 0;
        for (int bc = 0; bc < batch * channels; bc++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int bestIndex = -1;
                    for (int ky = 0; ky < kernel; ky++) {
                        for (int kx = 0; kx < kernel; kx++) {
                            int iy = oy * stride - padding + ky;
                            int ix = ox * stride - padding + kx;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                int index = (bc * height + iy) * width + ix;
                                if (x[index] > best) {
                                    best = x[index];
                                    bestIndex = index;
                                }
                            }
                        }
                    }
                    assertEquals(best, y[o]);
                    expectedGradient[bestIndex] += g[o];
                    o++;
                }
            }
        }
        float[] back = new float[x.length];
        pooling.backward(g, back);
        assertArrayEquals(expectedGradient, back, 1e-6f);
    }
}
