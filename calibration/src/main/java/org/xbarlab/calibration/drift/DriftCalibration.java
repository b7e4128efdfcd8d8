package org.xbarlab.calibration.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.calibration.data.DriftData;
import org.xbarlab.calibration.data.DriftSeries;
import org.xbarlab.calibration.fit.FitFailedException;
import org.xbarlab.calibration.fit.LeastSquares;
import org.xbarlab.calibration.fit.LeastSquaresProblem;
import org.xbarlab.calibration.fit.LeastSquaresResult;
import org.xbarlab.devices.drift.DriftConfig;
import org.xbarlab.devices.drift.PcmDriftConfig;
import org.xbarlab.devices.drift.PowerLawDriftConfig;

/**
 * Fits the drift exponent's distribution (docs/calibration.md, "Fitting drift").
 *
 * <p><b>Each device.</b> The power law of amorphous-phase structural relaxation (Ielmini et al., IEEE Trans. Electron
 * Devices 54, 308, 2007; Boybat et al., Nat. Commun. 9, 2514, 2018; Le Gallo et al., Adv. Electron. Mater. 4,
 * 1700627, 2018) in the devices module's time convention, {@code G(s) = G_prog ((s + t0) / t0)^-nu} with s the time
 * since programming, is linear in logarithms: {@code ln G = ln G_prog - nu L}, {@code L = ln((s + t0) / t0)}.
 * Ordinary least squares on (L, ln G) gives nu, {@code G_prog} and the standard error of nu (read noise taken as
 * relative, hence constant in ln G).
 *
 * <p><b>Across devices.</b> The exponents {@code nu_d} scatter by the device-to-device spread and by each fit's
 * estimation error {@code se_d}: {@code nu_d ~ N(mu(x_d), sigma(x_d)^2 + se_d^2)} with {@code x_d = G_prog,d / gMax}.
 * <ul>
 *   <li>{@code power-law}: mu and sigma constant; {@code mu = mean(nu_d)} (standard error sd/sqrt(D)),
 *   {@code sigma^2 = var(nu_d) - mean(se_d^2)} floored at 0 (method of moments).</li>
 *   <li>{@code pcm} (aihwkit's {@code PCMLikeNoiseModel}, Nandakumar et al., ICECS 2019): {@code mu = a ln x + b} by
 *   least squares of nu_d on ln x_d; {@code sigma = c ln x + e} by Levenberg-Marquardt on the absolute residuals,
 *   whose expectation is {@code sqrt(2/pi) sqrt(sigma(x_d)^2 + se_d^2)}. The written clips of mu and sigma are their
 *   values at the ends of the observed conductances (no extrapolation). The devices module folds the drawn exponent
 *   (|mu + sigma xi|), which differs from the fitted normal only where mu is within a few sigma of 0.</li>
 * </ul>
 * {@code auto} picks the smaller BIC ({@code k ln D - 2 ln L}, k = 2 or 4) of the two Gaussian likelihoods of the
 * nu_d; {@code pcm} is a candidate only with at least {@value #MIN_DEVICES_FOR_PCM} devices. The power law is
 * written with {@code negativeExponents = keep}, so the simulated exponents follow the fitted normal.
 *
 * <p>The devices module draws a device's exponent from the target of its programming: the fit uses the target when
 * the file has the optional {@code targetConductanceSiemens} column, else {@code G_prog}, the fitted conductance right
 * after programming. With programming noise, {@code G_prog} is a noisy stand-in for the target and attenuates the
 * fitted slopes toward 0 (errors in variables), so give the targets when they are known.
 *
 * <p>Thread-safety: stateless.
 */
public final class DriftCalibration {

    /** Fewest devices for the conductance-dependent model (4 parameters). */
    public static final int MIN_DEVICES_FOR_PCM = 6;
    /** Fewest readings per device (2 parameters and one degree of freedom for the standard error). */
    public static final int MIN_READINGS = 3;
    /** aihwkit's floor of the normalized conductance before the logarithm. */
    static final double MIN_NORMALIZED_CONDUCTANCE = 1e-7;

    private DriftCalibration() {
    }

    /**
     * Fits the data.
     *
     * @param data drift readings of at least 2 devices, each with at least {@value #MIN_READINGS} readings
     * @param options what to fit, not null
     * @return the fit
     * @throws CalibrationDataException if a device has too few readings or there is only one device
     */
    public static DriftFit fit(DriftData data, DriftOptions options) {
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(options, "options must not be null");
        String source = data.source();
        List<DriftSeries> series = data.devices();
        if (series.size() < 2) {
            throw new CalibrationDataException(source, "only one device (" + series.get(0).describe() + "); the "
                    + "spread of the drift exponent needs at least 2 devices");
        }
        double t0 = options.referenceTimeSeconds();
        List<DeviceDrift> devices = new ArrayList<>();
        double readingResiduals = 0;
        double readingTotal = 0;
        List<FitCurves.Series> curves = new ArrayList<>();
        for (DriftSeries device : series) {
            int n = device.readingCount();
            if (n < MIN_READINGS) {
                throw new CalibrationDataException(source, device.describe() + " has " + n + " reading(s); the "
                        + "power law needs at least " + MIN_READINGS + " per device (2 parameters and their error)");
            }
            double[] l = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                l[i] = Math.log((device.timeSeconds()[i] + t0) / t0);
                y[i] = Math.log(device.conductanceSiemens()[i]);
            }
            Line line = Line.fit(l, y);
            double residualVariance = line.rss() / (n - 2);
            double exponent = -line.slope();
            double error = Math.sqrt(residualVariance / line.sxx());
            devices.add(new DeviceDrift(device.device(), exponent, error, Math.exp(line.intercept()), n,
                    Math.sqrt(residualVariance), device.targetConductanceSiemens()));
            readingResiduals += line.rss();
            readingTotal += line.syy();
            double[] fitted = new double[n];
            double[] residual = new double[n];
            for (int i = 0; i < n; i++) {
                fitted[i] = Math.exp(line.intercept() + line.slope() * l[i]);
                residual[i] = device.conductanceSiemens()[i] - fitted[i];
            }
            curves.add(new FitCurves.Series("device " + device.device(), device.timeSeconds().clone(),
                    device.conductanceSiemens().clone(), fitted, residual));
        }
        int d = devices.size();
        double[] nu = new double[d];
        double[] se2 = new double[d];
        double[] logX = new double[d];
        for (int k = 0; k < d; k++) {
            nu[k] = devices.get(k).exponent();
            double se = devices.get(k).exponentStandardError();
            se2[k] = Double.isFinite(se) ? se * se : 0;
            logX[k] = Math.log(Math.max(MIN_NORMALIZED_CONDUCTANCE,
                    devices.get(k).dependenceConductanceSiemens() / options.maxConductanceSiemens()));
        }
        List<String> warnings = new ArrayList<>();
        Candidate powerLaw = powerLaw(nu, se2, options, warnings);
        List<DriftFit.DriftScore> comparison = new ArrayList<>();
        comparison.add(new DriftFit.DriftScore("power-law", powerLaw.quality));
        Candidate chosen = powerLaw;
        boolean pcmPossible = d >= MIN_DEVICES_FOR_PCM && spread(logX) > 0;
        if (options.model() == DriftModelChoice.PCM && !pcmPossible) {
            throw new CalibrationDataException(source, d + " device(s) with " + (spread(logX) > 0 ? "" : "equal ")
                    + "conductances; the pcm drift model needs at least " + MIN_DEVICES_FOR_PCM + " devices at "
                    + "different conductances");
        }
        if (options.model() != DriftModelChoice.POWER_LAW && pcmPossible) {
            Candidate pcm = pcm(source, nu, se2, logX, options);
            comparison.add(new DriftFit.DriftScore("pcm", pcm.quality));
            if (options.model() == DriftModelChoice.PCM || pcm.quality.bic() < powerLaw.quality.bic()) {
                chosen = pcm;
            }
        }
        double readingsRSquared = readingTotal > 0 ? 1 - readingResiduals / readingTotal : 0;
        FitCurves figure = new FitCurves("Time since programming (s)", false, "Conductance", "Residual", true, true,
                false, curves);
        return new DriftFit(source, chosen.model, chosen.parameters, devices, chosen.drift, chosen.quality,
                Math.min(1, readingsRSquared), comparison, warnings, figure);
    }

    /** A fitted distribution of the exponents. */
    private static final class Candidate {
        String model;
        List<FitParameter> parameters;
        DriftConfig drift;
        FitQuality quality;
    }

    private static Candidate powerLaw(double[] nu, double[] se2, DriftOptions options, List<String> warnings) {
        int d = nu.length;
        double mean = mean(nu);
        double variance = 0;
        for (double v : nu) {
            variance += (v - mean) * (v - mean) / (d - 1);
        }
        double noise = mean(se2);
        double sigma = Math.sqrt(Math.max(0, variance - noise));
        if (variance <= noise) {
            warnings.add(String.format(java.util.Locale.ROOT, "the exponents scatter no more than their fits' "
                    + "errors (variance %.3g, mean squared error %.3g): exponentSigma is 0", variance, noise));
        }
        // Standard error of sigma: delta method on the sample variance, var(s^2) ~ 2 s^4 / (D - 1).
        double sigmaError = sigma > 0 ? Math.sqrt(2.0 / (d - 1)) * variance / (2 * sigma) : Double.NaN;
        Candidate candidate = new Candidate();
        candidate.model = "power-law";
        candidate.parameters = List.of(FitParameter.of("meanExponent", mean, Math.sqrt(variance / d)),
                FitParameter.of("exponentSigma", sigma, sigmaError));
        candidate.drift = new PowerLawDriftConfig(clamp(mean, -1, 1), clamp(sigma, 0, 1),
                options.referenceTimeSeconds(), PowerLawDriftConfig.NegativeExponents.KEEP);
        double logLikelihood = 0;
        double rss = 0;
        for (int k = 0; k < d; k++) {
            logLikelihood += normalLogDensity(nu[k] - mean, sigma * sigma + se2[k]);
            rss += (nu[k] - mean) * (nu[k] - mean);
        }
        candidate.quality = FitQuality.of(d, 2, rss, 0, logLikelihood);
        return candidate;
    }

    private static Candidate pcm(String source, double[] nu, double[] se2, double[] logX, DriftOptions options) {
        int d = nu.length;
        // Mean: ordinary least squares of nu on ln x.
        Line line = Line.fit(logX, nu);
        double meanX = line.meanX();
        double sxx = line.sxx();
        double slope = line.slope();
        double intercept = line.intercept();
        double rss = line.rss();
        double residualVariance = rss / (d - 2);
        double slopeError = Math.sqrt(residualVariance / sxx);
        double interceptError = Math.sqrt(residualVariance * (1.0 / d + meanX * meanX / sxx));
        double[] absolute = new double[d];
        for (int k = 0; k < d; k++) {
            absolute[k] = Math.abs(nu[k] - (slope * logX[k] + intercept));
        }
        // Spread: E|residual| = sqrt(2/pi) sqrt(sigma(x)^2 + se^2), sigma(x) = c ln x + e.
        double root = Math.sqrt(2 / Math.PI);
        double noise = mean(se2);
        double start = Math.sqrt(Math.max(residualVariance - noise, 1e-6 * residualVariance + 1e-12));
        LeastSquaresProblem problem = LeastSquaresProblem.of(new String[] {"exponentSigmaLogSlope",
            "exponentSigmaIntercept"}, (p, out) -> {
                for (int k = 0; k < d; k++) {
                    double sigma = p[0] * logX[k] + p[1];
                    out[k] = root * Math.sqrt(sigma * sigma + se2[k]);
                }
            }, absolute, new double[] {0, start}, new double[] {start, start});
        LeastSquaresResult spread;
        try {
            spread = LeastSquares.fit(problem);
        } catch (FitFailedException e) {
            throw new CalibrationDataException(source, "the pcm spread fit failed: " + e.getMessage());
        }
        double c = spread.parameters()[0];
        double e = spread.parameters()[1];
        if (c * meanX + e < 0) {
            c = -c;
            e = -e;
        }
        double[] ends = extremes(logX);
        double lowX = ends[0];
        double highX = ends[1];
        double meanAtLow = slope * lowX + intercept;
        double meanAtHigh = slope * highX + intercept;
        double sigmaAtLow = c * lowX + e;
        double sigmaAtHigh = c * highX + e;
        Candidate candidate = new Candidate();
        candidate.model = "pcm";
        candidate.parameters = List.of(FitParameter.of("meanExponentLogSlope", slope, slopeError),
                FitParameter.of("meanExponentIntercept", intercept, interceptError),
                FitParameter.of("exponentSigmaLogSlope", c, finite(spread.standardErrors()[0])),
                FitParameter.of("exponentSigmaIntercept", e, finite(spread.standardErrors()[1])));
        candidate.drift = new PcmDriftConfig(slope, intercept,
                clamp(Math.min(meanAtLow, meanAtHigh), 0, 1), clamp(Math.max(meanAtLow, meanAtHigh), 0, 1),
                c, e, clamp(Math.min(sigmaAtLow, sigmaAtHigh), 0, 1), clamp(Math.max(sigmaAtLow, sigmaAtHigh), 0, 1),
                MIN_NORMALIZED_CONDUCTANCE, 1, options.referenceTimeSeconds());
        double logLikelihood = 0;
        for (int k = 0; k < d; k++) {
            double sigma = c * logX[k] + e;
            logLikelihood += normalLogDensity(nu[k] - (slope * logX[k] + intercept), sigma * sigma + se2[k]);
        }
        candidate.quality = FitQuality.of(d, 4, rss, line.syy() > 0 ? 1 - rss / line.syy() : 0, logLikelihood);
        return candidate;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }

    private static double spread(double[] values) {
        double[] ends = extremes(values);
        return ends[1] - ends[0];
    }

    /** {min, max} of the values. */
    private static double[] extremes(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** The mean, summed as {@code v / n} term by term. */
    private static double mean(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        return mean;
    }

    /**
     * Ordinary least squares of y on x.
     *
     * @param meanX mean of x
     * @param meanY mean of y
     * @param sxx centred sum of squares of x
     * @param sxy centred sum of products
     * @param syy centred sum of squares of y
     * @param slope {@code sxy / sxx}
     * @param intercept {@code meanY - slope meanX}
     * @param rss residual sum of squares, {@code max(0, syy - slope sxy)}
     */
    private record Line(double meanX, double meanY, double sxx, double sxy, double syy, double slope,
                        double intercept, double rss) {

        static Line fit(double[] x, double[] y) {
            double meanX = mean(x);
            double meanY = mean(y);
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            for (int i = 0; i < x.length; i++) {
                sxx += (x[i] - meanX) * (x[i] - meanX);
                sxy += (x[i] - meanX) * (y[i] - meanY);
                syy += (y[i] - meanY) * (y[i] - meanY);
            }
            double slope = sxy / sxx;
            return new Line(meanX, meanY, sxx, sxy, syy, slope, meanY - slope * meanX, Math.max(0, syy - slope * sxy));
        }
    }

    /** ln of the normal density of a deviation with a variance; the variance is floored to stay finite. */
    static double normalLogDensity(double deviation, double variance) {
        double v = Math.max(variance, 1e-24);
        return -0.5 * (Math.log(2 * Math.PI * v) + deviation * deviation / v);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
