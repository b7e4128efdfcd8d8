package org.xbarlab.devices.internal;

/**
 * Per-device parameters of a population, drawn once at construction, in flat arrays indexed by device. Arrays a
 * model does not need are null. All conductances and steps are in siemens.
 */
public final class DeviceParameters {

    /** Potentiation step of each device (S), before the model's state-dependent factor. */
    public final float[] stepUp;
    /** Depression step of each device (S), positive. */
    public final float[] stepDown;
    /** Lower conductance bound of each device (S). */
    public final float[] boundMin;
    /** Upper conductance bound of each device (S). */
    public final float[] boundMax;
    /** Model-specific potentiation shape (gamma, or NeuroSim's normalized A); null when not used. */
    public final float[] shapeUp;
    /** Model-specific depression shape; null when not used. */
    public final float[] shapeDown;

    /**
     * Allocates the arrays.
     *
     * @param count number of devices
     * @param withShape whether the shape arrays are needed
     */
    public DeviceParameters(int count, boolean withShape) {
        stepUp = new float[count];
        stepDown = new float[count];
        boundMin = new float[count];
        boundMax = new float[count];
        shapeUp = withShape ? new float[count] : null;
        shapeDown = withShape ? new float[count] : null;
    }

    /**
     * Bytes held by the arrays.
     *
     * @return the size of the arrays in bytes
     */
    public long bytes() {
        long perDevice = 4L * (4 + (shapeUp == null ? 0 : 2));
        return perDevice * stepUp.length;
    }
}
