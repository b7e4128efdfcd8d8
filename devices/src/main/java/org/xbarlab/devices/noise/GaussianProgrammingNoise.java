package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/** {@link GaussianProgrammingNoiseConfig}: {@code max(0, gT + sqrt(a² + (r·gT)²)·ξ)}. */
final class GaussianProgrammingNoise implements ProgrammingNoise {

    private final GaussianProgrammingNoiseConfig config;
    private final double absoluteVariance;
    private final double relativeVariance;

    GaussianProgrammingNoise(GaussianProgrammingNoiseConfig config) {
        this.config = config;
        this.absoluteVariance = config.sigmaSiemens() * config.sigmaSiemens();
        this.relativeVariance = config.sigmaRelative() * config.sigmaRelative();
    }

    @Override
    public boolean isNone() {
        return absoluteVariance == 0 && relativeVariance == 0;
    }

    @Override
    public double sigmaSiemens(double targetConductanceSiemens) {
        return config.sigmaSiemens(targetConductanceSiemens);
    }

    @Override
    public void apply(float[] target, int offset, int count, float[] out, int outOffset, UniformRandomProvider random,
                      float[] scratch) {
        BulkArguments.range("target", target, offset, count);
        BulkArguments.range("out", out, outOffset, count);
        if (isNone()) {
            System.arraycopy(target, offset, out, outOffset, count);
            return;
        }
        Objects.requireNonNull(random, "random must not be null");
        BulkArguments.scratch(scratch, count);
        RandomFill.normal(random, scratch, 0, count, 0.0f, 1.0f);
        final double a = absoluteVariance;
        final double r = relativeVariance;
        for (int i = 0; i < count; i++) {
            final double g = target[offset + i];
            out[outOffset + i] = (float) Math.max(0.0, g + Math.sqrt(a + r * g * g) * scratch[i]);
        }
    }

    @Override
    public String toString() {
        return "ProgrammingNoise[" + config + "]";
    }
}
