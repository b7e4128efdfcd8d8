package org.xbarlab.calibration.pulse;

import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * The devices module's {@code ideal} device: {@code stepCount} equal steps across the window, up/down asymmetry beta
 * (aihwkit's convention). Fitted as a constant step (s+, s-) on the observed window, then written with
 * {@code stepCount = round((Gmax - Gmin) / max(s+, s-))} and {@code beta = (s+ - s-) / max(s+, s-)}; the final
 * statistics use those rounded steps.
 */
final class IdealModel extends ConstantStepModel {

    IdealModel() {
        super("ideal");
    }

    @Override
    boolean boundsRelativeToWindow() {
        return true;
    }

    static int stepCount(double up, double down, double low, double high) {
        double count = Math.rint((high - low) / Math.max(up, down));
        return (int) Math.max(1, Math.min(1_000_000, count));
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        int count = stepCount(p[0], p[1], low, high);
        double beta = asymmetry(p[0], p[1]);
        return upDown((high - low) / count, beta);
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new IdealResponseConfig(stepCount(p[0], p[1], low, high), asymmetry(p[0], p[1]));
    }
}
