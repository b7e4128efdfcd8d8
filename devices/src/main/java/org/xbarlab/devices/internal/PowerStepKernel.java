package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.response.PowerStepResponseConfig;

/**
 * aihwkit's pow-step device: {@code omega = (b+ - w) / (b+ - b-)}, up {@code w += s+ omega^gamma+ (1 + sigma xi)},
 * down {@code w -= s- (1 - omega)^gamma- (1 + sigma xi)}, with per-device exponents built like the step asymmetry.
 */
final class PowerStepKernel extends ResponseKernel {

    private final PowerStepResponseConfig response;
    private final double kappa;
    private final double origin;

    PowerStepKernel(DeviceConfig config, PowerStepResponseConfig response) {
        super(config);
        this.response = response;
        this.kappa = scale(config, response);
        this.origin = origin(config, response);
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, true);
        sampleSteps(parameters, response.stepSize() * kappa, response.upDownAsymmetry(), draws);
        sampleWeightBounds(parameters, origin, kappa, response.minWeight(), response.maxWeight(), draws);
        float[] up = parameters.shapeUp;
        float[] down = parameters.shapeDown;
        double spread = config.variation().nonlinearityDeviceToDevice();
        double asymmetrySpread = response.gammaUpDownDeviceToDevice();
        if (spread > 0) {
            draws.normals(Construction.SHAPE_UP, up);
        }
        if (asymmetrySpread > 0) {
            draws.normals(Construction.SHAPE_DOWN, down);
        }
        double gamma = response.gamma();
        double upBias = Math.min(response.gammaUpDownAsymmetry(), 0);
        double downBias = Math.max(response.gammaUpDownAsymmetry(), 0);
        for (int i = 0; i < count; i++) {
            double gain = spread == 0 ? 1 : 1 + spread * up[i];
            double r = asymmetrySpread == 0 ? 0 : asymmetrySpread * down[i];
            up[i] = (float) Math.abs(gamma * (gain + r + upBias));
            down[i] = (float) Math.abs(gamma * (gain - r - downBias));
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
        boolean up = pulses > 0;
        double step = up ? p.stepUp[device] : p.stepDown[device];
        double gamma = up ? p.shapeUp[device] : p.shapeDown[device];
        int n = Math.abs(pulses);
        float sigma = sigmaRelative;
        float g = conductance;
        for (int k = 0; k < n; k++) {
            double omega = Math.max(0, Math.min(1, (hi - g) / width));
            double factor = Math.pow(up ? omega : 1 - omega, gamma);
            float deterministic = (float) ((up ? step : -step) * factor);
            float delta = sigma == 0 ? deterministic : deterministic * (1 + sigma * normals.next());
            g = clamp(addWindowNoise(g + delta, normals), lo, hi);
        }
        return g;
    }
}
