package org.xbarlab.devices.noise;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Programming noise of a device: how the conductance reached by one direct write (or one write-verify attempt)
 * differs from its target. Drawn once per write; the result is the new device state. The JSON key {@code "model"}
 * chooses the member; its names are part of the file format:
 * <ul>
 *   <li>{@code "none"}: {@link NoProgrammingNoiseConfig}, exact writes;</li>
 *   <li>{@code "gaussian"}: {@link GaussianProgrammingNoiseConfig}, an absolute plus a relative Gaussian term;</li>
 *   <li>{@code "polynomial"}: {@link PolynomialProgrammingNoiseConfig}, sigma a polynomial of the target conductance
 *       (aihwkit's PCM programming noise by default).</li>
 * </ul>
 * Build the runtime model with {@link ProgrammingNoise#from(ProgrammingNoiseConfig, double)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoProgrammingNoiseConfig.class, name = "none"),
    @JsonSubTypes.Type(value = GaussianProgrammingNoiseConfig.class, name = "gaussian"),
    @JsonSubTypes.Type(value = PolynomialProgrammingNoiseConfig.class, name = "polynomial")
})
public sealed interface ProgrammingNoiseConfig
        permits NoProgrammingNoiseConfig, GaussianProgrammingNoiseConfig, PolynomialProgrammingNoiseConfig {
}
