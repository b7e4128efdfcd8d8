package org.xbarlab.crossbar;

/**
 * What one outer-product update did to the devices of a crossbar.
 *
 * @param pulsesApplied write pulses that reached devices (stuck devices and cancelled pulses excluded)
 * @param pulsesFired write pulses the drivers fired (what the energy model charges)
 * @param devicesClipped devices whose change was cut by their conductance window
 */
public record UpdateResult(long pulsesApplied, long pulsesFired, long devicesClipped) {

    /** An update that did nothing. */
    public static final UpdateResult NONE = new UpdateResult(0, 0, 0);

    /** The sum of two results (for crossbars made of several tiles). */
    public UpdateResult plus(UpdateResult other) {
        return new UpdateResult(pulsesApplied + other.pulsesApplied, pulsesFired + other.pulsesFired,
                devicesClipped + other.devicesClipped);
    }
}
