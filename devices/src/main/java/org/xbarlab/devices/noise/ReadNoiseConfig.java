package org.xbarlab.devices.noise;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Read noise of a device: how a read of a conductance differs from the conductance itself. The noise is drawn
 * fresh at every read and never changes the stored state. The JSON key {@code "model"} chooses the member; its
 * names are part of the file format:
 * <ul>
 *   <li>{@code "none"}: {@link NoReadNoiseConfig}, exact reads;</li>
 *   <li>{@code "gaussian"}: {@link GaussianReadNoiseConfig}, an absolute plus a relative Gaussian term;</li>
 *   <li>{@code "pcm"}: {@link PcmReadNoiseConfig}, the 1/f read noise of aihwkit's {@code PCMLikeNoiseModel}
 *       (Nandakumar et al., ICECS 2019), growing with the time since programming.</li>
 * </ul>
 * Build the runtime model with {@link ReadNoise#from(ReadNoiseConfig, double)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoReadNoiseConfig.class, name = "none"),
    @JsonSubTypes.Type(value = GaussianReadNoiseConfig.class, name = "gaussian"),
    @JsonSubTypes.Type(value = PcmReadNoiseConfig.class, name = "pcm")
})
public sealed interface ReadNoiseConfig permits NoReadNoiseConfig, GaussianReadNoiseConfig, PcmReadNoiseConfig {
}
