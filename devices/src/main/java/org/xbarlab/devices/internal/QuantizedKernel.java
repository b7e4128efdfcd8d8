package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.response.QuantizedResponseConfig;

/**
 * Ideal device with equally spaced levels between each device's bounds; a pulse moves a whole number of levels.
 * Cycle-to-cycle variation is not used: it would leave the level grid.
 */
final class QuantizedKernel extends ResponseKernel {

    private final int lastLevel;
    private final int upLevels;
    private final int downLevels;

    QuantizedKernel(DeviceConfig config, QuantizedResponseConfig response) {
        super(config);
        this.lastLevel = response.levelCount() - 1;
        this.upLevels = response.upLevelsPerPulse();
        this.downLevels = response.downLevelsPerPulse();
    }

    @Override
    public DeviceParameters sample(int count, Construction draws) {
        DeviceParameters parameters = new DeviceParameters(count, false);
        sampleWindowBounds(parameters, draws);
        for (int i = 0; i < count; i++) {
            float step = (parameters.boundMax[i] - parameters.boundMin[i]) / lastLevel;
            parameters.stepUp[i] = step * upLevels;
            parameters.stepDown[i] = step * downLevels;
        }
        return parameters;
    }

    private long level(DeviceParameters p, int device, float conductance) {
        float lo = p.boundMin[device];
        float width = p.boundMax[device] - lo;
        if (width <= 0) {
            return 0;
        }
        // Ties round upward (floor(x + 0.5)).
        long level = (long) Math.floor((double) (conductance - lo) / width * lastLevel + 0.5);
        return Math.max(0, Math.min(lastLevel, level));
    }

    private float conductance(DeviceParameters p, int device, long level) {
        float lo = p.boundMin[device];
        float hi = p.boundMax[device];
        if (level >= lastLevel) {
            return hi;
        }
        return clamp((float) (lo + (double) (hi - lo) * level / lastLevel), lo, hi);
    }

    @Override
    public float pulse(DeviceParameters p, int device, float conductance, int pulses, NormalSource normals) {
        long level = level(p, device, conductance);
        long moved = pulses > 0 ? level + (long) pulses * upLevels : level + (long) pulses * downLevels;
        return conductance(p, device, Math.max(0, Math.min(lastLevel, moved)));
    }

    @Override
    public boolean reachableIsClip() {
        return false;
    }

    @Override
    public float reachable(DeviceParameters p, int device, float conductance) {
        return conductance(p, device, level(p, device, conductance));
    }
}
