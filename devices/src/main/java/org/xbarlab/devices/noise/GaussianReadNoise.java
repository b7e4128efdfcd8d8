package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/** {@link GaussianReadNoiseConfig}: {@code max(0, g + sqrt(a² + (r·g)²)·ξ)}. */
final class GaussianReadNoise implements ReadNoise {

    private final GaussianReadNoiseConfig config;
    private final double absoluteVariance;
    private final double relativeVariance;

    GaussianReadNoise(GaussianReadNoiseConfig config) {
        this.config = config;
        this.absoluteVariance = config.sigmaSiemens() * config.sigmaSiemens();
        this.relativeVariance = config.sigmaRelative() * config.sigmaRelative();
    }

    @Override
    public boolean isNone() {
        return absoluteVariance == 0 && relativeVariance == 0;
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
        Objects.requireNonNull(random, "random must not be null");
        BulkArguments.scratch(scratch, count);
        RandomFill.normal(random, scratch, 0, count, 0.0f, 1.0f);
        // Arithmetic in double, rounded to float once, so that a small read of a small conductance loses nothing
        // to cancellation.
        if (relativeVariance == 0) {
            final double sigma = config.sigmaSiemens();
            for (int i = 0; i < count; i++) {
                out[outOffset + i] = (float) Math.max(0.0, conductance[offset + i] + sigma * scratch[i]);
            }
        } else if (absoluteVariance == 0) {
            final double sigma = config.sigmaRelative();
            for (int i = 0; i < count; i++) {
                final double g = conductance[offset + i];
                out[outOffset + i] = (float) Math.max(0.0, g + sigma * Math.abs(g) * scratch[i]);
            }
        } else {
            final double a = absoluteVariance;
            final double r = relativeVariance;
            for (int i = 0; i < count; i++) {
                final double g = conductance[offset + i];
                final double sigma = Math.sqrt(a + r * g * g);
                out[outOffset + i] = (float) Math.max(0.0, g + sigma * scratch[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "ReadNoise[" + config + "]";
    }
}
