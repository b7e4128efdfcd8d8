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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** im2col reads the right pixels, and col2im is its adjoint. */
class Im2ColPropertyTest extends XbarlabTestBase {

    @Property(tries = 150)
    void unfoldReadsEveryPatchEntryFromItsPixel(@ForAll @IntRange(min = 1, max = 3) int batch,
                                                @ForAll @IntRange(min = 1, max = 3) int channels,
                                                @ForAll @IntRange(min = 1, max = 9) int height,
                                                @ForAll @IntRange(min = 1, max = 9) int width,
                                                @ForAll @IntRange(min = 1, max = 5) int kernel,
                                                @ForAll @IntRange(min = 1, max = 3) int stride,
                                                @ForAll @IntRange(min = 0, max = 4) int padding,
                                                @ForAll long seed) {
        Assume.that(padding < kernel && kernel <= height + 2 * padding && kernel <= width + 2 * padding);
        Im2Col im2col = new Im2Col(channels, height, width, kernel, stride, padding);
        float[] x = ConvReference.random(new SplittableRandom(seed), batch * im2col.inputSize(), -1, 1);
        float[] patches = new float[batch * im2col.positions() * im2col.patchSize()];
        java.util.Arrays.fill(patches, Float.NaN);
        im2col.unfold(x, batch, patches);
        int outH = im2col.outputHeight();
        int outW = im2col.outputWidth();
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int c = 0; c < channels; c++) {
                        for (int ky = 0; ky < kernel; ky++) {
                            for (int kx = 0; kx < kernel; kx++) {
                                int iy = oy * stride - padding + ky;
                                int ix = ox * stride - padding + kx;
                                float expected = iy < 0 || iy >= height || ix < 0 || ix >= width ? 0f
                                        : x[((b * channels + c) * height + iy) * width + ix];
                                int column = (c * kernel + ky) * kernel + kx;
                                assertEquals(expected, patches[row * im2col.patchSize() + column]);
                            }
                        }
                    }
                    row++;
                }
            }
        }
    }

    @Property(tries = 150)
    void foldIsTheAdjointOfUnfold(@ForAll @IntRange(min = 1, max = 3) int batch,
                                  @ForAll @IntRange(min = 1, max = 3) int channels,
                                  @ForAll @IntRange(min = 1, max = 9) int height,
                                  @ForAll @IntRange(min = 1, max = 9) int width,
                                  @ForAll @IntRange(min = 1, max = 5) int kernel,
                                  @ForAll @IntRange(min = 1, max = 3) int stride,
                                  @ForAll @IntRange(min = 0, max = 4) int padding,
                                  @ForAll long seed) {
        Assume.that(padding < kernel && kernel <= height + 2 * padding && kernel <= width + 2 * padding);
        Im2Col im2col = new Im2Col(channels, height, width, kernel, stride, padding);
        SplittableRandom random = new SplittableRandom(seed);
        int inputs = batch * im2col.inputSize();
        int patchValues = batch * im2col.positions() * im2col.patchSize();
        float[] x = ConvReference.random(random, inputs, -1, 1);
        float[] y = ConvReference.random(random, patchValues, -1, 1);
        float[] unfolded = new float[patchValues];
        float[] folded = new float[inputs];
        im2col.unfold(x, batch, unfolded);
        im2col.fold(y, batch, folded);
        double left = ConvReference.dot(unfolded, y, patchValues);
        double right = ConvReference.dot(x, folded, inputs);
        // Float sums of at most kernel²·channels·positions products of magnitude ≤ 1: a few ulps of the total.
        double tolerance = 1e-5 * (1 + patchValues);
        assertEquals(left, right, tolerance, im2col.toString());
    }

    @Test
    void foldOverwritesItsOutputAndSumsOverlappingPatches() {
        Im2Col im2col = new Im2Col(1, 3, 3, 2, 1, 0);
        float[] ones = new float[im2col.positions() * im2col.patchSize()];
        java.util.Arrays.fill(ones, 1f);
        float[] counts = new float[9];
        java.util.Arrays.fill(counts, 99f);
        im2col.fold(ones, 1, counts);
        // How many 2×2 windows cover each pixel of a 3×3 image.
        assertArrayEquals(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, counts);
    }

    @Test
    void geometryAndValidation() {
        Im2Col first = new Im2Col(1, 28, 28, 5, 1, 2);
        assertEquals(28, first.outputHeight());
        assertEquals(784, first.positions());
        assertEquals(25, first.patchSize());
        Im2Col strided = new Im2Col(3, 7, 9, 3, 2, 1);
        assertEquals(4, strided.outputHeight());
        assertEquals(5, strided.outputWidth());
        IllegalArgumentException padding = assertThrows(IllegalArgumentException.class,
                () -> new Im2Col(1, 5, 5, 3, 1, 3));
        assertTrue(padding.getMessage().contains("padding"), padding.getMessage());
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> new Im2Col(1, 2, 9, 5, 1, 1));
        assertTrue(fit.getMessage().contains("kernel"), fit.getMessage());
    }
}
