package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * aihwkit's {@code LinearStepDevice} (devices {@code linear-step}) with each device's own bounds as references
 * ({@code meanBoundReference = false}): with {@code w = G - G0}, G0 the middle of the window and W its width, up
 * {@code G + s+ (1 - gamma+ w / (W/2))}, down {@code G - s- (1 + gamma- w / (W/2))}, clipped to the window.
 * Parameters: {@code potentiationStepSiemens} s+ and {@code depressionStepSiemens} s- (the steps at G0),
 * {@code gammaUp}, {@code gammaDown} (in [0, 100]: 0.1 makes the step 10 % smaller at the bound). Hard bounds: the
 * window is the observed range. Device-to-device: steps, bounds and the additive spread of gamma
 * ({@code nonlinearityDeviceToDevice}, pooled over both directions).
 */
final class LinearStepModel extends PulseModel {

    private static final String[] NAMES = {"potentiationStepSiemens", "depressionStepSiemens", "gammaUp",
        "gammaDown"};
    private static final Kind[] KINDS = {Kind.STEP, Kind.STEP, Kind.NUMBER, Kind.NUMBER};

    LinearStepModel() {
        super("linear-step", NAMES, KINDS, false, new int[] {0, 1});
    }

    @Override
    Response response(double[] p, double low, double high) {
        double middle = 0.5 * (low + high);
        double half = 0.5 * (high - low);
        double slopeUp = half > 0 ? p[2] / half : 0;
        double slopeDown = half > 0 ? p[3] / half : 0;
        return (g, isUp) -> {
            double x = clip(g, low, high);
            double w = x - middle;
            double next = isUp ? x + p[0] * (1 - slopeUp * w) : x - p[1] * (1 + slopeDown * w);
            return clip(next, low, high);
        };
    }

    @Override
    double[] lower(Pairs pairs) {
        return new double[] {1e-7 * pairs.range(), 1e-7 * pairs.range(), 0, 0};
    }

    @Override
    double[] upper(Pairs pairs) {
        return new double[] {pairs.range(), pairs.range(), MAX_GAMMA, MAX_GAMMA};
    }

    @Override
    double[] typical(Pairs pairs) {
        double[] constant = ConstantStepModel.meanSteps(pairs);
        return new double[] {constant[0], constant[1], 1, 1};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        double middle = 0.5 * (pairs.low + pairs.high);
        double half = 0.5 * pairs.range();
        double[] constant = ConstantStepModel.meanSteps(pairs);
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {constant[0], constant[1], 0, 0});
        // Least-squares lines of the steps against w: up step = s+ - s+ gamma+ w / half.
        double[] up = pairs.line(true, g -> g - middle);
        double[] down = pairs.line(false, g -> g - middle);
        if (up != null && down != null) {
            double sUp = ConstantStepModel.positive(up[0], pairs);
            double sDown = ConstantStepModel.positive(-down[0], pairs);
            double gUp = clampGamma(-up[1] * half / sUp);
            double gDown = clampGamma(-down[1] * half / sDown);
            starts.add(new double[] {sUp, sDown, gUp, gDown});
        }
        return starts;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] steps = legalSteps(p[0], p[1], low, high);
        return new double[] {steps[0], steps[1], clampGamma(p[2]), clampGamma(p[3])};
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new LinearStepResponseConfig(stepSize(p[0], p[1], low, high), -1, 1, asymmetry(p[0], p[1]), p[2],
                p[3], false, true);
    }

    @Override
    double nonlinearitySpread(List<UnitFit> fits, double[] nominal) {
        return Spread.pooled(fits, 2, 3);
    }
}
