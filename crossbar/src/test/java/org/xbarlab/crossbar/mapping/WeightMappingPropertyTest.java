package org.xbarlab.crossbar.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.xbarlab.core.XbarlabTestBase;

class WeightMappingPropertyTest extends XbarlabTestBase {

    private static final double MIN_SIEMENS = 1e-6;
    private static final double MAX_SIEMENS = 25e-6;

    @Property
    void differentialRoundTripRecoversClippedWeightsAndStaysInTheWindow(
            @ForAll @Size(min = 1, max = 40) java.util.List<@FloatRange(min = -3f, max = 3f) Float> values) {
        float[] w = toArray(values);
        WeightMapping mapping = new WeightMapping(new MappingConfig(MappingScheme.DIFFERENTIAL_PAIR, 2.0, 0.0),
                MIN_SIEMENS, MAX_SIEMENS);
        float[] plus = new float[w.length];
        float[] minus = new float[w.length];
        long clipped = mapping.toConductances(w, w.length, plus, minus);
        float[] back = new float[w.length];
        mapping.differentialWeights(plus, minus, w.length, back);
        long expectedClipped = 0;
        for (int k = 0; k < w.length; k++) {
            float expected = Math.max(-2f, Math.min(2f, w[k]));
            if (expected != w[k]) {
                expectedClipped++;
            }
            assertEquals(expected, back[k], 1e-5f);
            assertInWindow(plus[k]);
            assertInWindow(minus[k]);
            assertTrue(plus[k] == (float) MIN_SIEMENS || minus[k] == (float) MIN_SIEMENS,
                    "one device of the pair rests at the minimum");
        }
        assertEquals(expectedClipped, clipped);
    }

    @Property
    void balancedRoundTripIsSymmetricAroundTheMiddle(
            @ForAll @Size(min = 1, max = 40) java.util.List<@FloatRange(min = -3f, max = 3f) Float> values) {
        float[] w = toArray(values);
        WeightMapping mapping = new WeightMapping(new MappingConfig(MappingScheme.BALANCED_PAIR, 2.0, 0.0),
                MIN_SIEMENS, MAX_SIEMENS);
        float[] plus = new float[w.length];
        float[] minus = new float[w.length];
        mapping.toConductances(w, w.length, plus, minus);
        float[] back = new float[w.length];
        mapping.differentialWeights(plus, minus, w.length, back);
        for (int k = 0; k < w.length; k++) {
            assertEquals(Math.max(-2f, Math.min(2f, w[k])), back[k], 1e-5f);
            assertEquals(2 * mapping.referenceConductanceSiemens(), plus[k] + minus[k], 1e-11);
            assertInWindow(plus[k]);
            assertInWindow(minus[k]);
        }
    }

    @Property
    void offsetRoundTripRecoversClippedWeights(
            @ForAll @Size(min = 1, max = 40) java.util.List<@FloatRange(min = -3f, max = 3f) Float> values) {
        float[] w = toArray(values);
        WeightMapping mapping = new WeightMapping(new MappingConfig(MappingScheme.OFFSET_COLUMN, 1.5, 0.0),
                MIN_SIEMENS, MAX_SIEMENS);
        float[] g = new float[w.length];
        mapping.toConductances(w, w.length, g, null);
        float[] back = new float[w.length];
        float[] reference = new float[w.length];
        java.util.Arrays.fill(reference, (float) mapping.referenceConductanceSiemens());
        mapping.offsetWeights(g, reference, 1, w.length, back);
        for (int k = 0; k < w.length; k++) {
            assertEquals(Math.max(-1.5f, Math.min(1.5f, w[k])), back[k], 1e-5f);
            assertInWindow(g[k]);
        }
    }

    private static void assertInWindow(float g) {
        assertTrue(g >= (float) MIN_SIEMENS * (1 - 1e-6f) && g <= (float) MAX_SIEMENS * (1 + 1e-6f),
                "conductance " + g + " S outside the window");
    }

    private static float[] toArray(java.util.List<Float> values) {
        float[] w = new float[values.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = values.get(k);
        }
        return w;
    }
}
