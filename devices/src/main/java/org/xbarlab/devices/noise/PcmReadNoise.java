package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/**
 * {@link PcmReadNoiseConfig}: multiplicative 1/f read noise whose amplitude depends on the programmed conductance
 * and grows as {@code sqrt(ln t)}.
 */
final class PcmReadNoise implements ReadNoise {

    private final PcmReadNoiseConfig config;
    private final double inverseMaxConductance;
    private final double coefficient;
    private final double exponent;
    private final double minPower;
    private final double maxAmplitude;

    PcmReadNoise(PcmReadNoiseConfig config, double maxConductanceSiemens) {
        this.config = config;
        this.inverseMaxConductance = 1.0 / maxConductanceSiemens;
        this.coefficient = config.amplitudeCoefficientRelative();
        this.exponent = config.conductanceExponent();
        this.minPower = config.minNormalizedConductancePower();
        this.maxAmplitude = config.maxAmplitudeRelative();
    }

    @Override
    public boolean isNone() {
        return config.scaleRelative() == 0 || coefficient == 0 || maxAmplitude == 0;
    }

    @Override
    public void apply(float[] conductance, float[] programmed, int offset, int count, double secondsSinceProgramming,
                      float[] out, int outOffset, UniformRandomProvider random, float[] scratch) {
        BulkArguments.range("conductance", conductance, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        BulkArguments.time(secondsSinceProgramming);
        if (isNone()) {
            System.arraycopy(conductance, offset, out, outOffset, count);
            return;
        }
        BulkArguments.range("programmed", programmed, offset, count);
        Objects.requireNonNull(random, "random must not be null");
        BulkArguments.scratch(scratch, count);
        RandomFill.normal(random, scratch, 0, count, 0.0f, 1.0f);
        final double factor = config.scaleRelative() * config.timeFactor(secondsSinceProgramming);
        final double inverseMax = inverseMaxConductance;
        final double c = coefficient;
        final double e = exponent;
        final double floor = minPower;
        final double ceiling = maxAmplitude;
        for (int i = 0; i < count; i++) {
            final double g = conductance[offset + i];
            if (g == 0) {
                // The noise is proportional to g: skip the power, which costs most of the loop (about 40 ns per
                // device, NoiseDriftBenchmark). Half the devices of a differential array sit at 0.
                out[outOffset + i] = 0.0f;
                continue;
            }
            final double x = Math.abs(programmed[offset + i]) * inverseMax;
            // Same expression as PcmReadNoiseConfig.amplitudeRelative, inlined so the loop holds no call.
            final double amplitude = Math.min(c / Math.max(Math.pow(x, e), floor), ceiling);
            out[outOffset + i] = (float) Math.max(0.0, g + factor * amplitude * Math.abs(g) * scratch[i]);
        }
    }

    @Override
    public String toString() {
        return "ReadNoise[" + config + ", maxConductanceSiemens=" + (1.0 / inverseMaxConductance) + "]";
    }
}
