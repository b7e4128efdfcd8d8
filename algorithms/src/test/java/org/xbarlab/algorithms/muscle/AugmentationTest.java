package org.xbarlab.algorithms.muscle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.data.SyntheticDataset;
import org.xbarlab.algorithms.data.SyntheticDatasetConfig;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

class AugmentationTest extends XbarlabTestBase {

    private static final Dataset IMAGES = SyntheticDataset.generate(
            SyntheticDatasetConfig.defaults().withSampleCount(50), Split.TRAIN);

    private static float[] augment(AugmentationConfig config, long seed) {
        float[] out = new float[IMAGES.sampleCount() * 784];
        new Augmentation(config, 28, 28).apply(IMAGES.copyOfImages(), out, IMAGES.sampleCount(),
                RngStreams.of(seed).stream(StreamNames.DATA_AUGMENT, 0));
        return out;
    }

    @Test
    void sameSeedSameViewsOtherSeedOtherViewsAndPixelsStayInRange() {
        AugmentationConfig config = AugmentationConfig.defaults();
        float[] first = augment(config, TEST_SEED);
        assertArrayEquals(first, augment(config, TEST_SEED), 0f);
        assertFalse(Arrays.equals(first, augment(config, TEST_SEED + 1)));
        for (float v : first) {
            assertTrue(v >= 0f && v <= 1f, "clamped to [0, 1]: " + v);
        }
    }

    @Test
    void shiftsAreWholeTranslationsWithinTheBound() {
        int k = 3;
        float[] in = IMAGES.copyOfImages();
        float[] out = augment(new AugmentationConfig(k, 0, false), TEST_SEED);
        int seen = 0;
        for (int b = 0; b < IMAGES.sampleCount(); b++) {
            int match = 0;
            for (int dr = -k; dr <= k; dr++) {
                for (int dc = -k; dc <= k; dc++) {
                    if (isShift(in, out, b, dr, dc)) {
                        match++;
                        seen |= 1 << ((dr + k) * (2 * k + 1) + dc + k) % 31;
                    }
                }
            }
            assertTrue(match >= 1, "image " + b + " is a shift of its input by at most " + k + " pixels");
        }
        assertTrue(Integer.bitCount(seen) > 10, "many different shifts occur among 50 images");
    }

    private static boolean isShift(float[] in, float[] out, int b, int dr, int dc) {
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                int sr = r - dr;
                int sc = c - dc;
                float expected = sr >= 0 && sr < 28 && sc >= 0 && sc < 28 ? in[b * 784 + sr * 28 + sc] : 0f;
                if (out[b * 784 + r * 28 + c] != expected) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void noiseHasTheConfiguredSpread() {
        double sigma = 0.1;
        float[] in = IMAGES.copyOfImages();
        float[] out = augment(new AugmentationConfig(0, sigma, false), TEST_SEED);
        int n = in.length;
        double sum = 0;
        double squares = 0;
        for (int e = 0; e < n; e++) {
            double d = out[e] - in[e];
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        // Mean within 5σ/√n of 0; the sample variance of normals has standard deviation σ²·√(2/n).
        assertEquals(0, mean, 5 * sigma / Math.sqrt(n));
        assertEquals(sigma * sigma, variance, 5 * sigma * sigma * Math.sqrt(2.0 / n));
        assertThrows(IllegalArgumentException.class, () -> new AugmentationConfig(-1, 0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new AugmentationConfig(1, Double.NaN, true));
    }
}
