package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * A fixed energy per conversion, whatever the resolution and rate: for a figure quoted for one circuit, such as
 * NeuroSim's integrate-and-fire read circuit (1.346 pJ per conversion from a 65 nm SPICE run, not scaled;
 * neurosim.md section 2), or zero for a converter that is not modelled.
 *
 * @param energyPerConversionJoules energy of one conversion (J), non-negative and finite
 */
public record FixedConverterEnergyConfig(double energyPerConversionJoules) implements ConverterEnergyConfig {

    /** NeuroSim MLP V3.0's read-circuit energy per conversion (J); neurosim.md section 2. */
    public static final double NEUROSIM_READ_CIRCUIT_JOULES = 1.346e-12;

    /** Validates the field. */
    public FixedConverterEnergyConfig {
        Checks.nonNegativeFinite("energyPerConversionJoules", energyPerConversionJoules);
    }

    @Override
    public double energyPerConversionJoules(int resolutionBits, double sampleRateHertz) {
        Checks.positive("resolutionBits", resolutionBits);
        return energyPerConversionJoules;
    }

    @Override
    public boolean dependsOnSampleRate() {
        return false;
    }
}
