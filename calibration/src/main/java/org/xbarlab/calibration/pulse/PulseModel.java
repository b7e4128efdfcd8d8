package org.xbarlab.calibration.pulse;

import java.util.List;

import org.xbarlab.core.Checks;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * One pulse-response model of the devices module, seen as a deterministic one-pulse map {@code G -> G'} of fit
 * parameters. The map is affine-covariant: shifting and scaling every conductance (readings, bounds, steps) shifts
 * and scales the result, so fits run in normalized units and convert back by the parameters' {@link Kind}s.
 *
 * <p>Conventions shared by the aihwkit-family models (soft bounds, linear, exponential and power step, constant
 * step): the weight range is written as [-1, 1], so weight 0 is the middle of the window G0 = (Gmin + Gmax)/2 and a
 * step of {@code stepSize} weight units is {@code stepSize (Gmax - Gmin) / 2} siemens; the fit parameters are the
 * up and down steps in siemens, {@code s+ = stepSize kappa (1 + min(beta, 0))} and {@code s- = stepSize kappa (1 -
 * max(beta, 0))}, turned into aihwkit's {@code stepSize} and {@code upDownAsymmetry} beta by
 * {@code stepSize kappa = max(s+, s-)} and {@code beta = (s+ - s-) / max(s+, s-)} (docs/devices.md).
 *
 * <p>Models with hard bounds (the step does not vanish at the bound, so the bound shows only where the device is
 * clipped) take their window from the data: the smallest and largest reading of the device; so does NeuroSim, whose
 * curves stop at the bounds. Models with soft bounds (soft bounds, power step) fit the window as their first two
 * parameters.
 *
 * <p>A model's name, parameter names and kinds, whether it fits the window and its step parameters are fixed by its
 * constructor ({@link #PulseModel(String, String[], Kind[], boolean, int[])}); subclasses supply the map, the box and
 * the starting points.
 *
 * <p>Implementations are immutable and thread-safe.
 */
abstract class PulseModel {

    /** How a parameter converts between siemens and normalized units. */
    enum Kind {
        /** A conductance: {@code G = offset + scale x}. */
        CONDUCTANCE,
        /** A conductance difference (a step): {@code dG = scale dx}. */
        STEP,
        /** Dimensionless: unchanged. */
        NUMBER
    }

    /** The one-pulse map at one parameter point. */
    interface Response {
        /**
         * @param conductance the reading before the pulse (clipped to the window first, as a device cannot be
         *        outside its bounds)
         * @param up whether the pulse potentiates
         * @return the deterministic reading after the pulse, inside the window
         */
        double next(double conductance, boolean up);
    }

    /** Number of aihwkit weight units across the window: the range [-1, 1]. */
    static final double WEIGHT_RANGE = 2;

    /** Largest gamma of the linear, exponential and power step: the devices module's records allow [0, 100]. */
    static final double MAX_GAMMA = 100;

    private final String name;
    private final String[] parameterNames;
    private final Kind[] kinds;
    private final boolean fitsWindow;
    private final int[] stepIndices;

    /**
     * @param name the model's JSON name in the devices module ({@code "soft-bounds"}), not empty
     * @param parameterNames the fit parameters' names, with SI suffixes (copied)
     * @param kinds each parameter's kind, one per name (copied)
     * @param fitsWindow whether parameters 0 and 1 are the window's lower and upper conductance (soft bounds);
     *        otherwise the window is the unit's observed range
     * @param stepIndices indices of the up and down step parameters (two), or null when the model has no per-device
     *        steps (copied)
     */
    protected PulseModel(String name, String[] parameterNames, Kind[] kinds, boolean fitsWindow, int[] stepIndices) {
        Checks.notEmpty("name", name);
        Checks.isTrue(parameterNames.length == kinds.length, "%s has %s parameter names but %s kinds", name,
                parameterNames.length, kinds.length);
        Checks.isTrue(stepIndices == null || stepIndices.length == 2, "%s needs two step indices (up, down)", name);
        this.name = name;
        this.parameterNames = parameterNames.clone();
        this.kinds = kinds.clone();
        this.fitsWindow = fitsWindow;
        this.stepIndices = stepIndices == null ? null : stepIndices.clone();
    }

    /**
     * @return the model's JSON name in the devices module ({@code "soft-bounds"})
     */
    final String name() {
        return name;
    }

    /**
     * @return a short description of a variant (an exponential step's sign), or the empty string
     */
    String variant() {
        return "";
    }

    /**
     * @return the fit parameters' names, with SI suffixes (a copy)
     */
    final String[] parameterNames() {
        return parameterNames.clone();
    }

    /**
     * @return each parameter's kind (a copy)
     */
    final Kind[] kinds() {
        return kinds.clone();
    }

    /**
     * @return whether parameters 0 and 1 are the window's lower and upper conductance (soft bounds); otherwise the
     *         window is the unit's observed range
     */
    final boolean fitsWindow() {
        return fitsWindow;
    }

    /**
     * @return indices of the up and down step parameters (a copy), or null when the model has no per-device steps
     */
    final int[] stepIndices() {
        return stepIndices == null ? null : stepIndices.clone();
    }

    /**
     * @return indices of parameters that the devices module stores as whole numbers: fitted as real numbers, then
     *         rounded and the others refitted
     */
    int[] integerParameters() {
        return new int[0];
    }

    /**
     * The one-pulse map used while fitting (smooth in the parameters).
     *
     * @param p parameters
     * @param low lower end of the window when the model does not fit it
     * @param high upper end of the window when the model does not fit it
     * @return the map
     */
    abstract Response response(double[] p, double low, double high);

    /**
     * The one-pulse map of the devices module for legal parameters (the written preset); by default the fitting map.
     *
     * @param p legal parameters (see {@link #legalize})
     * @param low window's lower end (hard-bound models)
     * @param high window's upper end (hard-bound models)
     * @return the map
     */
    Response finalResponse(double[] p, double low, double high) {
        return response(p, low, high);
    }

    /**
     * Parameters the devices module can store (whole numbers, ranges of its records), as close as possible to
     * {@code p}; by default {@code p} itself.
     *
     * @param p parameters in siemens
     * @param low window's lower end (S)
     * @param high window's upper end (S)
     * @return legal parameters (a new array or {@code p})
     */
    double[] legalize(double[] p, double low, double high) {
        return p;
    }

    /**
     * @param pairs the unit's observations (normalized)
     * @return lower bounds of the parameters (normalized)
     */
    abstract double[] lower(Pairs pairs);

    /**
     * @param pairs the unit's observations (normalized)
     * @return upper bounds of the parameters (normalized)
     */
    abstract double[] upper(Pairs pairs);

    /**
     * @param pairs the unit's observations (normalized)
     * @return typical magnitudes (normalized, positive), for finite differences
     */
    abstract double[] typical(Pairs pairs);

    /**
     * Starting points, each inside the box; the fit keeps the best optimum reached from them.
     *
     * @param pairs the unit's observations (normalized)
     * @return one or more starting points
     */
    abstract List<double[]> starts(Pairs pairs);

    /**
     * Variants of the model that differ by a fixed choice (the exponential step's sign); the fit picks one on the
     * pooled data. By default the model alone.
     *
     * @return the variants
     */
    List<PulseModel> variants() {
        return List.of(this);
    }

    /**
     * The devices module's response record of legal parameters.
     *
     * @param p legal parameters (S)
     * @param low window's lower end (S)
     * @param high window's upper end (S)
     * @return the response
     */
    abstract PulseResponseConfig responseConfig(double[] p, double low, double high);

    /**
     * The device-to-device variation of a population fitted device by device: steps and bounds as in aihwkit's
     * {@code PulsedDevice.populate}, plus the model's own shape spread ({@link #nonlinearitySpread}). Spreads are
     * corrected for the estimation noise of each device's fit: {@code sigma^2 = var_devices - mean(se^2)}, floored at
     * 0.
     *
     * @param fits the per-device fits (S), at least 2
     * @param nominal the nominal (mean) parameters (S)
     * @param low nominal window's lower end (S)
     * @param high nominal window's upper end (S)
     * @param warnings receives a warning for each spread that cannot be estimated (written as 0)
     * @return the variation (cycle-to-cycle fields 0)
     */
    VariationConfig deviceToDevice(List<UnitFit> fits, double[] nominal, double low, double high,
                                   List<String> warnings) {
        double window = high - low;
        double stepGain = 0;
        double stepAsymmetry = 0;
        if (stepIndices != null) {
            double s = Math.max(nominal[stepIndices[0]], nominal[stepIndices[1]]);
            double[] spreads = Spread.ofSumAndDifference(fits, stepIndices[0], stepIndices[1], s);
            stepGain = spreads[0];
            stepAsymmetry = spreads[1];
        }
        // aihwkit's bounds vary relative to their distance from weight 0 (half the window); the ideal, levels and
        // NeuroSim models' relative to the window.
        double boundScale = boundsRelativeToWindow() ? window : window / 2;
        double[] maxima = new double[fits.size()];
        double[] minima = new double[fits.size()];
        double[] maxVariance = new double[fits.size()];
        double[] minVariance = new double[fits.size()];
        for (int d = 0; d < fits.size(); d++) {
            UnitFit fit = fits.get(d);
            minima[d] = fit.windowLow() / boundScale;
            maxima[d] = fit.windowHigh() / boundScale;
            if (fitsWindow) {
                minVariance[d] = fit.covariance(0, 0) / (boundScale * boundScale);
                maxVariance[d] = fit.covariance(1, 1) / (boundScale * boundScale);
            }
        }
        double maxSpread = Spread.corrected(maxima, maxVariance);
        double minSpread = Spread.corrected(minima, minVariance);
        double nonlinearity = nonlinearitySpread(fits, nominal);
        return new VariationConfig(spread("stepDeviceToDeviceRelative", stepGain, 10, warnings), false,
                spread("upDownDeviceToDevice", stepAsymmetry, 10, warnings),
                spread("maxBoundDeviceToDeviceRelative", maxSpread, 10, warnings),
                spread("minBoundDeviceToDeviceRelative", minSpread, 10, warnings),
                spread("nonlinearityDeviceToDevice", nonlinearity, 100, warnings), 0, 0, 0);
    }

    /** A spread clamped to its field's range; NaN (not estimable) becomes 0 with a warning. */
    static double spread(String field, double value, double max, List<String> warnings) {
        if (Double.isNaN(value)) {
            warnings.add(field + " is not estimated (written as 0): the quantity it spreads is not determined by "
                    + "some devices' data (standard error n/a), so its spread cannot be told from estimation noise");
            return 0;
        }
        return Double.isFinite(value) ? Math.max(0, Math.min(max, value)) : 0;
    }

    /**
     * @return whether the devices module draws this model's bounds relative to the window (ideal, levels,
     *         NeuroSim) rather than relative to their distance from weight 0 (aihwkit's models)
     */
    boolean boundsRelativeToWindow() {
        return false;
    }

    /**
     * The spread of the model's shape parameter that the variation's {@code nonlinearityDeviceToDevice} stands for;
     * 0 by default.
     *
     * @param fits the per-device fits
     * @param nominal the nominal parameters
     * @return the spread
     */
    double nonlinearitySpread(List<UnitFit> fits, double[] nominal) {
        return 0;
    }

    /**
     * The nominal response record; by default {@link #responseConfig} of the legalized nominal parameters. Models
     * whose response record itself carries a device-to-device field (the power step's exponent asymmetry spread)
     * override this.
     *
     * @param fits the per-device fits (one for a pooled fit)
     * @param nominal legal nominal parameters (S)
     * @param low nominal window's lower end (S)
     * @param high nominal window's upper end (S)
     * @return the response
     */
    PulseResponseConfig nominalResponse(List<UnitFit> fits, double[] nominal, double low, double high) {
        return responseConfig(nominal, low, high);
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers shared by the models

    /** Clamps a reading into the window. */
    static double clip(double g, double low, double high) {
        return g < low ? low : (g > high ? high : g);
    }

    /** aihwkit's {@code stepSize} (weight units, range [-1, 1]) of the up and down steps in siemens. */
    static double stepSize(double up, double down, double low, double high) {
        double kappa = (high - low) / WEIGHT_RANGE;
        double size = Math.max(up, down) / kappa;
        // The devices module allows at most 1e6 steps across the range and at most the range itself.
        return Math.max(WEIGHT_RANGE * 1e-6, Math.min(WEIGHT_RANGE, size));
    }

    /** aihwkit's {@code upDownAsymmetry} of the up and down steps, kept inside (-1, 1). */
    static double asymmetry(double up, double down) {
        double larger = Math.max(up, down);
        if (!(larger > 0)) {
            return 0;
        }
        double beta = (up - down) / larger;
        return Math.max(-MAX_ASYMMETRY, Math.min(MAX_ASYMMETRY, beta));
    }

    /** Largest |beta| written: the devices module needs beta strictly inside (-1, 1). */
    static final double MAX_ASYMMETRY = 0.999;

    /** Up and down steps back from aihwkit's stepSize and beta: {s+, s-} in siemens. */
    static double[] steps(double stepSize, double beta, double low, double high) {
        return upDown(stepSize * (high - low) / WEIGHT_RANGE, beta);
    }

    /**
     * The up and down values of a magnitude and aihwkit's up/down asymmetry beta: {@code {m (1 + min(beta, 0)), m (1 -
     * max(beta, 0))}}, the larger of the two being {@code m}.
     */
    static double[] upDown(double magnitude, double beta) {
        return new double[] {magnitude * (1 + Math.min(beta, 0)), magnitude * (1 - Math.max(beta, 0))};
    }

    /**
     * The up and down steps (S) that the devices module stores: {@link #steps} of the {@link #stepSize} and
     * {@link #asymmetry} of {@code up} and {@code down} on the window.
     */
    static double[] legalSteps(double up, double down, double low, double high) {
        return steps(stepSize(up, down, low, high), asymmetry(up, down), low, high);
    }

    /** An exponent (gamma) clamped to [0, {@value #MAX_GAMMA}]; 0 when not finite. */
    static double clampGamma(double gamma) {
        return Double.isFinite(gamma) ? Math.max(0, Math.min(MAX_GAMMA, gamma)) : 0;
    }

    /** Checks that a parameter vector has the model's length. */
    void checkLength(double[] p) {
        Checks.isTrue(p.length == parameterNames.length, "%s expects %s parameters, got %s", name,
                parameterNames.length, p.length);
    }
}
