package org.xbarlab.devices.internal;

import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.ConstantStepResponseConfig;
import org.xbarlab.devices.response.ExponentialStepResponseConfig;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.PowerStepResponseConfig;
import org.xbarlab.devices.response.QuantizedResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;
import org.xbarlab.devices.response.WeightUnitResponseConfig;

/**
 * The vectorizable core of a pulse-response model: per-device parameter sampling at construction and the update of
 * one device by a signed number of pulses. Implementations are immutable; the per-device state lives in the
 * caller's arrays. Equations: see each {@code org.xbarlab.devices.response} record and {@code docs/devices.md}.
 */
public abstract class ResponseKernel {

    /** The device. */
    protected final DeviceConfig config;
    /** Nominal window ends and width (S). */
    protected final double minConductance;
    /** Upper end of the nominal window (S). */
    protected final double maxConductance;
    /** Width of the nominal window (S). */
    protected final double window;
    /** Relative cycle-to-cycle spread of a step (aihwkit dw_min_std). */
    protected final float sigmaRelative;
    /** Additive cycle-to-cycle spread per pulse (S) (NeuroSim sigmaCtoC times the window). */
    protected final float sigmaWindow;

    /**
     * @param config the device
     */
    protected ResponseKernel(DeviceConfig config) {
        this.config = config;
        this.minConductance = config.minConductanceSiemens();
        this.maxConductance = config.maxConductanceSiemens();
        this.window = maxConductance - minConductance;
        this.sigmaRelative = (float) config.variation().cycleToCycleRelative();
        this.sigmaWindow = (float) (config.variation().cycleToCycleWindowFraction() * window);
    }

    /**
     * The kernel of a device config.
     *
     * @param config the device, not null
     * @return its kernel
     */
    public static ResponseKernel of(DeviceConfig config) {
        var response = config.response();
        if (response instanceof IdealResponseConfig ideal) {
            return new ConstantStepKernel(config, config.windowSiemens() / ideal.stepCount(),
                    ideal.upDownAsymmetry(), false, 0);
        }
        if (response instanceof QuantizedResponseConfig quantized) {
            return new QuantizedKernel(config, quantized);
        }
        if (response instanceof ConstantStepResponseConfig constant) {
            return new ConstantStepKernel(config, constant.stepSize() * scale(config, constant),
                    constant.upDownAsymmetry(), true, origin(config, constant));
        }
        if (response instanceof LinearStepResponseConfig linear) {
            return new LinearStepKernel(config, linear);
        }
        if (response instanceof SoftBoundsResponseConfig soft) {
            return new LinearStepKernel(config, soft);
        }
        if (response instanceof ExponentialStepResponseConfig exp) {
            return new ExponentialStepKernel(config, exp);
        }
        if (response instanceof PowerStepResponseConfig pow) {
            return new PowerStepKernel(config, pow);
        }
        return new NeuroSimKernel(config, (NeuroSimNonlinearResponseConfig) response);
    }

    /**
     * Siemens per normalized weight unit.
     *
     * @param config the device
     * @param response its weight-unit response
     * @return kappa (S)
     */
    static double scale(DeviceConfig config, WeightUnitResponseConfig response) {
        return config.windowSiemens() / (response.maxWeight() - response.minWeight());
    }

    /**
     * The conductance of weight 0.
     *
     * @param config the device
     * @param response its weight-unit response
     * @return the origin (S)
     */
    static double origin(DeviceConfig config, WeightUnitResponseConfig response) {
        return config.minConductanceSiemens() - response.minWeight() * scale(config, response);
    }

    /**
     * Draws the per-device parameters.
     *
     * @param count number of devices
     * @param draws the construction streams
     * @return the parameters
     */
    public abstract DeviceParameters sample(int count, Construction draws);

    /**
     * Applies {@code pulses} pulses (positive: potentiation) to one device.
     *
     * @param parameters the population's parameters
     * @param device the device index
     * @param conductance its present conductance (S), inside its bounds
     * @param pulses signed pulse count, not 0
     * @param normals source of the cycle-to-cycle normals
     * @return the new conductance (S), inside the device's bounds
     */
    public abstract float pulse(DeviceParameters parameters, int device, float conductance, int pulses,
                                NormalSource normals);

    /**
     * The conductance a direct write can reach nearest to {@code conductance}: itself for continuous models, the
     * nearest level for quantized ones. The result is clipped to the device's bounds.
     *
     * @param parameters the population's parameters
     * @param device the device index
     * @param conductance the requested conductance (S)
     * @return the reachable conductance (S)
     */
    public float reachable(DeviceParameters parameters, int device, float conductance) {
        return clamp(conductance, parameters.boundMin[device], parameters.boundMax[device]);
    }

    /**
     * Whether {@link #reachable} is the plain clip to the device's bounds (continuous models), so that a direct
     * write without programming noise is a clip-and-copy. Models that override {@link #reachable} must return
     * false.
     *
     * @return true for continuous models
     */
    public boolean reachableIsClip() {
        return true;
    }

    /**
     * Clamps to [lo, hi].
     *
     * @param value the value
     * @param lo lower end
     * @param hi upper end
     * @return the clamped value
     */
    protected static float clamp(float value, float lo, float hi) {
        return value < lo ? lo : (value > hi ? hi : value);
    }

    /**
     * Draws step sizes as aihwkit's {@code PulsedDevice.populate}: gain {@code g = 1 + d2d xi} (or {@code exp(d2d
     * xi)}), {@code r = up_down_dtod xi}, {@code up = s (g + r + min(beta, 0))}, {@code down = s (g - r -
     * max(beta, 0))}, both made positive.
     *
     * @param parameters receives the steps
     * @param nominalStep s (S)
     * @param asymmetry beta
     * @param draws the construction streams
     */
    protected void sampleSteps(DeviceParameters parameters, double nominalStep, double asymmetry,
                               Construction draws) {
        VariationConfig variation = config.variation();
        float[] up = parameters.stepUp;
        float[] down = parameters.stepDown;
        int count = up.length;
        double spread = variation.stepDeviceToDeviceRelative();
        double asymmetrySpread = variation.upDownDeviceToDevice();
        if (spread > 0) {
            draws.normals(Construction.STEP_GAIN, up);
        }
        if (asymmetrySpread > 0) {
            draws.normals(Construction.STEP_ASYMMETRY, down);
        }
        double upBias = Math.min(asymmetry, 0);
        double downBias = Math.max(asymmetry, 0);
        boolean logNormal = variation.stepDeviceToDeviceLogNormal();
        for (int i = 0; i < count; i++) {
            double gain = spread == 0 ? 1 : (logNormal ? Math.exp(spread * up[i]) : 1 + spread * up[i]);
            double r = asymmetrySpread == 0 ? 0 : asymmetrySpread * down[i];
            up[i] = (float) Math.abs(nominalStep * (gain + r + upBias));
            down[i] = (float) Math.abs(nominalStep * (gain - r - downBias));
        }
    }

    /**
     * Draws bounds in weight units relative to the origin (aihwkit): {@code b+ = origin + kappa max(0, w_max (1 +
     * sigma xi))}, {@code b- = origin + kappa min(0, w_min (1 + sigma xi))}, clipped at 0 S.
     *
     * @param parameters receives the bounds
     * @param origin conductance of weight 0 (S)
     * @param kappa siemens per weight unit
     * @param minWeight w_min
     * @param maxWeight w_max
     * @param draws the construction streams
     */
    protected void sampleWeightBounds(DeviceParameters parameters, double origin, double kappa, double minWeight,
                                      double maxWeight, Construction draws) {
        VariationConfig variation = config.variation();
        float[] hi = parameters.boundMax;
        float[] lo = parameters.boundMin;
        double sigmaMax = variation.maxBoundDeviceToDeviceRelative();
        double sigmaMin = variation.minBoundDeviceToDeviceRelative();
        if (sigmaMax > 0) {
            draws.normals(Construction.BOUND_MAX, hi);
        }
        if (sigmaMin > 0) {
            draws.normals(Construction.BOUND_MIN, lo);
        }
        for (int i = 0; i < hi.length; i++) {
            double upper = maxWeight * (sigmaMax == 0 ? 1 : 1 + sigmaMax * hi[i]);
            double lower = minWeight * (sigmaMin == 0 ? 1 : 1 + sigmaMin * lo[i]);
            hi[i] = (float) Math.max(0, origin + kappa * Math.max(0, upper));
            lo[i] = (float) Math.max(0, origin + kappa * Math.min(0, lower));
        }
    }

    /**
     * Draws bounds relative to the window (ideal and NeuroSim models): {@code b+ = Gmax + sigma_max (Gmax - Gmin)
     * xi}, {@code b- = Gmin + sigma_min (Gmax - Gmin) xi}, clipped at 0 S and swapped if they cross.
     *
     * @param parameters receives the bounds
     * @param draws the construction streams
     */
    protected void sampleWindowBounds(DeviceParameters parameters, Construction draws) {
        VariationConfig variation = config.variation();
        float[] hi = parameters.boundMax;
        float[] lo = parameters.boundMin;
        double sigmaMax = variation.maxBoundDeviceToDeviceRelative();
        double sigmaMin = variation.minBoundDeviceToDeviceRelative();
        if (sigmaMax > 0) {
            draws.normals(Construction.BOUND_MAX, hi);
        }
        if (sigmaMin > 0) {
            draws.normals(Construction.BOUND_MIN, lo);
        }
        for (int i = 0; i < hi.length; i++) {
            double upper = Math.max(0, maxConductance + (sigmaMax == 0 ? 0 : sigmaMax * window * hi[i]));
            double lower = Math.max(0, minConductance + (sigmaMin == 0 ? 0 : sigmaMin * window * lo[i]));
            hi[i] = (float) Math.max(upper, lower);
            lo[i] = (float) Math.min(upper, lower);
        }
    }

    /**
     * Adds the additive per-pulse cycle-to-cycle noise (NeuroSim's sigmaCtoC) to a conductance.
     *
     * @param conductance the conductance (S)
     * @param normals the normals
     * @return the noisy conductance (S), unclipped
     */
    protected final float addWindowNoise(float conductance, NormalSource normals) {
        return sigmaWindow == 0 ? conductance : conductance + sigmaWindow * normals.next();
    }
}
