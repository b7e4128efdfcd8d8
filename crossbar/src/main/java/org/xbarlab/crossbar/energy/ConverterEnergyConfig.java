package org.xbarlab.crossbar.energy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the energy of one data conversion (ADC or DAC) depends on its resolution and rate. A family of models chosen
 * in config files by the {@code model} key:
 *
 * <ul>
 *   <li>{@code "schreier-envelope"} ({@link SchreierConverterEnergyConfig}): the state-of-the-art envelope of the
 *       Schreier figure of merit in Murmann's ADC performance survey, which falls off above a corner frequency;</li>
 *   <li>{@code "walden"} ({@link WaldenConverterEnergyConfig}): a fixed Walden figure of merit, energy per
 *       conversion step;</li>
 *   <li>{@code "fixed-energy"} ({@link FixedConverterEnergyConfig}): a fixed energy per conversion, for example a
 *       figure quoted by a peer simulator (NeuroSim's read circuit).</li>
 * </ul>
 *
 * <p>The type names are part of the config format and never change once published.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SchreierConverterEnergyConfig.class, name = "schreier-envelope"),
    @JsonSubTypes.Type(value = WaldenConverterEnergyConfig.class, name = "walden"),
    @JsonSubTypes.Type(value = FixedConverterEnergyConfig.class, name = "fixed-energy")
})
public sealed interface ConverterEnergyConfig
        permits SchreierConverterEnergyConfig, WaldenConverterEnergyConfig, FixedConverterEnergyConfig {

    /**
     * Energy of one conversion.
     *
     * @param resolutionBits nominal resolution, at least 1; the effective number of bits is taken equal to it
     * @param sampleRateHertz conversion rate (Hz), positive; may be infinite only for models that do not
     *     {@link #dependsOnSampleRate() depend on it}
     * @return the energy (J), finite and non-negative
     * @throws IllegalArgumentException if {@code resolutionBits < 1} or the rate is not allowed
     */
    double energyPerConversionJoules(int resolutionBits, double sampleRateHertz);

    /**
     * Whether {@link #energyPerConversionJoules(int, double)} depends on the sample rate; if it does, the
     * conversion time that sets the rate must be positive.
     *
     * @return true for rate-dependent models
     */
    boolean dependsOnSampleRate();

    /**
     * The ideal signal-to-noise-and-distortion ratio of a {@code bits}-bit converter, {@code 6.02·bits + 1.76} dB
     * (the definition of the effective number of bits used by Walden and by Murmann's survey).
     *
     * @param bits resolution
     * @return SNDR (dB)
     */
    static double idealSndrDecibels(int bits) {
        return 6.02 * bits + 1.76;
    }
}
