package org.xbarlab.crossbar.periphery;

import org.xbarlab.core.Checks;

/**
 * The periphery of one direction (forward or transposed) of a tile: DAC, ADC, noise, noise and bound management.
 * Noise values are standard deviations in normalized units (inputs: DAC full scale; outputs: full-scale weight ×
 * full-scale input), drawn afresh for every product, as aihwkit's {@code inp_noise} and {@code out_noise}.
 *
 * @param dac the input converter
 * @param adc the output converter
 * @param inputNoiseSigma Gaussian noise added to each normalized input after the DAC, non-negative
 * @param outputNoiseSigma Gaussian noise added to each column output before the ADC, non-negative (aihwkit's
 *     preset value 0.1, its default 0.06)
 * @param noiseManagement input scaling
 * @param boundManagement what to do on ADC clipping
 * @param maxBoundManagementFactor largest input down-scaling of iterative bound management, at least 1 (aihwkit
 *     stops at about 16 with a 7-bit DAC)
 */
public record PeripheryConfig(DacConfig dac, AdcConfig adc, double inputNoiseSigma, double outputNoiseSigma,
                              NoiseManagement noiseManagement, BoundManagement boundManagement,
                              double maxBoundManagementFactor) {

    /** Validates every field. */
    public PeripheryConfig {
        Checks.notNull("dac", dac);
        Checks.notNull("adc", adc);
        Checks.nonNegativeFinite("inputNoiseSigma", inputNoiseSigma);
        Checks.nonNegativeFinite("outputNoiseSigma", outputNoiseSigma);
        Checks.notNull("noiseManagement", noiseManagement);
        Checks.notNull("boundManagement", boundManagement);
        Checks.isTrue(maxBoundManagementFactor >= 1.0 && Double.isFinite(maxBoundManagementFactor),
                "maxBoundManagementFactor must be finite and at least 1, got %s", maxBoundManagementFactor);
    }

    /**
     * aihwkit's training presets ({@code PresetIOParameters}): 7-bit DAC, 9-bit ADC with bound 20, output noise
     * 0.1, abs-max noise management, iterative bound management up to 16.
     */
    public static PeripheryConfig defaults() {
        return new PeripheryConfig(DacConfig.defaults(), AdcConfig.defaults(), 0.0, 0.1,
                NoiseManagement.ABS_MAX, BoundManagement.ITERATIVE, 16.0);
    }

    /** A perfect periphery: no rounding, no noise, no clipping in practice. */
    public static PeripheryConfig ideal() {
        return new PeripheryConfig(DacConfig.ideal(), AdcConfig.ideal(), 0.0, 0.0, NoiseManagement.NONE,
                BoundManagement.NONE, 1.0);
    }

    /** Whether this periphery changes nothing: ideal converters, no noise. */
    public boolean isIdeal() {
        return dac.resolutionBits() == 0 && adc.resolutionBits() == 0 && inputNoiseSigma == 0
                && outputNoiseSigma == 0 && adc.outputBound() >= 1e29 && dac.inputBound() >= 1e29;
    }

    /** A copy with another ADC. */
    public PeripheryConfig withAdc(AdcConfig newAdc) {
        return new PeripheryConfig(dac, newAdc, inputNoiseSigma, outputNoiseSigma, noiseManagement,
                boundManagement, maxBoundManagementFactor);
    }

    /** A copy with another DAC. */
    public PeripheryConfig withDac(DacConfig newDac) {
        return new PeripheryConfig(newDac, adc, inputNoiseSigma, outputNoiseSigma, noiseManagement,
                boundManagement, maxBoundManagementFactor);
    }

    /** A copy with another output noise. */
    public PeripheryConfig withOutputNoiseSigma(double newOutputNoiseSigma) {
        return new PeripheryConfig(dac, adc, inputNoiseSigma, newOutputNoiseSigma, noiseManagement,
                boundManagement, maxBoundManagementFactor);
    }
}
