package org.xbarlab.devices.drift;

import org.xbarlab.devices.internal.BulkArguments;

/** The kernel shared by the drift models: {@code G = G_prog·exp(−ν·ln((s + t0)/t0))} (not API). */
final class PowerLaw {

    private PowerLaw() {
    }

    /** Checks the arguments of {@link Drift#apply} and copies {@code programmed} to {@code out}. */
    static void copy(float[] programmed, int offset, int count, double secondsSinceProgramming, float[] out,
                     int outOffset) {
        BulkArguments.range("programmed", programmed, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        BulkArguments.time(secondsSinceProgramming);
        System.arraycopy(programmed, offset, out, outOffset, count);
    }

    /** {@link Drift#apply} for a law with reference time {@code t0}. */
    static void apply(float[] programmed, float[] exponents, int offset, int count, double secondsSinceProgramming,
                      float[] out, int outOffset, double referenceTimeSeconds) {
        BulkArguments.range("programmed", programmed, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        BulkArguments.time(secondsSinceProgramming);
        if (secondsSinceProgramming == 0) {
            System.arraycopy(programmed, offset, out, outOffset, count);
            return;
        }
        BulkArguments.range("exponents", exponents, offset, count);
        // ln(t/t0) once; then one exp per device, in double so that float rounding enters only once.
        final double logRatio = Math.log((secondsSinceProgramming + referenceTimeSeconds) / referenceTimeSeconds);
        final double minusLogRatio = -logRatio;
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = (float) (programmed[offset + i] * Math.exp(minusLogRatio * exponents[offset + i]));
        }
    }
}
