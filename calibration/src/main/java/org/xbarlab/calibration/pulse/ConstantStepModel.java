package org.xbarlab.calibration.pulse;

import java.util.List;

import org.xbarlab.devices.response.ConstantStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * aihwkit's {@code ConstantStepDevice} (devices {@code constant-step}): up {@code G + s+}, down {@code G - s-},
 * clipped to the window. Parameters: {@code potentiationStepSiemens} s+, {@code depressionStepSiemens} s-. Hard
 * bounds: the window is the observed range.
 */
class ConstantStepModel extends PulseModel {

    private static final String[] NAMES = {"potentiationStepSiemens", "depressionStepSiemens"};
    private static final Kind[] KINDS = {Kind.STEP, Kind.STEP};

    ConstantStepModel() {
        this("constant-step");
    }

    /**
     * @param name the JSON name of a model fitted as a constant step ({@code "ideal"}, {@code "ideal-levels"})
     */
    ConstantStepModel(String name) {
        super(name, NAMES, KINDS, false, new int[] {0, 1});
    }

    @Override
    Response response(double[] p, double low, double high) {
        double up = p[0];
        double down = p[1];
        return (g, isUp) -> clip(clip(g, low, high) + (isUp ? up : -down), low, high);
    }

    @Override
    double[] lower(Pairs pairs) {
        return new double[] {1e-7 * pairs.range(), 1e-7 * pairs.range()};
    }

    @Override
    double[] upper(Pairs pairs) {
        return new double[] {pairs.range(), pairs.range()};
    }

    @Override
    double[] typical(Pairs pairs) {
        return meanSteps(pairs);
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        return List.<double[]>of(meanSteps(pairs));
    }

    /**
     * The mean observed steps, the starting point of a constant step and the step scale of the other models.
     *
     * @param pairs the unit's observations (normalized)
     * @return {s+, s-}, each {@link #positive}
     */
    static double[] meanSteps(Pairs pairs) {
        double up = positive(pairs.meanStep(true), pairs);
        double down = positive(-pairs.meanStep(false), pairs);
        return new double[] {up, down};
    }

    static double positive(double step, Pairs pairs) {
        double min = 1e-6 * pairs.range();
        return Double.isFinite(step) && step > min ? Math.min(step, pairs.range()) : min * 10;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        return legalSteps(p[0], p[1], low, high);
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new ConstantStepResponseConfig(stepSize(p[0], p[1], low, high), -1, 1, asymmetry(p[0], p[1]));
    }
}
