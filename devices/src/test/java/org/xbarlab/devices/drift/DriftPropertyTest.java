package org.xbarlab.devices.drift;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of drift for any valid config: exponents are finite (and non-negative unless negative draws are
 * kept), drifted conductances of non-negative programmed ones stay non-negative and never grow with time when the
 * exponent is non-negative, the same seed gives the same exponents, in-place equals out-of-place, and configs
 * round-trip through JSON.
 */
class DriftPropertyTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final double[] TIMES_SECONDS = {0, 1e-3, 1, 20, 3600, 86400, 3.2e7, 3.2e9};

    private static float[] conductances(long seed, int n) {
        float[] g = new float[n];
        RandomFill.uniform(RngStreams.of(seed).stream("test/conductances"), g, 0, n, 0.0f, (float) (1.5 * G_MAX));
        for (int i = 0; i < n; i += 5) {
            g[i] = 0.0f;
        }
        return g;
    }

    @Property(tries = 100)
    void driftIsDeterministicNonNegativeAndMonotone(@ForAll("driftConfigs") DriftConfig config, @ForAll long seed,
                                                    @ForAll @IntRange(min = 0, max = 200) int n) {
        Drift drift = Drift.from(config, G_MAX);
        float[] target = conductances(seed, n);
        float[] nu = new float[n];
        float[] again = new float[n + 3];
        drift.sampleExponents(target, 0, n, nu, 0, RngStreams.of(seed).stream("nu"), new float[n]);
        drift.sampleExponents(target, 0, n, again, 3, RngStreams.of(seed).stream("nu"), new float[n]);
        assertArrayEquals(nu, Arrays.copyOfRange(again, 3, n + 3));
        boolean mayBeNegative = config instanceof PowerLawDriftConfig p
                && p.negativeExponents() == NegativeExponents.KEEP;
        for (float v : nu) {
            assertTrue(Float.isFinite(v) && (mayBeNegative || v >= 0), () -> "exponent " + v + " with " + config);
        }
        float[] previous = target.clone();
        for (double seconds : TIMES_SECONDS) {
            float[] out = new float[n];
            drift.apply(target, nu, 0, n, seconds, out, 0);
            float[] inPlace = target.clone();
            drift.apply(inPlace, nu, 0, n, seconds, inPlace, 0);
            assertArrayEquals(out, inPlace);
            for (int i = 0; i < n; i++) {
                assertTrue(out[i] >= 0 && Float.isFinite(out[i]), "drifted " + out[i]);
                if (nu[i] >= 0) {
                    assertTrue(out[i] <= previous[i], "drift must not raise the conductance when nu >= 0");
                } else {
                    assertTrue(out[i] >= previous[i], "negative nu drifts up");
                }
            }
            previous = out;
        }
    }

    @Property(tries = 300)
    void driftConfigsRoundTripThroughJson(@ForAll("driftConfigs") DriftConfig config) {
        String json = ConfigMapper.writeJson(config);
        assertEquals(config, ConfigMapper.readString(json, Format.JSON, DriftConfig.class, List.of()), json);
    }

    @Provide
    Arbitrary<DriftConfig> driftConfigs() {
        return DriftArbitraries.driftConfigs();
    }
}
