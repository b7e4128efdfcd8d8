package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearity;

/**
 * NeuroSim's nonlinear LTP/LTD curves: invert the branch's curve at the present conductance, move the position by
 * {@code n / levels}, map back; then the write's cycle-to-cycle noise {@code (1 + sigma_rel xi)} on the change and
 * {@code N(0, sigma_win sqrt(n))}, clipped to the device's bounds.
 */
final class NeuroSimKernel extends ResponseKernel {

    /** Grid of the label-to-A table used for device-to-device draws (ln |label| from ln 1e-4 to ln 9.5). */
    private static final int TABLE_POINTS = 4097;

    private final NeuroSimNonlinearResponseConfig response;
    private final double inverseUpLevels;
    private final double inverseDownLevels;
    /**
     * The nominal normalized A of each direction (as the float the parameters hold) and its curve constant
     * {@code c = e^{−1/A} − 1}, computed once (the same expression, so the same bits) for every device at the
     * nominal A: all of them when the nonlinearity has no device-to-device spread.
     */
    private final double nominalUpA;
    private final double nominalDownA;
    private final double nominalUpC;
    private final double nominalDownC;

    NeuroSimKernel(DeviceConfig config, NeuroSimNonlinearResponseConfig response) {
        super(config);
        this.response = response;
        this.inverseUpLevels = 1.0 / response.potentiationLevelCount();
        this.inverseDownLevels = 1.0 / response.depressionLevelCount();
        // The same float the parameters hold (sample() fills them with (float) normalizedA).
        this.nominalUpA = (float) NeuroSimNonlinearity.normalizedA(response.potentiationNonlinearity());
        this.nominalDownA = (float) NeuroSimNonlinearity.normalizedA(response.depressionNonlinearity());
        this.nominalUpC = Math.exp(-1 / nominalUpA) - 1;
        this.nominalDownC = Math.exp(-1 / nominalDownA) - 1;
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, true);
        sampleWindowBounds(parameters, draws);
        for (int i = 0; i < count; i++) {
            float width = parameters.boundMax[i] - parameters.boundMin[i];
            parameters.stepUp[i] = (float) (width * inverseUpLevels);
            parameters.stepDown[i] = (float) (width * inverseDownLevels);
        }
        double spread = config.variation().nonlinearityDeviceToDevice();
        float[] up = parameters.shapeUp;
        float[] down = parameters.shapeDown;
        double upA = NeuroSimNonlinearity.normalizedA(response.potentiationNonlinearity());
        double downA = NeuroSimNonlinearity.normalizedA(response.depressionNonlinearity());
        if (spread == 0) {
            java.util.Arrays.fill(up, (float) upA);
            java.util.Arrays.fill(down, (float) downA);
            return parameters;
        }
        draws.normals(Construction.SHAPE_UP, up);
        draws.normals(Construction.SHAPE_DOWN, down);
        LabelTable table = LabelTable.INSTANCE;
        for (int i = 0; i < count; i++) {
            up[i] = (float) table.normalizedA(response.potentiationNonlinearity() + spread * up[i]);
            down[i] = (float) table.normalizedA(response.depressionNonlinearity() + spread * down[i]);
        }
        return parameters;
    }

    @Override
    public float pulse(DeviceParameters p, int device, float conductance, int pulses, NormalSource normals) {
        float lo = p.boundMin[device];
        float hi = p.boundMax[device];
        double width = hi - lo;
        if (width <= 0) {
            return conductance;
        }
        double u = Math.max(0, Math.min(1, (conductance - lo) / width));
        double a = pulses > 0 ? p.shapeUp[device] : p.shapeDown[device];
        double step = pulses * (pulses > 0 ? inverseUpLevels : inverseDownLevels);
        double moved;
        if (Double.isInfinite(a)) {
            moved = Math.max(0, Math.min(1, u + step));
        } else {
            // Same curve as NeuroSimNonlinearity.curve/position, with the intrinsic exp and log of the hot path
            // (expm1/log1p are not intrinsics; for |a| up to 1e4 the difference is below 1e-11 relative).
            double nominal = pulses > 0 ? nominalUpA : nominalDownA;
            double c = a == nominal ? (pulses > 0 ? nominalUpC : nominalDownC) : Math.exp(-1 / a) - 1;
            double x = -a * Math.log(1 + u * c);
            double next = Math.max(0, Math.min(1, x + step));
            moved = (Math.exp(-next / a) - 1) / c;
        }
        float delta = (float) ((moved - u) * width);
        if (sigmaRelative != 0) {
            delta *= 1 + sigmaRelative * normals.next();
        }
        float g = conductance + delta;
        if (sigmaWindow != 0) {
            g += (float) (sigmaWindow * Math.sqrt(Math.abs((double) pulses))) * normals.next();
        }
        return clamp(g, lo, hi);
    }

    /**
     * Interpolation table of ln|a| against ln|label|, exact at its nodes (computed with
     * {@link NeuroSimNonlinearity#normalizedA}); the interpolation error is below 1e-5 relative (the curve is
     * smooth in these coordinates).
     */
    private static final class LabelTable {
        /** Built once per JVM, on first use (class initialization is thread-safe). */
        static final LabelTable INSTANCE = new LabelTable();

        private final double lnMin = Math.log(NeuroSimNonlinearity.LINEAR_LABEL);
        private final double lnMax = Math.log(NeuroSimNonlinearity.MAX_LABEL);
        private final double spacing = (lnMax - lnMin) / (TABLE_POINTS - 1);
        private final double[] lnA = new double[TABLE_POINTS];

        LabelTable() {
            for (int k = 0; k < TABLE_POINTS; k++) {
                lnA[k] = Math.log(NeuroSimNonlinearity.normalizedA(Math.exp(lnMin + k * spacing)));
            }
        }

        double normalizedA(double label) {
            double magnitude = Math.min(Math.abs(label), NeuroSimNonlinearity.MAX_LABEL);
            if (magnitude < NeuroSimNonlinearity.LINEAR_LABEL) {
                return Double.POSITIVE_INFINITY;
            }
            double t = (Math.log(magnitude) - lnMin) / spacing;
            int k = Math.min(TABLE_POINTS - 2, (int) t);
            double f = t - k;
            return Math.signum(label) * Math.exp(lnA[k] + f * (lnA[k + 1] - lnA[k]));
        }
    }
}
