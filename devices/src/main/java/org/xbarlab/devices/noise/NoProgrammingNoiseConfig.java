package org.xbarlab.devices.noise;

/** Exact writes: programming reaches the target exactly ({@code "model": "none"}). */
public record NoProgrammingNoiseConfig() implements ProgrammingNoiseConfig {

    /**
     * The only configuration of this model.
     *
     * @return a config without programming noise
     */
    public static NoProgrammingNoiseConfig defaults() {
        return new NoProgrammingNoiseConfig();
    }
}
