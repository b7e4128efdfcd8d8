package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/** {@link PolynomialProgrammingNoiseConfig}: sigma a polynomial of {@code gT/gMax}, rescaled to {@code gMax}. */
final class PolynomialProgrammingNoise implements ProgrammingNoise {

    private final PolynomialProgrammingNoiseConfig config;
    private final double maxConductanceSiemens;
    /** Coefficients already multiplied by {@code scaleRelative · gMax / gRef}, in order of increasing power. */
    private final double[] scaledCoefficients;

    PolynomialProgrammingNoise(PolynomialProgrammingNoiseConfig config, double maxConductanceSiemens) {
        this.config = config;
        this.maxConductanceSiemens = maxConductanceSiemens;
        double factor = config.scaleRelative() * maxConductanceSiemens / config.referenceMaxConductanceSiemens();
        this.scaledCoefficients = new double[config.coefficientsSiemens().size()];
        for (int k = 0; k < scaledCoefficients.length; k++) {
            scaledCoefficients[k] = config.coefficientsSiemens().get(k) * factor;
        }
    }

    @Override
    public boolean isNone() {
        for (double c : scaledCoefficients) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double sigmaSiemens(double targetConductanceSiemens) {
        return config.sigmaSiemens(targetConductanceSiemens, maxConductanceSiemens);
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
        final double[] c = scaledCoefficients;
        final int last = c.length - 1;
        final double inverseMax = 1.0 / maxConductanceSiemens;
        for (int i = 0; i < count; i++) {
            final double g = target[offset + i];
            final double x = g * inverseMax;
            double sigma = c[last];
            for (int k = last - 1; k >= 0; k--) {
                sigma = sigma * x + c[k];
            }
            out[outOffset + i] = (float) Math.max(0.0, g + Math.max(0.0, sigma) * scratch[i]);
        }
    }

    @Override
    public String toString() {
        return "ProgrammingNoise[" + config + ", maxConductanceSiemens=" + maxConductanceSiemens + "]";
    }
}
