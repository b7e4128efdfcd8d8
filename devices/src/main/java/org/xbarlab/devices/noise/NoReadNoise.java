package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import org.apache.commons.rng.UniformRandomProvider;

/** Exact reads: copies the conductances. */
final class NoReadNoise implements ReadNoise {

    /** The only instance. */
    static final NoReadNoise INSTANCE = new NoReadNoise();

    private NoReadNoise() {
    }

    @Override
    public boolean isNone() {
        return true;
    }

    @Override
    public void apply(float[] conductance, float[] programmed, int offset, int count, double secondsSinceProgramming,
                      float[] out, int outOffset, UniformRandomProvider random, float[] scratch) {
        BulkArguments.range("conductance", conductance, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        BulkArguments.time(secondsSinceProgramming);
        System.arraycopy(conductance, offset, out, outOffset, count);
    }

    @Override
    public String toString() {
        return "ReadNoise[none]";
    }
}
