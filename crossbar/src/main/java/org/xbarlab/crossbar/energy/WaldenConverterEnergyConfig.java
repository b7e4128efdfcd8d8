package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * Converter energy from a Walden figure of merit {@code FOM_W = P / (2^ENOB · fs)} (R. H. Walden, IEEE JSAC 17(4),
 * 1999; the "ISSCC FOM" tabulated as {@code FOMW} in Murmann's ADC survey): one conversion costs
 *
 * <pre>
 *     E(b) = FOM_W · 2^b
 * </pre>
 *
 * with the effective number of bits taken equal to the nominal {@code b}. Independent of the rate, so it suits a
 * figure measured on one design at its own rate.
 *
 * @param energyPerConversionStepJoules the Walden figure of merit (J per conversion step), non-negative and finite
 */
public record WaldenConverterEnergyConfig(double energyPerConversionStepJoules) implements ConverterEnergyConfig {

    /** Validates the field. */
    public WaldenConverterEnergyConfig {
        Checks.nonNegativeFinite("energyPerConversionStepJoules", energyPerConversionStepJoules);
    }

    @Override
    public double energyPerConversionJoules(int resolutionBits, double sampleRateHertz) {
        Checks.inRange("resolutionBits", resolutionBits, 1, 62);
        return energyPerConversionStepJoules * (double) (1L << resolutionBits);
    }

    @Override
    public boolean dependsOnSampleRate() {
        return false;
    }
}
