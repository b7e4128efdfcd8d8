package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.devices.response.PowerStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * aihwkit's {@code PowStepDevice} (devices {@code pow-step}; Fusi and Abbott style): with {@code omega = (Gmax - G) /
 * (Gmax - Gmin)}, up {@code G + s+ omega^gamma+}, down {@code G - s- (1 - omega)^gamma-}, clipped to the window.
 * Parameters: {@code minConductanceSiemens}, {@code maxConductanceSiemens} (where the steps vanish),
 * {@code potentiationStepSiemens} s+ (the up step at Gmin), {@code depressionStepSiemens} s- (the down step at
 * Gmax), {@code gammaUp}, {@code gammaDown}; written as {@code gamma = max(gamma+, gamma-)} and
 * {@code gammaUpDownAsymmetry = (gamma+ - gamma-) / gamma}. Device-to-device: steps, bounds, the exponent's relative
 * spread ({@code nonlinearityDeviceToDevice}, from {@code (gamma+ + gamma-) / (2 gamma)}) and its up/down spread
 * ({@code gammaUpDownDeviceToDevice}, from {@code (gamma+ - gamma-) / (2 gamma)}), as aihwkit draws them.
 */
final class PowerStepModel extends PulseModel {

    private static final String[] NAMES = {"minConductanceSiemens", "maxConductanceSiemens",
        "potentiationStepSiemens", "depressionStepSiemens", "gammaUp", "gammaDown"};
    private static final Kind[] KINDS = {Kind.CONDUCTANCE, Kind.CONDUCTANCE, Kind.STEP, Kind.STEP, Kind.NUMBER,
        Kind.NUMBER};

    PowerStepModel() {
        super("pow-step", NAMES, KINDS, true, new int[] {2, 3});
    }

    @Override
    Response response(double[] p, double low, double high) {
        double min = p[0];
        double max = p[1];
        double width = max - min;
        return (g, isUp) -> {
            if (!(width > 0)) {
                return g;
            }
            double x = clip(g, min, max);
            double omega = Math.max(0, Math.min(1, (max - x) / width));
            double next = isUp ? x + p[2] * Math.pow(omega, p[4]) : x - p[3] * Math.pow(1 - omega, p[5]);
            return clip(next, min, max);
        };
    }

    @Override
    double[] lower(Pairs pairs) {
        double[] window = SoftBoundsModel.windowLower(pairs);
        return new double[] {window[0], window[1], 1e-7 * pairs.range(), 1e-7 * pairs.range(), 0, 0};
    }

    @Override
    double[] upper(Pairs pairs) {
        double[] window = SoftBoundsModel.windowUpper(pairs);
        return new double[] {window[0], window[1], 4 * pairs.range(), 4 * pairs.range(), MAX_GAMMA, MAX_GAMMA};
    }

    @Override
    double[] typical(Pairs pairs) {
        double[] constant = ConstantStepModel.meanSteps(pairs);
        return new double[] {pairs.range(), pairs.range(), constant[0], constant[1], 1, 1};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        List<double[]> starts = new ArrayList<>();
        double[] lower = lower(pairs);
        double[] upper = upper(pairs);
        double[] mean = ConstantStepModel.meanSteps(pairs);
        for (double[] soft : new SoftBoundsModel().starts(pairs)) {
            for (double gamma : new double[] {0.5, 1, 2}) {
                // Match the mean observed step of each direction over the observed readings.
                double min = soft[0];
                double max = soft[1];
                double up = meanFactor(pairs, true, min, max, gamma);
                double down = meanFactor(pairs, false, min, max, gamma);
                double sUp = mean[0] / Math.max(up, 1e-3);
                double sDown = mean[1] / Math.max(down, 1e-3);
                starts.add(new double[] {min, max, Math.max(lower[2], Math.min(upper[2], sUp)),
                    Math.max(lower[3], Math.min(upper[3], sDown)), gamma, gamma});
            }
        }
        return starts;
    }

    private static double meanFactor(Pairs pairs, boolean up, double min, double max, double gamma) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.up[i] == up) {
                double omega = Math.max(0, Math.min(1, (max - pairs.before[i]) / (max - min)));
                sum += Math.pow(up ? omega : 1 - omega, gamma);
                count++;
            }
        }
        return count == 0 ? 1 : sum / count;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] steps = legalSteps(p[2], p[3], p[0], p[1]);
        double gamma = Math.max(clampGamma(p[4]), clampGamma(p[5]));
        double[] gammas = upDown(gamma, asymmetry(clampGamma(p[4]), clampGamma(p[5])));
        return new double[] {p[0], p[1], steps[0], steps[1], gammas[0], gammas[1]};
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return response(p, 0);
    }

    private PowerStepResponseConfig response(double[] p, double gammaUpDownSpread) {
        double gamma = Math.max(p[4], p[5]);
        return new PowerStepResponseConfig(stepSize(p[2], p[3], p[0], p[1]), -1, 1, asymmetry(p[2], p[3]), gamma,
                asymmetry(p[4], p[5]), gammaUpDownSpread);
    }

    /**
     * The corrected spreads of the exponents' relative sum {@code (gamma+ + gamma-) / (2 gamma)} and difference
     * {@code (gamma+ - gamma-) / (2 gamma)} across devices, gamma the nominal {@code max(gamma+, gamma-)}.
     */
    private static double[] exponentSpreads(List<UnitFit> fits, double[] nominal) {
        return Spread.ofSumAndDifference(fits, 4, 5, Math.max(nominal[4], nominal[5]));
    }

    @Override
    double nonlinearitySpread(List<UnitFit> fits, double[] nominal) {
        if (!(Math.max(nominal[4], nominal[5]) > 0)) {
            return 0;
        }
        return exponentSpreads(fits, nominal)[0];
    }

    @Override
    PulseResponseConfig nominalResponse(List<UnitFit> fits, double[] nominal, double low, double high) {
        double spread = 0;
        if (fits.size() > 1 && Math.max(nominal[4], nominal[5]) > 0) {
            spread = exponentSpreads(fits, nominal)[1];
        }
        return response(nominal, spread("gammaUpDownDeviceToDevice", spread, 10, new ArrayList<>()));
    }
}
