package org.xbarlab.devices.drift;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/** No drift: exponents are 0 and conductances are copied. */
final class NoDrift implements Drift {

    /** The only instance. */
    static final NoDrift INSTANCE = new NoDrift();

    private NoDrift() {
    }

    @Override
    public boolean isNone() {
        return true;
    }

    @Override
    public double referenceTimeSeconds() {
        return 0.0;
    }

    @Override
    public void sampleExponents(float[] target, int offset, int count, float[] exponentsOut, int outOffset,
                                UniformRandomProvider random, float[] scratch) {
        BulkArguments.range("exponentsOut", exponentsOut, outOffset, count);
        Arrays.fill(exponentsOut, outOffset, outOffset + count, 0.0f);
    }

    @Override
    public void apply(float[] programmed, float[] exponents, int offset, int count, double secondsSinceProgramming,
                      float[] out, int outOffset) {
        PowerLaw.copy(programmed, offset, count, secondsSinceProgramming, out, outOffset);
    }

    @Override
    public String toString() {
        return "Drift[none]";
    }
}
