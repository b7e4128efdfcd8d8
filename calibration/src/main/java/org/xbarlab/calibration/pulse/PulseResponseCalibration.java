package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.calibration.data.DeviceTrace;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.calibration.fit.FitFailedException;
import org.xbarlab.calibration.fit.LeastSquares;
import org.xbarlab.calibration.fit.LeastSquaresProblem;
import org.xbarlab.calibration.fit.LeastSquaresResult;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;

/**
 * Fits a pulse-response model of the devices module to pulse-response cycles (docs/calibration.md, "Fitting the
 * pulse response").
 *
 * <p><b>Observations.</b> Every pair of consecutive readings of a device (one pulse apart) is one observation: the
 * model's one-pulse map {@code G' = F(G; theta)} predicts the reading after the pulse from the reading before it
 * (conditional least squares for a Markov process read without noise). Its residual is that pulse's
 * cycle-to-cycle noise, so the residuals are independent and {@code s^2 (J^T W J)^-1} is a valid covariance, which a
 * fit of whole traces (whose errors accumulate along the trace) would not give.
 *
 * <p><b>Procedure.</b> Readings are normalized ({@code x = (G - min) / (max - min)} over the file). For each fit unit
 * (each device, or all devices pooled when no spread is asked), Levenberg-Marquardt runs from the model's starting
 * points (data-driven: lines through the observed steps, small grids of shapes) and keeps the best optimum
 * (unweighted). The noise model is then chosen (or taken from the options): relative noise
 * ({@code dG (1 + sigma xi)}) against window noise ({@code sigma W xi}) by the Gaussian likelihood of the
 * first-pass residuals. With relative noise each unit is refitted with weights {@code 1 / (|dG_i| + delta)^2},
 * {@code dG_i} the predicted step and {@code delta} 5 % of the unit's median |dG| (a floor where the step vanishes at a
 * soft bound). Whole-number parameters (NeuroSim's levels) are then rounded and the others refitted. Standard errors
 * come from the Jacobian at the optimum.
 *
 * <p><b>Variation.</b> Device-to-device spread: each device is fitted separately and the spread of its parameters
 * across devices (corrected for each fit's estimation variance) is mapped onto the devices module's variation fields
 * ({@link PulseModel#deviceToDevice}). Cycle-to-cycle spread from the pooled residuals: relative noise
 * {@code sigma^2 = mean (r_i / dG_i)^2} over observations with {@code |dG_i| >= 0.25 median}, window noise
 * {@code sigma W = rms(r_i)}; both times {@code n / (n - k)} for the k fitted parameters, and without observations
 * that end exactly on a device's lowest or highest reading (clipped at a bound, so truncated).
 *
 * <p><b>Model choice</b> ({@code model = "auto"}): every candidate of {@link #AUTO_CANDIDATES} is fitted and the one
 * with the smallest Bayesian information criterion {@code BIC = k ln n - 2 ln L} wins (k counts every fitted number:
 * each device's parameters, the windows taken from the data, and the noise scale). BIC rather than AIC because the
 * candidates partly nest (a constant step is a linear step with gamma 0) and n is large (thousands of pulses): AIC's
 * penalty of 2 per parameter keeps extra parameters that improve the likelihood by chance, BIC's {@code ln n} does
 * not, and BIC picks the true model with probability tending to 1 when it is among the candidates (Schwarz 1978).
 *
 * <p><b>Check.</b> The fitted maps are this module's double-precision copies of the devices module's kernels. Every
 * fit ends by programming a {@link DevicePopulation} of the written device to each observation's starting reading,
 * applying the pulse and comparing: a difference beyond float rounding is a bug and throws
 * {@link IllegalStateException}. The figure's fitted traces are simulated by the same population.
 *
 * <p>Thread-safety: stateless.
 */
public final class PulseResponseCalibration {

    /** Every model that can be fitted (the devices module's pulse-response family). */
    public static final List<String> MODELS = List.of("constant-step", "ideal", "ideal-levels", "linear-step",
            "soft-bounds", "exp-step", "pow-step", "neurosim-nonlinear");

    /**
     * The candidates of {@code --model auto}: {@code ideal} and {@code ideal-levels} are a constant step rounded to a
     * whole number of steps or levels, so they would only repeat {@code constant-step}.
     */
    public static final List<String> AUTO_CANDIDATES = List.of("constant-step", "linear-step", "soft-bounds",
            "exp-step", "pow-step", "neurosim-nonlinear");

    /** Floor of the relative-noise weights: this fraction of the unit's median predicted step. */
    static final double STEP_FLOOR_FRACTION = 0.05;
    /** Observations with a predicted step below this fraction of the median are left out of the relative sigma. */
    static final double SMALL_STEP_FRACTION = 0.25;
    /** Readings are float-precision numbers: no residual scale below this relative resolution is meaningful. */
    static final double READING_RESOLUTION = 0x1p-23;
    /**
     * Iteration cap of each Levenberg-Marquardt run. Well-posed pulse-response fits converge in under 50 iterations;
     * a model that does not suit the data (an exponential step on a constant step, whose amplitude goes to 0 and
     * leaves its exponent undetermined) can creep for thousands, so the cap stops it, with a warning.
     */
    static final int MAX_ITERATIONS = 300;

    /** Fewest pulse observations per direction of a fit unit. */
    static final int MIN_PAIRS_PER_DIRECTION = 2;

    private PulseResponseCalibration() {
    }

    /**
     * The model object of a name.
     *
     * @param name one of {@link #MODELS}
     * @return the model
     */
    static PulseModel model(String name) {
        return switch (name) {
            case "constant-step" -> new ConstantStepModel();
            case "ideal" -> new IdealModel();
            case "ideal-levels" -> new QuantizedModel();
            case "linear-step" -> new LinearStepModel();
            case "soft-bounds" -> new SoftBoundsModel();
            case "exp-step" -> new ExponentialStepModel();
            case "pow-step" -> new PowerStepModel();
            case "neurosim-nonlinear" -> new NeuroSimModel();
            default -> throw new IllegalArgumentException("unknown pulse-response model '" + name + "'; the models are "
                    + MODELS);
        };
    }

    /**
     * The parameter names of a model, in the order of {@link PulseResponseFit#parameters()} (without the window
     * ends that hard-bound models add).
     *
     * @param model one of {@link #MODELS}
     * @return the names
     */
    public static List<String> parameterNames(String model) {
        return List.of(model(model).parameterNames());
    }

    /**
     * Fits the data.
     *
     * @param data the pulse-response data, not null
     * @param options what to fit, not null
     * @return the fit
     * @throws CalibrationDataException if the data cannot determine what was asked: one device when a spread is
     *         asked, a device with too few pulses or only one direction, readings that are all equal, or a fit that
     *         does not converge (the message names the device and its rows)
     */
    public static PulseResponseFit fit(PulseResponseData data, PulseResponseOptions options) {
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Setup setup = new Setup(data, options);
        List<String> candidates = options.model().equals(PulseResponseOptions.AUTO) ? AUTO_CANDIDATES
                : List.of(options.model());
        List<ModelScore> scores = new ArrayList<>();
        ModelFit best = null;
        CalibrationDataException firstError = null;
        for (String name : candidates) {
            try {
                ModelFit fit = fitModel(setup, model(name));
                scores.add(new ModelScore(name, fit.quality, null));
                if (best == null || fit.quality.bic() < best.quality.bic()) {
                    best = fit;
                }
            } catch (CalibrationDataException e) {
                if (candidates.size() == 1) {
                    throw e;
                }
                firstError = firstError == null ? e : firstError;
                scores.add(new ModelScore(name, null, e.problem()));
            }
        }
        if (best == null) {
            throw firstError;
        }
        return result(setup, best, scores);
    }

    // ------------------------------------------------------------------------------------------------------------
    // setup: normalization and fit units

    /** The data prepared for fitting: normalization and the fit units. */
    private static final class Setup {
        final PulseResponseData data;
        final PulseResponseOptions options;
        final double offset;
        final double scale;
        /** One entry per fit unit: its devices. */
        final List<List<DeviceTrace>> units = new ArrayList<>();
        final List<Pairs> pairs = new ArrayList<>();

        Setup(PulseResponseData data, PulseResponseOptions options) {
            this.data = data;
            this.options = options;
            List<DeviceTrace> devices = data.devices();
            String source = data.source();
            if (options.deviceToDevice() && devices.size() < 2) {
                throw new CalibrationDataException(source, "only one device (" + devices.get(0).describe()
                        + "); a device-to-device spread needs at least 2 devices (fit without the spread to pool "
                        + "all readings into one device)");
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (DeviceTrace device : devices) {
                min = Math.min(min, device.minSiemens());
                max = Math.max(max, device.maxSiemens());
            }
            if (!(max > min)) {
                throw new CalibrationDataException(source, "every reading is " + min
                        + " S: a pulse response that never changes cannot be fitted");
            }
            offset = min;
            scale = max - min;
            if (options.deviceToDevice()) {
                for (DeviceTrace device : devices) {
                    units.add(List.of(device));
                }
            } else {
                units.add(devices);
            }
            for (List<DeviceTrace> unit : units) {
                Pairs unitPairs = Pairs.of(unit, offset, scale);
                String where = describe(unit);
                for (boolean up : new boolean[] {true, false}) {
                    int count = unitPairs.count(up);
                    if (count < MIN_PAIRS_PER_DIRECTION) {
                        throw new CalibrationDataException(source, where + " has " + count + " "
                                + (up ? "potentiation" : "depression") + " pulse(s) after a reading; the models need "
                                + "at least " + MIN_PAIRS_PER_DIRECTION + " of each direction");
                    }
                }
                if (!(unitPairs.range() > 0)) {
                    throw new CalibrationDataException(source, where + ": every reading is equal; a pulse response "
                            + "that never changes cannot be fitted");
                }
                pairs.add(unitPairs);
            }
        }

        String describe(List<DeviceTrace> unit) {
            return unit.size() == 1 ? unit.get(0).describe() : "the pooled devices";
        }

        /** Normalized to siemens factor of a parameter kind. */
        double factor(PulseModel.Kind kind) {
            return kind == PulseModel.Kind.NUMBER ? 1 : scale;
        }

        double toSiemens(PulseModel.Kind kind, double x) {
            return switch (kind) {
                case CONDUCTANCE -> offset + scale * x;
                case STEP -> scale * x;
                case NUMBER -> x;
            };
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // fitting one model

    /** A model fitted to every unit. */
    private static final class ModelFit {
        PulseModel model;
        NoiseModel noise;
        List<UnitFit> units = new ArrayList<>();
        FitQuality quality;
        double cycleToCycle;
        List<String> warnings = new ArrayList<>();
    }

    private static ModelFit fitModel(Setup setup, PulseModel candidate) {
        PulseModel model = chooseVariant(setup, candidate);
        int p = model.parameterNames().length;
        int needed = Math.max(2 * p, p + 3);
        for (int u = 0; u < setup.units.size(); u++) {
            int n = setup.pairs.get(u).size();
            if (n < needed) {
                throw new CalibrationDataException(setup.data.source(), setup.describe(setup.units.get(u)) + " has "
                        + n + " pulse observations; the " + model.name() + " model has " + p
                        + " parameters per device and needs at least " + needed);
            }
        }
        // Pass 1: unweighted, every observation, best of the starting points.
        List<LeastSquaresResult> first = new ArrayList<>();
        for (int u = 0; u < setup.units.size(); u++) {
            first.add(bestOfStarts(setup, model, u, null));
        }
        NoiseModel noise = setup.options.noise();
        if (noise == NoiseModel.AUTO) {
            noise = chooseNoise(setup, model, first);
        }
        double sigma = firstPassSigma(setup, model, first, noise);
        ModelFit fit = new ModelFit();
        fit.model = model;
        fit.noise = noise;
        for (int u = 0; u < setup.units.size(); u++) {
            Pairs pairs = setup.pairs.get(u);
            LeastSquaresResult result = first.get(u);
            double[] steps = predictedSteps(model, pairs, result.parameters(), false);
            double floor = STEP_FLOOR_FRACTION * median(steps);
            double[] weights = weights(model, pairs, result.parameters(), steps, floor, noise, sigma, needed,
                    setup.describe(setup.units.get(u)), fit.warnings);
            // Pass 2: the noise model's weights, without the observations a bound may have clipped.
            result = solve(setup, model, u, problem(model, pairs, result.parameters()).withWeights(weights));
            if (!result.converged()) {
                fit.warnings.add("the " + model.name() + " fit of " + setup.describe(setup.units.get(u))
                        + " stopped at " + MAX_ITERATIONS + " iterations without converging; its parameters may be "
                        + "poorly determined");
            }
            double[] estimateErrors = result.standardErrors();
            double[][] estimateCovariance = result.covariance();
            if (model.integerParameters().length > 0) {
                result = refitWithWholeNumbers(setup, model, u, result, weights);
            }
            fit.units.add(unitFit(setup, model, u, result, estimateErrors, estimateCovariance, weights));
            warnAtBounds(setup, model, u, problem(model, pairs, result.parameters()), result.parameters(),
                    fit.warnings);
        }
        score(setup, fit);
        return fit;
    }

    /** Number of noise standard deviations within which a bound may clip a pulse (censoring margin). */
    static final double CENSORING_SIGMAS = 4;

    /**
     * The pooled first-pass noise scale: relative {@code rms(r / (|dG| + delta))}, or window {@code rms(r)}
     * (normalized units).
     */
    private static double firstPassSigma(Setup setup, PulseModel model, List<LeastSquaresResult> first,
                                         NoiseModel noise) {
        double[][] residuals = firstPassResiduals(setup, model, first);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < residuals[0].length; i++) {
            double r = residuals[0][i];
            double s = noise == NoiseModel.RELATIVE ? residuals[1][i] : 1;
            if (s > 0) {
                sum += (r / s) * (r / s);
                n++;
            }
        }
        return n > 0 ? Math.sqrt(sum / n) : 0;
    }

    /**
     * The first pass's residual {@code r} and step scale {@code |dG| + delta} (the predicted step plus the unit's step
     * floor) of every observation, unit after unit, normalized units.
     *
     * @return {residuals, scales}
     */
    private static double[][] firstPassResiduals(Setup setup, PulseModel model, List<LeastSquaresResult> first) {
        int total = 0;
        for (int u = 0; u < first.size(); u++) {
            total += setup.pairs.get(u).size();
        }
        double[] residuals = new double[total];
        double[] scales = new double[total];
        int k = 0;
        for (int u = 0; u < first.size(); u++) {
            Pairs pairs = setup.pairs.get(u);
            double[] steps = predictedSteps(model, pairs, first.get(u).parameters(), false);
            double floor = STEP_FLOOR_FRACTION * median(steps);
            double[] predictions = first.get(u).predictions();
            for (int i = 0; i < steps.length; i++, k++) {
                residuals[k] = pairs.after[i] - predictions[i];
                scales[k] = steps[i] + floor;
            }
        }
        return new double[][] {residuals, scales};
    }

    /**
     * Weights of the second pass: {@code 1 / (|dG| + delta)^2} for relative noise, 1 for window noise, and 0 for
     * observations whose pulse could have been clipped by a bound of the window: those that start within the
     * predicted step plus {@value #CENSORING_SIGMAS} noise standard deviations of the bound they move toward. A
     * clipped reading is censored (it only says "at least the bound"), and dropping the clipped readings alone
     * would bias the steps low; selecting on the reading before the pulse, which the noise of that pulse cannot
     * affect, leaves the fit unbiased. If too few observations would remain, none is dropped (with a warning).
     */
    private static double[] weights(PulseModel model, Pairs pairs, double[] p, double[] steps, double floor,
                                    NoiseModel noise, double sigma, int needed, String where,
                                    List<String> warnings) {
        int n = pairs.size();
        double low = fitLow(model, p, pairs);
        double high = fitHigh(model, p, pairs);
        double[] weights = new double[n];
        int kept = 0;
        int keptUp = 0;
        int keptDown = 0;
        for (int i = 0; i < n; i++) {
            double margin = noise == NoiseModel.RELATIVE ? steps[i] * (1 + CENSORING_SIGMAS * sigma)
                    : steps[i] + CENSORING_SIGMAS * sigma;
            double distance = pairs.up[i] ? high - pairs.before[i] : pairs.before[i] - low;
            if (distance <= margin) {
                continue;
            }
            weights[i] = weight(steps[i] + floor, noise);
            kept++;
            keptUp += pairs.up[i] ? 1 : 0;
            keptDown += pairs.up[i] ? 0 : 1;
        }
        if (kept < needed || keptUp < MIN_PAIRS_PER_DIRECTION || keptDown < MIN_PAIRS_PER_DIRECTION) {
            warnings.add(where + ": too few pulses start away from the window's bounds to leave out the ones a bound "
                    + "may have clipped; all are used, which biases the steps near the bounds");
            for (int i = 0; i < n; i++) {
                weights[i] = weight(steps[i] + floor, noise);
            }
        }
        return weights;
    }

    /** The weight of an observation of step scale {@code |dG| + delta}: its inverse square (relative noise), or 1. */
    private static double weight(double scale, NoiseModel noise) {
        return noise == NoiseModel.RELATIVE ? (scale > 0 ? 1 / (scale * scale) : 1) : 1;
    }

    /**
     * Picks the variant (the exponential step's sign) whose best starting point fits the pooled data best; the
     * starting points come from linear least squares on a grid, so this costs no iterations.
     */
    private static PulseModel chooseVariant(Setup setup, PulseModel candidate) {
        List<PulseModel> variants = candidate.variants();
        if (variants.size() == 1) {
            return candidate;
        }
        Pairs pooled = Pairs.of(setup.data.devices(), setup.offset, setup.scale);
        PulseModel best = variants.get(0);
        double bestRss = Double.POSITIVE_INFINITY;
        double[] predictions = new double[pooled.size()];
        for (PulseModel variant : variants) {
            for (double[] start : variant.starts(pooled)) {
                double rss = startRss(variant, pooled, start, predictions);
                if (rss < bestRss) {
                    bestRss = rss;
                    best = variant;
                }
            }
        }
        return best;
    }

    private static LeastSquaresProblem problem(PulseModel model, Pairs pairs, double[] start) {
        double low = pairs.low;
        double high = pairs.high;
        double[] lower = model.lower(pairs);
        double[] upper = model.upper(pairs);
        double[] clamped = start.clone();
        for (int j = 0; j < clamped.length; j++) {
            clamped[j] = Math.max(lower[j], Math.min(upper[j], clamped[j]));
        }
        return new LeastSquaresProblem(model.parameterNames(), (p, out) -> {
            PulseModel.Response map = model.response(p, low, high);
            for (int i = 0; i < out.length; i++) {
                out[i] = map.next(pairs.before[i], pairs.up[i]);
            }
        }, pairs.after, null, clamped, model.typical(pairs), lower, upper, MAX_ITERATIONS);
    }

    /** Unweighted residual sum of squares at a starting point (clamped into the box); {@code predictions}: scratch. */
    private static double startRss(PulseModel model, Pairs pairs, double[] start, double[] predictions) {
        LeastSquaresProblem problem = problem(model, pairs, start);
        problem.model().predict(problem.start(), predictions);
        double rss = 0;
        for (int i = 0; i < predictions.length; i++) {
            double r = pairs.after[i] - predictions[i];
            rss += r * r;
        }
        return rss;
    }

    /** Levenberg-Marquardt runs from the starting points with the smallest initial residual sum of squares. */
    static final int STARTS_RUN = 2;

    private static LeastSquaresResult bestOf(PulseModel model, Pairs pairs, double[] weights) {
        LeastSquaresResult best = null;
        FitFailedException failure = null;
        List<double[]> starts = new ArrayList<>(model.starts(pairs));
        if (starts.size() > STARTS_RUN) {
            double[] predictions = new double[pairs.size()];
            double[] initial = new double[starts.size()];
            for (int k = 0; k < starts.size(); k++) {
                initial[k] = startRss(model, pairs, starts.get(k), predictions);
            }
            Integer[] order = new Integer[starts.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(initial[a], initial[b]));
            List<double[]> chosen = new ArrayList<>();
            for (int k = 0; k < STARTS_RUN; k++) {
                chosen.add(starts.get(order[k]));
            }
            starts = chosen;
        }
        for (double[] start : starts) {
            try {
                LeastSquaresResult result = LeastSquares.fit(problem(model, pairs, start).withWeights(weights));
                if (best == null || result.weightedResidualSumOfSquares() < best.weightedResidualSumOfSquares()) {
                    best = result;
                }
            } catch (FitFailedException e) {
                failure = e;
            }
        }
        if (best == null) {
            throw failure;
        }
        return best;
    }

    private static LeastSquaresResult bestOfStarts(Setup setup, PulseModel model, int unit, double[] weights) {
        try {
            return bestOf(model, setup.pairs.get(unit), weights);
        } catch (FitFailedException e) {
            throw failed(setup, model, unit, e);
        }
    }

    private static LeastSquaresResult solve(Setup setup, PulseModel model, int unit, LeastSquaresProblem problem) {
        try {
            return LeastSquares.fit(problem);
        } catch (FitFailedException e) {
            throw failed(setup, model, unit, e);
        }
    }

    private static CalibrationDataException failed(Setup setup, PulseModel model, int unit, FitFailedException e) {
        return new CalibrationDataException(setup.data.source(), "the " + model.name() + " fit of "
                + setup.describe(setup.units.get(unit)) + " failed: " + e.getMessage());
    }

    /** Rounds the whole-number parameters and refits the others from the previous optimum. */
    private static LeastSquaresResult refitWithWholeNumbers(Setup setup, PulseModel model, int unit,
                                                            LeastSquaresResult result, double[] weights) {
        Pairs pairs = setup.pairs.get(unit);
        LeastSquaresProblem full = problem(model, pairs, result.parameters());
        int p = model.parameterNames().length;
        boolean[] fixed = new boolean[p];
        double[] point = result.parameters().clone();
        for (int j : model.integerParameters()) {
            fixed[j] = true;
            point[j] = Math.max(full.lower()[j], Math.min(full.upper()[j], Math.rint(point[j])));
        }
        int free = 0;
        for (boolean f : fixed) {
            free += f ? 0 : 1;
        }
        int[] index = new int[free];
        for (int j = 0, k = 0; j < p; j++) {
            if (!fixed[j]) {
                index[k++] = j;
            }
        }
        String[] names = new String[free];
        double[] start = new double[free];
        double[] typical = new double[free];
        double[] lower = new double[free];
        double[] upper = new double[free];
        for (int k = 0; k < free; k++) {
            names[k] = full.names()[index[k]];
            start[k] = point[index[k]];
            typical[k] = full.typicalMagnitudes()[index[k]];
            lower[k] = full.lower()[index[k]];
            upper[k] = full.upper()[index[k]];
        }
        double low = pairs.low;
        double high = pairs.high;
        LeastSquaresProblem reduced = new LeastSquaresProblem(names, (q, out) -> {
            double[] x = point.clone();
            for (int k = 0; k < q.length; k++) {
                x[index[k]] = q[k];
            }
            PulseModel.Response map = model.response(x, low, high);
            for (int i = 0; i < out.length; i++) {
                out[i] = map.next(pairs.before[i], pairs.up[i]);
            }
        }, pairs.after, weights, start, typical, lower, upper, MAX_ITERATIONS);
        LeastSquaresResult refit = solve(setup, model, unit, reduced);
        double[] parameters = point.clone();
        double[] errors = new double[p];
        double[][] covariance = new double[p][p];
        for (double[] row : covariance) {
            Arrays.fill(row, 0);
        }
        for (int k = 0; k < free; k++) {
            parameters[index[k]] = refit.parameters()[k];
            errors[index[k]] = refit.standardErrors()[k];
            for (int m = 0; m < free; m++) {
                covariance[index[k]][index[m]] = refit.covariance()[k][m];
            }
        }
        // Whole-number parameters keep the standard error of the real-valued fit.
        for (int j = 0; j < p; j++) {
            if (fixed[j]) {
                errors[j] = result.standardErrors()[j];
                covariance[j][j] = result.covariance()[j][j];
            }
        }
        return new LeastSquaresResult(parameters, errors, covariance, refit.predictions(),
                refit.weightedResidualSumOfSquares(), refit.residualVariance(), refit.iterations(),
                refit.evaluations(), refit.converged() && result.converged());
    }

    /** |predicted step| of every pair of a unit, normalized units. */
    private static double[] predictedSteps(PulseModel model, Pairs pairs, double[] p, boolean legalMap) {
        PulseModel.Response map = legalMap ? model.finalResponse(p, pairs.low, pairs.high)
                : model.response(p, pairs.low, pairs.high);
        double[] steps = new double[pairs.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.abs(map.next(pairs.before[i], pairs.up[i]) - PulseModel.clip(pairs.before[i],
                    fitLow(model, p, pairs), fitHigh(model, p, pairs)));
        }
        return steps;
    }

    private static double fitLow(PulseModel model, double[] p, Pairs pairs) {
        return model.fitsWindow() ? p[0] : pairs.low;
    }

    private static double fitHigh(PulseModel model, double[] p, Pairs pairs) {
        return model.fitsWindow() ? p[1] : pairs.high;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Relative against window noise by the Gaussian log-likelihood of the first-pass residuals. */
    private static NoiseModel chooseNoise(Setup setup, PulseModel model, List<LeastSquaresResult> first) {
        double[][] residuals = firstPassResiduals(setup, model, first);
        double relative = 0;
        double window = 0;
        int n = 0;
        double sumLogScale = 0;
        for (int i = 0; i < residuals[0].length; i++) {
            double r = residuals[0][i];
            double s = residuals[1][i];
            if (!(s > 0)) {
                continue;
            }
            relative += (r / s) * (r / s);
            window += r * r;
            sumLogScale += Math.log(s);
            n++;
        }
        double tiny = READING_RESOLUTION * READING_RESOLUTION;
        double relativeVariance = Math.max(relative / n, tiny);
        double windowVariance = Math.max(window / n, tiny);
        double logLikelihoodRelative = -0.5 * (n * Math.log(relativeVariance) + 2 * sumLogScale);
        double logLikelihoodWindow = -0.5 * n * Math.log(windowVariance);
        return logLikelihoodRelative > logLikelihoodWindow ? NoiseModel.RELATIVE : NoiseModel.WINDOW;
    }

    /** Converts a unit's optimum to siemens, legalizes it and predicts with the devices module's map. */
    private static UnitFit unitFit(Setup setup, PulseModel model, int unit, LeastSquaresResult result,
                                   double[] estimateErrors, double[][] estimateCovariance, double[] weights) {
        Pairs pairs = setup.pairs.get(unit);
        PulseModel.Kind[] kinds = model.kinds();
        int p = kinds.length;
        double[] physical = new double[p];
        double[] errors = new double[p];
        double[][] covariance = new double[p][p];
        // Standard errors and covariance of the real-valued fit: after rounding the whole numbers, the refitted
        // parameters' conditional errors would leave out their correlation with the rounded ones.
        for (int a = 0; a < p; a++) {
            physical[a] = setup.toSiemens(kinds[a], result.parameters()[a]);
            errors[a] = estimateErrors[a] * setup.factor(kinds[a]);
            for (int b = 0; b < p; b++) {
                covariance[a][b] = estimateCovariance[a][b] * setup.factor(kinds[a]) * setup.factor(kinds[b]);
            }
        }
        double low = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.low);
        double high = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.high);
        double[] legal = model.legalize(physical, low, high);
        if (model.fitsWindow()) {
            legal[0] = Math.max(0, legal[0]); // rounding of the normalization must not leave the physical range
        }
        double windowLow = model.fitsWindow() ? legal[0] : low;
        double windowHigh = model.fitsWindow() ? legal[1] : high;
        PulseModel.Response map = model.finalResponse(legal, low, high);
        double[] predictions = new double[pairs.size()];
        for (int i = 0; i < predictions.length; i++) {
            double before = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.before[i]);
            predictions[i] = map.next(before, pairs.up[i]);
        }
        int device = setup.units.get(unit).size() == 1 && setup.options.deviceToDevice()
                ? setup.units.get(unit).get(0).device() : -1;
        UnitFit fit = new UnitFit(device, legal, errors, covariance, windowLow, windowHigh,
                weights == null ? null : weights.clone(), predictions, result.iterations());
        check(setup, model, unit, fit, low, high);
        return fit;
    }

    /** Quality, likelihood and cycle-to-cycle noise over all units. */
    private static void score(Setup setup, ModelFit fit) {
        PulseModel model = fit.model;
        int n = 0;
        double rss = 0;
        double observedSquares = 0;
        double scaledSquares = 0;
        double sumLogScale = 0;
        double c2cSum = 0;
        int c2cCount = 0;
        for (int u = 0; u < fit.units.size(); u++) {
            Pairs pairs = setup.pairs.get(u);
            UnitFit unit = fit.units.get(u);
            double[] steps = new double[pairs.size()];
            for (int i = 0; i < steps.length; i++) {
                double before = PulseModel.clip(setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.before[i]),
                        unit.windowLow(), unit.windowHigh());
                steps[i] = Math.abs(unit.predictions()[i] - before);
            }
            double median = median(steps);
            double floor = STEP_FLOOR_FRACTION * median;
            for (int i = 0; i < steps.length; i++) {
                double before = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.before[i]);
                double after = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.after[i]);
                double r = after - unit.predictions()[i];
                rss += r * r;
                observedSquares += (after - before) * (after - before);
                n++;
                boolean unclipped = unit.weights()[i] > 0;
                if (fit.noise == NoiseModel.RELATIVE) {
                    double s = Math.max(steps[i] + floor, READING_RESOLUTION * setup.scale);
                    scaledSquares += (r / s) * (r / s);
                    sumLogScale += Math.log(s);
                    if (unclipped && steps[i] >= SMALL_STEP_FRACTION * median && steps[i] > 0) {
                        c2cSum += (r / steps[i]) * (r / steps[i]);
                        c2cCount++;
                    }
                } else {
                    scaledSquares += r * r;
                    if (unclipped) {
                        c2cSum += r * r;
                        c2cCount++;
                    }
                }
            }
        }
        int perUnit = model.parameterNames().length + (model.fitsWindow() ? 0 : 2);
        int k = fit.units.size() * perUnit + 1;
        double resolution = fit.noise == NoiseModel.RELATIVE ? READING_RESOLUTION
                : READING_RESOLUTION * (setup.offset + setup.scale);
        double variance = Math.max(scaledSquares / n, resolution * resolution);
        double logLikelihood = -0.5 * (n * Math.log(2 * Math.PI * variance) + 2 * sumLogScale + n);
        double rSquared = observedSquares > 0 ? 1 - rss / observedSquares : 0;
        fit.quality = FitQuality.of(n, k, rss, Math.min(1, rSquared), logLikelihood);
        double dof = n > k ? (double) n / (n - k) : 1;
        double sigma = c2cCount > 0 ? Math.sqrt(c2cSum / c2cCount * dof) : 0;
        if (fit.noise == NoiseModel.WINDOW) {
            double window = 0;
            for (UnitFit unit : fit.units) {
                window += unit.windowHigh() - unit.windowLow();
            }
            sigma /= window / fit.units.size();
        }
        fit.cycleToCycle = sigma;
    }

    // ------------------------------------------------------------------------------------------------------------
    // check against the devices module

    /** Relative tolerance of a one-pulse step between the double map and the float population. */
    static final double CHECK_RELATIVE_TOLERANCE = 1e-4;
    /** Absolute tolerance in float ulps of the largest conductance. */
    static final int CHECK_ULPS = 32;

    /** The device of one unit's legal parameters, without variation. */
    static DeviceConfig unitDevice(PulseModel model, double[] legal, double windowLow, double windowHigh,
                                   double dataLow, double dataHigh) {
        return DeviceConfig.defaults().withName("calibration-check").withWindow(windowLow, windowHigh)
                .withResponse(model.responseConfig(legal, dataLow, dataHigh));
    }

    private static void check(Setup setup, PulseModel model, int unit, UnitFit fit, double low, double high) {
        Pairs pairs = setup.pairs.get(unit);
        int n = pairs.size();
        DeviceConfig device = unitDevice(model, fit.parameters(), fit.windowLow(), fit.windowHigh(), low, high);
        RngStreams streams = RngStreams.of(0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        DevicePopulation population = DevicePopulation.create(device, n, streams, 0);
        float[] targets = new float[n];
        int[] pulses = new int[n];
        for (int i = 0; i < n; i++) {
            double before = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.before[i]);
            targets[i] = (float) PulseModel.clip(before, fit.windowLow(), fit.windowHigh());
            pulses[i] = pairs.up[i] ? 1 : -1;
        }
        population.program(targets, 0, 0, n, random);
        float[] programmed = new float[n];
        population.conductances(0, n, programmed, 0);
        population.applyPulses(pulses, 0, 0, n, random);
        float[] simulated = new float[n];
        population.conductances(0, n, simulated, 0);
        PulseModel.Response map = model.finalResponse(fit.parameters(), low, high);
        double ulp = Math.ulp((float) Math.max(Math.abs(fit.windowHigh()), Math.abs(fit.windowLow())));
        for (int i = 0; i < n; i++) {
            double expected = map.next(programmed[i], pairs.up[i]);
            double step = Math.abs(expected - programmed[i]);
            double tolerance = CHECK_ULPS * ulp + CHECK_RELATIVE_TOLERANCE * step;
            if (!(Math.abs(simulated[i] - expected) <= tolerance)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "internal error: the calibration's %s "
                        + "map and the devices module disagree for %s at G = %s S (%s pulse): %s S against %s S",
                        model.name(), setup.describe(setup.units.get(unit)), programmed[i],
                        pairs.up[i] ? "up" : "down", expected, simulated[i]));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // result

    private static PulseResponseFit result(Setup setup, ModelFit fit, List<ModelScore> scores) {
        PulseModel model = fit.model;
        List<UnitFit> units = fit.units;
        int p = model.parameterNames().length;
        String[] names = model.parameterNames();
        List<String> warnings = new ArrayList<>();
        double[] nominal = new double[p];
        double low = 0;
        double high = 0;
        for (UnitFit unit : units) {
            for (int j = 0; j < p; j++) {
                nominal[j] += unit.parameters()[j] / units.size();
            }
            low += unit.windowLow() / units.size();
            high += unit.windowHigh() / units.size();
        }
        nominal = model.legalize(nominal, low, high);
        if (model.fitsWindow()) {
            low = nominal[0];
            high = nominal[1];
        }
        List<FitParameter> parameters = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double error;
            if (units.size() == 1) {
                error = units.get(0).standardErrors()[j];
            } else {
                double[] values = new double[units.size()];
                for (int d = 0; d < values.length; d++) {
                    values[d] = units.get(d).parameters()[j];
                }
                error = Spread.standardDeviation(values) / Math.sqrt(values.length);
            }
            parameters.add(FitParameter.of(names[j], nominal[j], finiteOrNaN(error)));
        }
        if (!model.fitsWindow()) {
            double[] lows = new double[units.size()];
            double[] highs = new double[units.size()];
            for (int d = 0; d < units.size(); d++) {
                lows[d] = units.get(d).windowLow();
                highs[d] = units.get(d).windowHigh();
            }
            double root = Math.sqrt(units.size());
            parameters.add(FitParameter.of("minConductanceSiemens", low,
                    units.size() > 1 ? Spread.standardDeviation(lows) / root : Double.NaN));
            parameters.add(FitParameter.of("maxConductanceSiemens", high,
                    units.size() > 1 ? Spread.standardDeviation(highs) / root : Double.NaN));
        }
        VariationConfig variation = units.size() > 1 ? model.deviceToDevice(units, nominal, low, high, warnings)
                : VariationConfig.defaults();
        double c2c = fit.cycleToCycle;
        if (model instanceof QuantizedModel) {
            if (c2c > 0) {
                warnings.add(String.format(Locale.ROOT, "the ideal-levels model has no cycle-to-cycle noise: the "
                        + "estimated %s spread %.4g is not written", fit.noise.label(), c2c));
            }
        } else if (fit.noise == NoiseModel.RELATIVE) {
            if (c2c > 100) {
                warnings.add(String.format(Locale.ROOT, "cycle-to-cycle spread %.4g clamped to 100", c2c));
            }
            variation = variation.withCycleToCycleRelative(Math.min(100, c2c));
        } else {
            if (c2c > 1) {
                warnings.add(String.format(Locale.ROOT, "cycle-to-cycle window fraction %.4g clamped to 1", c2c));
            }
            variation = variation.withCycleToCycleWindowFraction(Math.min(1, c2c));
        }
        warnings.addAll(fit.warnings);
        double dataLow = low;
        double dataHigh = high;
        var response = model.nominalResponse(units, nominal, dataLow, dataHigh);
        List<DeviceFit> devices = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            UnitFit unit = units.get(u);
            List<FitParameter> unitParameters = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                unitParameters.add(FitParameter.of(names[j], unit.parameters()[j],
                        finiteOrNaN(unit.standardErrors()[j])));
            }
            Pairs pairs = setup.pairs.get(u);
            double sum = 0;
            for (int i = 0; i < pairs.size(); i++) {
                double r = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.after[i]) - unit.predictions()[i];
                sum += r * r;
            }
            devices.add(new DeviceFit(unit.device(), unit.windowLow(), unit.windowHigh(), unitParameters,
                    pairs.size(), Math.sqrt(sum / pairs.size())));
        }
        Trajectories trajectories = trajectories(setup, fit);
        return new PulseResponseFit(setup.data.source(), model.name(), model.variant(), fit.noise,
                setup.data.devices().size(), parameters, devices, c2c, low, high, response, variation, fit.quality,
                trajectories.rSquared, scores, warnings, trajectories.curves);
    }

    private static double finiteOrNaN(double value) {
        return Double.isFinite(value) && value >= 0 ? value : Double.NaN;
    }

    /** A parameter that ends on an edge of its allowed range is worth a word: the data asked for more. */
    private static void warnAtBounds(Setup setup, PulseModel model, int unit, LeastSquaresProblem problem,
                                     double[] parameters, List<String> warnings) {
        for (int j = 0; j < parameters.length; j++) {
            double tolerance = 1e-9 * problem.typicalMagnitudes()[j];
            boolean atLower = Math.abs(parameters[j] - problem.lower()[j]) <= tolerance;
            boolean atUpper = Math.abs(parameters[j] - problem.upper()[j]) <= tolerance;
            if (atLower || atUpper) {
                warnings.add(String.format(Locale.ROOT, "%s of %s is at the %s end of its allowed range (%s); the "
                        + "data ask for a value the %s model does not allow", model.parameterNames()[j],
                        setup.describe(setup.units.get(unit)), atLower ? "lower" : "upper",
                        atLower ? "the smallest value" : "the largest value", model.name()));
            }
        }
    }

    /** Open-loop traces simulated by the devices module and their R². */
    private static final class Trajectories {
        double rSquared;
        FitCurves curves;
    }

    private static Trajectories trajectories(Setup setup, ModelFit fit) {
        PulseModel model = fit.model;
        List<FitCurves.Series> series = new ArrayList<>();
        double residualSquares = 0;
        double totalSquares = 0;
        RngStreams streams = RngStreams.of(0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        for (int u = 0; u < setup.units.size(); u++) {
            UnitFit unit = fit.units.get(u);
            Pairs pairs = setup.pairs.get(u);
            double dataLow = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.low);
            double dataHigh = setup.toSiemens(PulseModel.Kind.CONDUCTANCE, pairs.high);
            DeviceConfig device = unitDevice(model, unit.parameters(), unit.windowLow(), unit.windowHigh(), dataLow,
                    dataHigh);
            int pairIndex = 0;
            for (DeviceTrace trace : setup.units.get(u)) {
                double[] g = trace.conductanceSiemens();
                int m = g.length;
                DevicePopulation population = DevicePopulation.create(device, 1, streams, 0);
                population.program(new float[] {(float) PulseModel.clip(g[0], unit.windowLow(), unit.windowHigh())},
                        0, 0, 1, random);
                double[] x = new double[m];
                double[] fitted = new double[m];
                double[] residual = new double[m];
                float[] read = new float[1];
                int[] pulse = new int[1];
                population.conductances(0, 1, read, 0);
                fitted[0] = read[0];
                residual[0] = Double.NaN;
                double mean = 0;
                for (double v : g) {
                    mean += v / m;
                }
                for (int k = 0; k < m; k++) {
                    x[k] = trace.direction()[0] == 0 ? k : k + 1;
                    if (k > 0) {
                        pulse[0] = trace.direction()[k];
                        population.applyPulses(pulse, 0, 0, 1, random);
                        population.conductances(0, 1, read, 0);
                        fitted[k] = read[0];
                        residual[k] = g[k] - unit.predictions()[pairIndex++];
                    }
                    residualSquares += (g[k] - fitted[k]) * (g[k] - fitted[k]);
                    totalSquares += (g[k] - mean) * (g[k] - mean);
                }
                series.add(new FitCurves.Series("device " + trace.device(), x, g.clone(), fitted, residual));
            }
        }
        Trajectories result = new Trajectories();
        result.rSquared = totalSquares > 0 ? Math.min(1, 1 - residualSquares / totalSquares) : 0;
        result.curves = new FitCurves("Pulse number", false, "Conductance", "Residual", true, false, false,
                series);
        return result;
    }
}
