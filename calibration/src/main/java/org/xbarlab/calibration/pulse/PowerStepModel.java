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
    private static final double MAX_GAMMA = 100;

    @Override
    String name() {
        return "pow-step";
    }

    @Override
    String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    Kind[] kinds() {
        return KINDS.clone();
    }

    @Override
    boolean fitsWindow() {
        return true;
    }

    @Override
    int[] stepIndices() {
        return new int[] {2, 3};
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
        double[] constant = new ConstantStepModel().starts(pairs).get(0);
        return new double[] {pairs.range(), pairs.range(), constant[0], constant[1], 1, 1};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        List<double[]> starts = new ArrayList<>();
        double[] lower = lower(pairs);
        double[] upper = upper(pairs);
        for (double[] soft : new SoftBoundsModel().starts(pairs)) {
            for (double gamma : new double[] {0.5, 1, 2}) {
                // Match the mean observed step of each direction over the observed readings.
                double min = soft[0];
                double max = soft[1];
                double up = meanFactor(pairs, true, min, max, gamma);
                double down = meanFactor(pairs, false, min, max, gamma);
                double sUp = ConstantStepModel.positive(pairs.meanStep(true), pairs) / Math.max(up, 1e-3);
                double sDown = ConstantStepModel.positive(-pairs.meanStep(false), pairs) / Math.max(down, 1e-3);
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

    private static double clampGamma(double gamma) {
        return Double.isFinite(gamma) ? Math.max(0, Math.min(MAX_GAMMA, gamma)) : 0;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] steps = steps(stepSize(p[2], p[3], p[0], p[1]), asymmetry(p[2], p[3]), p[0], p[1]);
        double gamma = Math.max(clampGamma(p[4]), clampGamma(p[5]));
        double beta = asymmetry(clampGamma(p[4]), clampGamma(p[5]));
        return new double[] {p[0], p[1], steps[0], steps[1], gamma * (1 + Math.min(beta, 0)),
            gamma * (1 - Math.max(beta, 0))};
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

    /** Per-device {(g'_d), (r'_d)} of the exponents relative to the nominal gamma, with estimation variances. */
    private static double[][] exponentSpreads(List<UnitFit> fits, double[] nominal) {
        double gamma = Math.max(nominal[4], nominal[5]);
        int n = fits.size();
        double[][] out = new double[4][n];
        for (int d = 0; d < n; d++) {
            UnitFit fit = fits.get(d);
            double up = fit.parameters()[4];
            double down = fit.parameters()[5];
            out[0][d] = (up + down) / (2 * gamma);
            out[1][d] = (up - down) / (2 * gamma);
            double cuu = fit.covariance(4, 4);
            double cdd = fit.covariance(5, 5);
            double cud = fit.covariance(4, 5);
            out[2][d] = (cuu + cdd + 2 * cud) / (4 * gamma * gamma);
            out[3][d] = (cuu + cdd - 2 * cud) / (4 * gamma * gamma);
        }
        return out;
    }

    @Override
    double nonlinearitySpread(List<UnitFit> fits, double[] nominal) {
        if (!(Math.max(nominal[4], nominal[5]) > 0)) {
            return 0;
        }
        double[][] spreads = exponentSpreads(fits, nominal);
        return Spread.corrected(spreads[0], spreads[2]);
    }

    @Override
    PulseResponseConfig nominalResponse(List<UnitFit> fits, double[] nominal, double low, double high) {
        double spread = 0;
        if (fits.size() > 1 && Math.max(nominal[4], nominal[5]) > 0) {
            double[][] spreads = exponentSpreads(fits, nominal);
            spread = Spread.corrected(spreads[1], spreads[3]);
        }
        return response(nominal, spread("gammaUpDownDeviceToDevice", spread, 10, new java.util.ArrayList<>()));
    }
}
