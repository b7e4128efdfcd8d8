package org.xbarlab.devices;

/** Whether a device still responds to writes. */
public enum DeviceHealth {
    /** Responds to pulses and programming. */
    WORKING,
    /** Stuck at the lower end of its window since construction. */
    STUCK_AT_MIN,
    /** Stuck at the upper end of its window since construction. */
    STUCK_AT_MAX,
    /** Exceeded the endurance limit and stuck at the conductance it had then. */
    WORN_OUT
}
