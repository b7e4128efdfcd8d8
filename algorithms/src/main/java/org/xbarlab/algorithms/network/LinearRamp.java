package org.xbarlab.algorithms.network;

/**
 * PyTorch's {@code LinearLR} factor, shared by every linear learning-rate schedule:
 * {@code start + (end − start)·min(e, E)/E}.
 */
public final class LinearRamp {

    private LinearRamp() {
    }

    /**
     * The factor of an epoch.
     *
     * @param start the factor at epoch 0
     * @param end the factor reached after {@code span} epochs and kept afterwards
     * @param epoch the epoch, from 0
     * @param span {@code E}, the epochs over which the factor changes, at least 1
     * @return the factor
     */
    public static double factor(double start, double end, int epoch, int span) {
        return start + (end - start) * Math.min(epoch, span) / span;
    }
}
