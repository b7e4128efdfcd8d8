package org.xbarlab.devices.noise;

/** Exact reads: a read returns the conductance unchanged ({@code "model": "none"}). */
public record NoReadNoiseConfig() implements ReadNoiseConfig {

    /**
     * The only configuration of this model.
     *
     * @return a config without read noise
     */
    public static NoReadNoiseConfig defaults() {
        return new NoReadNoiseConfig();
    }
}
