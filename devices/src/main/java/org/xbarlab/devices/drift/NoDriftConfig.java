package org.xbarlab.devices.drift;

/** No drift: the conductance stays at its programmed value ({@code "model": "none"}). */
public record NoDriftConfig() implements DriftConfig {

    /**
     * The only configuration of this model.
     *
     * @return a config without drift
     */
    public static NoDriftConfig defaults() {
        return new NoDriftConfig();
    }
}
