package org.xbarlab.calibration.programming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.calibration.data.ProgrammingData;
import org.xbarlab.calibration.fit.FitFailedException;
import org.xbarlab.calibration.fit.LeastSquares;
import org.xbarlab.calibration.fit.LeastSquaresProblem;
import org.xbarlab.calibration.fit.LeastSquaresResult;
import org.xbarlab.core.Checks;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;

/**
 * Fits programming noise {@code sigma(gT) = c0 + c1 x + c2 x^2 + ...}, {@code x = gT / gMax}, to one-shot writes
 * (aihwkit's {@code PCMLikeNoiseModel} form, Nandakumar et al., ICECS 2019; the devices module's {@code polynomial}
 * programming noise with {@code referenceMaxConductanceSiemens = gMax}, so its rescaling factor is 1).
 *
 * <p><b>Method.</b> The error of write i is {@code e_i = achieved_i - target_i ~ N(0, sigma(x_i)^2)}, so
 * {@code E|e_i| = sqrt(2/pi) sigma(x_i)} and {@code sd|e_i| = sqrt(1 - 2/pi) sigma(x_i)}. The coefficients are fitted
 * by least squares of |e_i| against {@code sqrt(2/pi) poly(x_i)} (Levenberg-Marquardt, started from the linear
 * solution), then refitted with weights {@code 1 / sigma_hat(x_i)^2} from the first pass, which makes
 * {@code s^2 (J^T W J)^-1} the covariance of the coefficients (feasible generalized least squares; the mean-absolute
 * estimator keeps about 88 % of the maximum-likelihood efficiency). The mean error is reported with its standard
 * error; the model assumes it is 0.
 *
 * <p>Thread-safety: stateless.
 */
public final class ProgrammingNoiseCalibration {

    /** aihwkit's PCM fit is quadratic. */
    public static final int DEFAULT_DEGREE = 2;
    /** Largest degree accepted (the devices module allows 16 coefficients). */
    public static final int MAX_DEGREE = PolynomialProgrammingNoiseConfig.MAX_COEFFICIENT_COUNT - 1;

    private static final double ROOT_TWO_OVER_PI = Math.sqrt(2 / Math.PI);
    /** Groups of writes in the summary table. */
    private static final int BINS = 5;

    private ProgrammingNoiseCalibration() {
    }

    /**
     * Fits the data.
     *
     * @param data the writes, not null
     * @param degree the polynomial's degree, in [0, {@value #MAX_DEGREE}]
     * @param maxConductanceSiemens the device's maximum conductance gMax (S), positive; the preset the result is
     *        written into must have this maximum
     * @return the fit
     * @throws CalibrationDataException if there are fewer than {@code 2 (degree + 1)} writes or fewer than
     *         {@code degree + 1} distinct targets, or every write is exact
     */
    public static ProgrammingNoiseFit fit(ProgrammingData data, int degree, double maxConductanceSiemens) {
        Objects.requireNonNull(data, "data must not be null");
        Checks.inRange("degree", degree, 0, MAX_DEGREE);
        Checks.positiveFinite("maxConductanceSiemens", maxConductanceSiemens);
        String source = data.source();
        int n = data.size();
        int p = degree + 1;
        if (n < 2 * p) {
            throw new CalibrationDataException(source, n + " write(s); a degree-" + degree + " polynomial has " + p
                    + " coefficients and needs at least " + 2 * p + " writes");
        }
        double[] target = data.targetSiemens();
        double[] sorted = target.clone();
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        if (distinct < p) {
            throw new CalibrationDataException(source, distinct + " distinct target(s); a degree-" + degree
                    + " polynomial needs at least " + p + " (use a lower degree or more targets)");
        }
        double[] x = new double[n];
        double[] error = new double[n];
        double[] absolute = new double[n];
        double meanError = 0;
        for (int i = 0; i < n; i++) {
            x[i] = target[i] / maxConductanceSiemens;
            error[i] = data.achievedSiemens()[i] - target[i];
            absolute[i] = Math.abs(error[i]);
            meanError += error[i] / n;
        }
        double scale = 0;
        for (double a : absolute) {
            scale = Math.max(scale, a);
        }
        if (!(scale > 0)) {
            throw new CalibrationDataException(source, "every write reached its target exactly: there is no "
                    + "programming noise to fit");
        }
        // Work in units of the largest |error| so the coefficients are of order 1.
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = absolute[i] / scale;
        }
        String[] names = new String[p];
        double[] typical = new double[p];
        for (int k = 0; k < p; k++) {
            names[k] = "coefficientsSiemens[" + k + "]";
            typical[k] = 1;
        }
        double[] start = linearStart(x, y, p);
        LeastSquaresProblem problem = LeastSquaresProblem.of(names, (c, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = ROOT_TWO_OVER_PI * Math.max(0, polynomial(c, x[i]));
            }
        }, y, start, typical);
        LeastSquaresResult result;
        try {
            result = LeastSquares.fit(problem);
            double[] weights = new double[n];
            double floor = 1e-3 * max(result.predictions());
            for (int i = 0; i < n; i++) {
                double s = Math.max(result.predictions()[i], floor);
                weights[i] = 1 / (s * s);
            }
            result = LeastSquares.fit(problem.withStart(result.parameters()).withWeights(weights));
        } catch (FitFailedException e) {
            throw new CalibrationDataException(source, "the programming-noise fit failed: " + e.getMessage());
        }
        List<FitParameter> parameters = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            double value = result.parameters()[k] * scale;
            coefficients.add(value);
            double se = result.standardErrors()[k] * scale;
            parameters.add(FitParameter.of(names[k], value, Double.isFinite(se) ? se : Double.NaN));
        }
        double errorVariance = 0;
        for (double e : error) {
            errorVariance += (e - meanError) * (e - meanError) / (n - 1);
        }
        double meanErrorSe = Math.sqrt(errorVariance / n);
        parameters.add(FitParameter.of("meanErrorSiemens", meanError, meanErrorSe));
        List<String> warnings = new ArrayList<>();
        if (Math.abs(meanError) > 3 * meanErrorSe) {
            warnings.add(String.format(Locale.ROOT, "writes are biased: mean(achieved - target) = %.4g S, %.1f "
                    + "standard errors from 0; the polynomial noise model has zero mean", meanError,
                    Math.abs(meanError) / meanErrorSe));
        }
        PolynomialProgrammingNoiseConfig noise = new PolynomialProgrammingNoiseConfig(coefficients,
                maxConductanceSiemens, 1);
        double logLikelihood = 0;
        double residualSquares = 0;
        double totalSquares = 0;
        double meanAbsolute = 0;
        for (double a : absolute) {
            meanAbsolute += a / n;
        }
        double floorSigma = 1e-6 * scale;
        boolean negative = false;
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = noise.sigmaSiemens(target[i], maxConductanceSiemens);
            negative |= sigma[i] <= 0;
            double s = Math.max(sigma[i], floorSigma);
            logLikelihood += -0.5 * (Math.log(2 * Math.PI * s * s) + error[i] * error[i] / (s * s));
            double r = absolute[i] - ROOT_TWO_OVER_PI * sigma[i];
            residualSquares += r * r;
            totalSquares += (absolute[i] - meanAbsolute) * (absolute[i] - meanAbsolute);
        }
        if (negative) {
            warnings.add("the fitted polynomial is 0 or negative at some targets: those writes get no noise; use a "
                    + "lower degree");
        }
        FitQuality quality = FitQuality.of(n, p, residualSquares,
                totalSquares > 0 ? Math.min(1, 1 - residualSquares / totalSquares) : 0, logLikelihood);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(target[a], target[b]));
        double[] sx = new double[n];
        double[] se = new double[n];
        double[] sf = new double[n];
        double[] sr = new double[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sx[k] = target[i];
            se[k] = error[i];
            sf[k] = sigma[i];
            sr[k] = sigma[i] > 0 ? error[i] / sigma[i] : Double.NaN;
        }
        FitCurves curves = new FitCurves("Target conductance", true, "Write error", "Error / sigma", false, false,
                true, List.of(new FitCurves.Series("writes", sx, se, sf, sr)));
        List<ProgrammingNoiseFit.SigmaBin> bins = new ArrayList<>();
        int binCount = Math.max(1, Math.min(BINS, n / 10));
        for (int b = 0; b < binCount; b++) {
            int from = (int) ((long) b * n / binCount);
            int to = (int) ((long) (b + 1) * n / binCount);
            double meanTarget = 0;
            double squares = 0;
            for (int k = from; k < to; k++) {
                meanTarget += sx[k] / (to - from);
                squares += se[k] * se[k];
            }
            double rms = Math.sqrt(squares / (to - from));
            bins.add(new ProgrammingNoiseFit.SigmaBin(meanTarget, to - from, rms, rms / Math.sqrt(2.0 * (to - from)),
                    noise.sigmaSiemens(meanTarget, maxConductanceSiemens)));
        }
        return new ProgrammingNoiseFit(source, parameters, noise, quality, n, bins, warnings, curves);
    }

    static double polynomial(double[] c, double x) {
        double value = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            value = value * x + c[k];
        }
        return value;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Linear least squares of y / sqrt(2/pi) on 1, x, x^2, ... (normal equations, p is small). */
    private static double[] linearStart(double[] x, double[] y, int p) {
        double[][] a = new double[p][p + 1];
        for (int i = 0; i < x.length; i++) {
            double[] powers = new double[p];
            double value = 1;
            for (int k = 0; k < p; k++) {
                powers[k] = value;
                value *= x[i];
            }
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a[r][c] += powers[r] * powers[c];
                }
                a[r][p] += powers[r] * y[i] / ROOT_TWO_OVER_PI;
            }
        }
        try {
            org.apache.commons.math3.linear.RealMatrix m = new org.apache.commons.math3.linear.Array2DRowRealMatrix(
                    p, p);
            double[] b = new double[p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    m.setEntry(r, c, a[r][c]);
                }
                b[r] = a[r][p];
            }
            return new org.apache.commons.math3.linear.SingularValueDecomposition(m).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
        } catch (RuntimeException e) {
            double[] start = new double[p];
            double mean = 0;
            for (double v : y) {
                mean += v / y.length;
            }
            start[0] = mean / ROOT_TWO_OVER_PI;
            return start;
        }
    }
}
