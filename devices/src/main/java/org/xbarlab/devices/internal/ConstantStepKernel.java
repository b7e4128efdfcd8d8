package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;

/**
 * Ideal continuous and aihwkit constant-step devices: up {@code g += s+ (1 + sigma xi)}, down {@code g -= s- (1 +
 * sigma xi)}, plus the additive window noise, clipped to the device's bounds after every pulse.
 */
final class ConstantStepKernel extends ResponseKernel {

    private final double nominalStep;
    private final double asymmetry;
    private final boolean weightBounds;
    private final double origin;

    ConstantStepKernel(DeviceConfig config, double nominalStep, double asymmetry, boolean weightBounds,
                       double origin) {
        super(config);
        this.nominalStep = nominalStep;
        this.asymmetry = asymmetry;
        this.weightBounds = weightBounds;
        this.origin = origin;
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, false);
        sampleSteps(parameters, nominalStep, asymmetry, draws);
        if (weightBounds) {
            var response = (org.xbarlab.devices.response.WeightUnitResponseConfig) config.response();
            sampleWeightBounds(parameters, origin, scale(config, response), response.minWeight(),
                    response.maxWeight(), draws);
        } else {
            sampleWindowBounds(parameters, draws);
        }
        return parameters;
    }

    @Override
    public float pulse(DeviceParameters p, int device, float conductance, int pulses, NormalSource normals) {
        float lo = p.boundMin[device];
        float hi = p.boundMax[device];
        float g = conductance;
        float step = pulses > 0 ? p.stepUp[device] : -p.stepDown[device];
        int n = Math.abs(pulses);
        float sigma = sigmaRelative;
        for (int k = 0; k < n; k++) {
            float delta = sigma == 0 ? step : step * (1 + sigma * normals.next());
            g = clamp(addWindowNoise(g + delta, normals), lo, hi);
        }
        return g;
    }
}
