package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.response.ExponentialStepResponseConfig;

/**
 * aihwkit's exp-step device: {@code z = 2 a w / (b+ - b-) + b}, {@code y+ = max(0, 1 - A_up exp(gamma_up z))},
 * {@code y- = max(0, 1 - A_down exp(-gamma_down z))}; up {@code w += y+ s+ (1 + sigma xi)}, down {@code w -= y- s-
 * (1 + sigma xi)}; with complex noise {@code w += dw + sigma (|dw| + add + slope |w|) xi}.
 */
final class ExponentialStepKernel extends ResponseKernel {

    private final ExponentialStepResponseConfig response;
    private final double kappa;
    private final double origin;
    private final boolean complexNoise;
    private final float additive;
    private final float slopeNoise;

    ExponentialStepKernel(DeviceConfig config, ExponentialStepResponseConfig response) {
        super(config);
        this.response = response;
        this.kappa = scale(config, response);
        this.origin = origin(config, response);
        this.complexNoise = response.additiveNoise() != 0 || response.slopeNoise() != 0;
        this.additive = (float) (response.additiveNoise() * kappa);
        this.slopeNoise = (float) response.slopeNoise();
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, false);
        sampleSteps(parameters, response.stepSize() * kappa, response.upDownAsymmetry(), draws);
        sampleWeightBounds(parameters, origin, kappa, response.minWeight(), response.maxWeight(), draws);
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
        double twoA = 2 * response.scale() / width;
        double b = response.offset();
        double amplitude = up ? response.amplitudeUp() : response.amplitudeDown();
        double gamma = up ? response.gammaUp() : -response.gammaDown();
        double sign = up ? 1 : -1;
        int n = Math.abs(pulses);
        float sigma = sigmaRelative;
        float g = conductance;
        for (int k = 0; k < n; k++) {
            double w = g - origin;
            double z = twoA * w + b;
            double y = Math.max(0, 1 - amplitude * Math.exp(gamma * z));
            float deterministic = (float) (sign * y * step);
            float delta;
            if (sigma == 0) {
                delta = deterministic;
            } else if (complexNoise) {
                delta = deterministic + sigma * (Math.abs(deterministic) + additive + slopeNoise * (float) Math.abs(w))
                        * normals.next();
            } else {
                delta = deterministic * (1 + sigma * normals.next());
            }
            g = clamp(addWindowNoise(g + delta, normals), lo, hi);
        }
        return g;
    }
}
