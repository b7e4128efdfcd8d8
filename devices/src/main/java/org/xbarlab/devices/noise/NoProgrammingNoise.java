package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import org.apache.commons.rng.UniformRandomProvider;

/** Exact writes: copies the targets. */
final class NoProgrammingNoise implements ProgrammingNoise {

    /** The only instance. */
    static final NoProgrammingNoise INSTANCE = new NoProgrammingNoise();

    private NoProgrammingNoise() {
    }

    @Override
    public boolean isNone() {
        return true;
    }

    @Override
    public double sigmaSiemens(double targetConductanceSiemens) {
        return 0.0;
    }

    @Override
    public void apply(float[] target, int offset, int count, float[] out, int outOffset, UniformRandomProvider random,
                      float[] scratch) {
        BulkArguments.range("target", target, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        System.arraycopy(target, offset, out, outOffset, count);
    }

    @Override
    public String toString() {
        return "ProgrammingNoise[none]";
    }
}
