package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;

/**
 * aihwkit's linear-step and soft-bounds devices: up {@code w += s+ (1 - gamma+ w / ref+) (1 + sigma xi)} (or
 * {@code + s+ sigma xi} with additive noise), down {@code w -= s- (1 - gamma- w / ref-) (...)}, with {@code w = G -
 * origin} in siemens; soft bounds is gamma = 1 with each device's own bounds as references.
 */
final class LinearStepKernel extends ResponseKernel {

    private final double nominalStep;
    private final double asymmetry;
    private final double kappa;
    private final double origin;
    private final double minWeight;
    private final double maxWeight;
    private final double gammaUp;
    private final double gammaDown;
    private final boolean softBounds;
    private final boolean meanBoundReference;
    private final boolean multiplicative;
    private final float meanReferenceUp;
    private final float meanReferenceDown;

    LinearStepKernel(DeviceConfig config, LinearStepResponseConfig linear) {
        super(config);
        this.kappa = scale(config, linear);
        this.origin = origin(config, linear);
        this.nominalStep = linear.stepSize() * kappa;
        this.asymmetry = linear.upDownAsymmetry();
        this.minWeight = linear.minWeight();
        this.maxWeight = linear.maxWeight();
        this.gammaUp = linear.gammaUp();
        this.gammaDown = linear.gammaDown();
        this.softBounds = false;
        this.meanBoundReference = linear.meanBoundReference();
        this.multiplicative = linear.multiplicativeNoise();
        this.meanReferenceUp = (float) (maxWeight * kappa);
        this.meanReferenceDown = (float) (minWeight * kappa);
    }

    LinearStepKernel(DeviceConfig config, SoftBoundsResponseConfig soft) {
        super(config);
        this.kappa = scale(config, soft);
        this.origin = origin(config, soft);
        this.nominalStep = soft.stepSize() * kappa;
        this.asymmetry = soft.upDownAsymmetry();
        this.minWeight = soft.minWeight();
        this.maxWeight = soft.maxWeight();
        this.gammaUp = 1;
        this.gammaDown = 1;
        this.softBounds = true;
        this.meanBoundReference = false;
        this.multiplicative = soft.multiplicativeNoise();
        this.meanReferenceUp = (float) (maxWeight * kappa);
        this.meanReferenceDown = (float) (minWeight * kappa);
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, true);
        sampleSteps(parameters, nominalStep, asymmetry, draws);
        sampleWeightBounds(parameters, origin, kappa, minWeight, maxWeight, draws);
        float[] up = parameters.shapeUp;
        float[] down = parameters.shapeDown;
        double spread = softBounds ? 0 : config.variation().nonlinearityDeviceToDevice();
        if (spread > 0) {
            draws.normals(Construction.SHAPE_UP, up);
            draws.normals(Construction.SHAPE_DOWN, down);
        }
        for (int i = 0; i < count; i++) {
            up[i] = (float) Math.abs(gammaUp + (spread == 0 ? 0 : spread * up[i]));
            down[i] = (float) Math.abs(gammaDown + (spread == 0 ? 0 : spread * down[i]));
        }
        return parameters;
    }

    @Override
    public float pulse(DeviceParameters p, int device, float conductance, int pulses, NormalSource normals) {
        float lo = p.boundMin[device];
        float hi = p.boundMax[device];
        float base = (float) origin;
        float g = conductance;
        boolean up = pulses > 0;
        float step = up ? p.stepUp[device] : p.stepDown[device];
        float gamma = up ? p.shapeUp[device] : p.shapeDown[device];
        float reference;
        if (meanBoundReference) {
            reference = up ? meanReferenceUp : meanReferenceDown;
        } else {
            reference = up ? hi - base : lo - base;
        }
        // A zero-width half of the window has no step (avoids 0/0).
        float slope = reference == 0 ? 0 : gamma / reference;
        float sign = up ? 1f : -1f;
        int n = Math.abs(pulses);
        float sigma = sigmaRelative;
        for (int k = 0; k < n; k++) {
            float w = g - base;
            float deterministic = reference == 0 ? 0 : step * (1 - slope * w);
            float delta;
            if (sigma == 0) {
                delta = deterministic;
            } else if (multiplicative) {
                delta = deterministic * (1 + sigma * normals.next());
            } else {
                delta = deterministic + step * sigma * normals.next();
            }
            g = clamp(addWindowNoise(g + sign * delta, normals), lo, hi);
        }
        return g;
    }
}
