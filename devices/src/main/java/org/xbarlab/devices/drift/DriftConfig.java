package org.xbarlab.devices.drift;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Conductance drift after programming. The JSON key {@code "model"} chooses the member; its names are part of the
 * file format:
 * <ul>
 *   <li>{@code "none"}: {@link NoDriftConfig}, no drift;</li>
 *   <li>{@code "power-law"}: {@link PowerLawDriftConfig}, {@code G = G_prog·(t/t0)^(−ν)} with ν normal per
 *       device;</li>
 *   <li>{@code "pcm"}: {@link PcmDriftConfig}, the same law with aihwkit's conductance-dependent distribution of
 *       ν for PCM (Nandakumar et al., ICECS 2019).</li>
 * </ul>
 * Build the runtime model with {@link Drift#from(DriftConfig, double)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoDriftConfig.class, name = "none"),
    @JsonSubTypes.Type(value = PowerLawDriftConfig.class, name = "power-law"),
    @JsonSubTypes.Type(value = PcmDriftConfig.class, name = "pcm")
})
public sealed interface DriftConfig permits NoDriftConfig, PowerLawDriftConfig, PcmDriftConfig {
}
