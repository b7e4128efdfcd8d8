package org.xbarlab.devices.drift;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/** {@link PowerLawDriftConfig}: ν normal per device with a chosen handling of negative draws. */
final class PowerLawDrift implements Drift {

    private final PowerLawDriftConfig config;

    PowerLawDrift(PowerLawDriftConfig config) {
        this.config = config;
    }

    @Override
    public boolean isNone() {
        return config.meanExponent() == 0 && config.exponentSigma() == 0;
    }

    @Override
    public double referenceTimeSeconds() {
        return config.referenceTimeSeconds();
    }

    @Override
    public void sampleExponents(float[] target, int offset, int count, float[] exponentsOut, int outOffset,
                                UniformRandomProvider random, float[] scratch) {
        BulkArguments.range("exponentsOut", exponentsOut, outOffset, count);
        if (isNone()) {
            Arrays.fill(exponentsOut, outOffset, outOffset + count, 0.0f);
            return;
        }
        Objects.requireNonNull(random, "random must not be null");
        // The normals go straight into the output: no scratch needed.
        RandomFill.normal(random, exponentsOut, outOffset, count, (float) config.meanExponent(),
                (float) config.exponentSigma());
        final int end = outOffset + count;
        switch (config.negativeExponents()) {
            case CLIP:
                for (int i = outOffset; i < end; i++) {
                    exponentsOut[i] = Math.max(0.0f, exponentsOut[i]);
                }
                break;
            case FOLD:
                for (int i = outOffset; i < end; i++) {
                    exponentsOut[i] = Math.abs(exponentsOut[i]);
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void apply(float[] programmed, float[] exponents, int offset, int count, double secondsSinceProgramming,
                      float[] out, int outOffset) {
        if (isNone()) {
            PowerLaw.copy(programmed, offset, count, secondsSinceProgramming, out, outOffset);
            return;
        }
        PowerLaw.apply(programmed, exponents, offset, count, secondsSinceProgramming, out, outOffset,
                config.referenceTimeSeconds());
    }

    @Override
    public String toString() {
        return "Drift[" + config + "]";
    }
}
