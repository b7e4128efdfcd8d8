package org.xbarlab.crossbar.periphery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

class AnalogPeripheryTest extends XbarlabTestBase {

    private static final int INPUTS = 3;
    private static final int OUTPUTS = 2;
    /** W (2 × 3), row-major. */
    private static final float[] WEIGHTS = {0.5f, -0.25f, 1f, -1f, 0.75f, 0.125f};

    private static void exact(float[] x, int batch, float[] y) {
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < OUTPUTS; i++) {
                float sum = 0f;
                for (int j = 0; j < INPUTS; j++) {
                    sum += WEIGHTS[i * INPUTS + j] * x[b * INPUTS + j];
                }
                y[b * OUTPUTS + i] = sum;
            }
        }
    }

    private static UniformRandomProvider stream() {
        return RngStreams.of(TEST_SEED).stream("test/periphery");
    }

    @Test
    void idealPeripheryIsTheExactProduct() {
        float[] x = {0.3f, -2f, 7f, 0f, 0f, 0f};
        float[] expected = new float[4];
        exact(x, 2, expected);
        float[] y = new float[4];
        AnalogPeriphery.Passes passes = new AnalogPeriphery(PeripheryConfig.ideal(), INPUTS, OUTPUTS)
                .apply(x, 2, y, AnalogPeripheryTest::exact, stream());
        assertArrayEquals(expected, y, 0f);
        assertEquals(2, passes.analogPasses());
        assertEquals(0, passes.clippedOutputs());
    }

    @Test
    void absMaxNoiseManagementUndoesItsScaleAndZeroInputGivesZero() {
        PeripheryConfig config = new PeripheryConfig(DacConfig.ideal().withResolutionBits(0), AdcConfig.ideal(),
                0, 0, NoiseManagement.ABS_MAX, BoundManagement.NONE, 1);
        float[] x = {3f, -6f, 1.5f, 0f, 0f, 0f};
        float[] expected = new float[4];
        exact(x, 2, expected);
        float[] y = new float[4];
        new AnalogPeriphery(config, INPUTS, OUTPUTS).apply(x, 2, y, AnalogPeripheryTest::exact, stream());
        assertArrayEquals(expected, y, 1e-6f);
        assertEquals(0f, y[2]);
        assertEquals(0f, y[3]);
    }

    @Test
    void dacRoundsToItsGridAndAdcErrorIsAtMostHalfAStep() {
        DacConfig dac = new DacConfig(4, 1.0, false); // step 2/14
        AdcConfig adc = new AdcConfig(6, 2.0, AdcRange.FIXED, 1.0); // step 4/62
        PeripheryConfig config = new PeripheryConfig(dac, adc, 0, 0, NoiseManagement.NONE, BoundManagement.NONE, 1);
        float[] x = {0.33f, -0.71f, 0.05f};
        float[] converted = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        new AnalogPeriphery(config, INPUTS, OUTPUTS).apply(x, 1, y, (xq, batch, out) -> {
            System.arraycopy(xq, 0, converted, 0, INPUTS);
            exact(xq, batch, out);
        }, stream());
        double dacStep = 2.0 / 14;
        for (int j = 0; j < INPUTS; j++) {
            double steps = converted[j] / dacStep;
            assertEquals(Math.rint(steps), steps, 1e-4, "input " + j + " on the DAC grid");
            assertTrue(Math.abs(converted[j] - x[j]) <= dacStep / 2 + 1e-6);
        }
        float[] ideal = new float[OUTPUTS];
        exact(converted, 1, ideal);
        for (int i = 0; i < OUTPUTS; i++) {
            assertTrue(Math.abs(y[i] - ideal[i]) <= 4.0 / 62 / 2 + 1e-6, "ADC error of output " + i);
        }
    }

    @Test
    void iterativeBoundManagementRecoversClippedOutputs() {
        AdcConfig adc = new AdcConfig(0, 0.5, AdcRange.FIXED, 1.0);
        PeripheryConfig clipping = new PeripheryConfig(DacConfig.ideal().withResolutionBits(0), adc, 0, 0,
                NoiseManagement.ABS_MAX, BoundManagement.NONE, 1);
        PeripheryConfig managed = new PeripheryConfig(clipping.dac(), adc, 0, 0, NoiseManagement.ABS_MAX,
                BoundManagement.ITERATIVE, 16);
        float[] x = {1f, -1f, 1f};
        float[] expected = new float[OUTPUTS];
        exact(x, 1, expected); // 1.75 and -1.625: beyond 0.5
        float[] y = new float[OUTPUTS];
        AnalogPeriphery.Passes clipped = new AnalogPeriphery(clipping, INPUTS, OUTPUTS)
                .apply(x, 1, y, AnalogPeripheryTest::exact, stream());
        assertEquals(0.5f, y[0]);
        assertEquals(2, clipped.clippedOutputs());
        AnalogPeriphery.Passes repeated = new AnalogPeriphery(managed, INPUTS, OUTPUTS)
                .apply(x, 1, y, AnalogPeripheryTest::exact, stream());
        assertArrayEquals(expected, y, 1e-6f);
        assertEquals(1 + 2, repeated.analogPasses(), "β = 2 still clips 0.875, β = 4 does not");
    }

    @Test
    void outputNoiseHasTheConfiguredStandardDeviation() {
        double sigma = 0.1;
        PeripheryConfig config = PeripheryConfig.ideal().withOutputNoiseSigma(sigma);
        int batch = 20_000;
        float[] x = new float[batch * INPUTS];
        float[] y = new float[batch * OUTPUTS];
        new AnalogPeriphery(config, INPUTS, OUTPUTS).apply(x, batch, y, AnalogPeripheryTest::exact, stream());
        double sum = 0;
        double squares = 0;
        for (float v : y) {
            sum += v;
            squares += v * v;
        }
        int n = y.length;
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        // Bounds from the sample size: the mean within 5σ/√n, the variance within 5·σ²·√(2/n).
        assertEquals(0, mean, 5 * sigma / Math.sqrt(n), "seed " + TEST_SEED);
        assertEquals(sigma * sigma, variance, 5 * sigma * sigma * Math.sqrt(2.0 / n), "seed " + TEST_SEED);
    }

    @Test
    void calibratedColumnRangesFollowTheLargestOutput() {
        AdcConfig adc = new AdcConfig(8, 10.0, AdcRange.CALIBRATED_PER_COLUMN, 1.25);
        AnalogPeriphery periphery = new AnalogPeriphery(PeripheryConfig.ideal().withAdc(adc), INPUTS, OUTPUTS);
        periphery.calibrate(new float[] {1f, -40f, -2f, 3f}, 2);
        assertArrayEquals(new float[] {2.5f, 10f}, periphery.columnRanges(), 0f);
    }

    @Test
    void sameSeedSameNoise() {
        PeripheryConfig config = PeripheryConfig.defaults();
        float[] x = {0.2f, -0.4f, 0.9f, 0.1f, 0.3f, -0.2f};
        float[] first = new float[4];
        float[] second = new float[4];
        new AnalogPeriphery(config, INPUTS, OUTPUTS).apply(x, 2, first, AnalogPeripheryTest::exact, stream());
        new AnalogPeriphery(config, INPUTS, OUTPUTS).apply(x, 2, second, AnalogPeripheryTest::exact, stream());
        assertArrayEquals(first, second, 0f);
    }

    @Test
    void invalidResolutionNamesTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DacConfig(1, 1.0, false));
        assertTrue(error.getMessage().contains("resolutionBits") && error.getMessage().contains("1"),
                error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> new AdcConfig(8, Double.NaN, AdcRange.FIXED, 1.0));
        assertTrue(error.getMessage().contains("outputBound"), error.getMessage());
    }
}
