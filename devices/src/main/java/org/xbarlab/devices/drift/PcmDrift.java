package org.xbarlab.devices.drift;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/** {@link PcmDriftConfig}: ν = |μν(x) + σν(x)·ξ|·scale from the target conductance. */
final class PcmDrift implements Drift {

    private final PcmDriftConfig config;
    private final double maxConductanceSiemens;

    PcmDrift(PcmDriftConfig config, double maxConductanceSiemens) {
        this.config = config;
        this.maxConductanceSiemens = maxConductanceSiemens;
    }

    @Override
    public boolean isNone() {
        return config.driftScaleRelative() == 0 || (config.maxMeanExponent() == 0 && config.maxExponentSigma() == 0);
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
        BulkArguments.range("target", target, offset, count);
        Objects.requireNonNull(random, "random must not be null");
        BulkArguments.scratch(scratch, count);
        RandomFill.normal(random, scratch, 0, count, 0.0f, 1.0f);
        final double inverseMax = 1.0 / maxConductanceSiemens;
        final double floor = config.minNormalizedConductance();
        final double meanSlope = config.meanExponentLogSlope();
        final double meanIntercept = config.meanExponentIntercept();
        final double meanMin = config.minMeanExponent();
        final double meanMax = config.maxMeanExponent();
        final double sigmaSlope = config.exponentSigmaLogSlope();
        final double sigmaIntercept = config.exponentSigmaIntercept();
        final double sigmaMin = config.minExponentSigma();
        final double sigmaMax = config.maxExponentSigma();
        final double scale = config.driftScaleRelative();
        for (int i = 0; i < count; i++) {
            // Same expressions as PcmDriftConfig.meanExponent/exponentSigma, inlined so the loop holds no call.
            final double logX = Math.log(Math.max(Math.abs(target[offset + i]) * inverseMax, floor));
            final double mean = Math.min(Math.max(meanSlope * logX + meanIntercept, meanMin), meanMax);
            final double sigma = Math.min(Math.max(sigmaSlope * logX + sigmaIntercept, sigmaMin), sigmaMax);
            exponentsOut[outOffset + i] = (float) (Math.abs(mean + sigma * scratch[i]) * scale);
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
        return "Drift[" + config + ", maxConductanceSiemens=" + maxConductanceSiemens + "]";
    }
}
