package org.xbarlab.calibration.programming;

import java.util.List;

import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.core.Checks;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;

/**
 * The result of {@link ProgrammingNoiseCalibration#fit}.
 *
 * @param source the data file, as given
 * @param parameters the coefficients {@code coefficientsSiemens[k]} (S) with standard errors, then
 *        {@code meanErrorSiemens}, the mean of achieved - target (S) with its standard error (the model assumes 0)
 * @param noise the programming-noise config for the preset
 * @param quality quality of the sigma polynomial: R² of |error| against {@code sqrt(2/pi) sigma(target)} relative to
 *        the mean |error|, and the Gaussian likelihood of the errors
 * @param writeCount number of writes used
 * @param bins the writes in up to 5 groups of equal size by target: the observed RMS error of each group against
 *        the fitted sigma at its mean target (the check a reader can do by eye)
 * @param warnings things the user should know (a biased mean error, a polynomial negative inside the data)
 * @param curves what the figure shows: the errors against the target, ±sigma, and the standardized errors
 */
public record ProgrammingNoiseFit(String source, List<FitParameter> parameters,
                                  PolynomialProgrammingNoiseConfig noise, FitQuality quality, int writeCount,
                                  List<SigmaBin> bins, List<String> warnings, FitCurves curves) {

    /**
     * One group of writes by target.
     *
     * @param targetSiemens the mean target of the group (S)
     * @param writeCount writes in the group, positive
     * @param rmsErrorSiemens root mean square of achieved - target (S)
     * @param rmsErrorStandardError its standard error, {@code rms / sqrt(2 n)} (S)
     * @param fittedSigmaSiemens the fitted sigma at the mean target (S)
     */
    public record SigmaBin(double targetSiemens, int writeCount, double rmsErrorSiemens,
                           double rmsErrorStandardError, double fittedSigmaSiemens) {
        /** Validates the count. */
        public SigmaBin {
            Checks.positive("writeCount", writeCount);
        }
    }

    /** Validates the fields and copies the lists. */
    public ProgrammingNoiseFit {
        Checks.notNull("source", source);
        parameters = List.copyOf(parameters);
        Checks.notNull("noise", noise);
        Checks.notNull("quality", quality);
        Checks.positive("writeCount", writeCount);
        bins = List.copyOf(bins);
        warnings = List.copyOf(warnings);
        Checks.notNull("curves", curves);
    }

    /**
     * {@code base} with this programming noise (write-verify settings and everything else kept).
     *
     * @param base the device, not null
     * @return the device with the fitted programming noise
     */
    public DeviceConfig applyTo(DeviceConfig base) {
        Checks.notNull("base", base);
        return base.withProgramming(base.programming().withNoise(noise));
    }

    /**
     * A parameter by name.
     *
     * @param name the name ({@code coefficientsSiemens[0]}, {@code meanErrorSiemens})
     * @return the parameter
     * @throws IllegalArgumentException if there is none
     */
    public FitParameter parameter(String name) {
        return FitParameter.named(parameters, name);
    }

    /**
     * The fitted sigma of a write.
     *
     * @param targetSiemens the target (S)
     * @param maxConductanceSiemens the device's maximum conductance (S)
     * @return sigma (S)
     */
    public double sigmaSiemens(double targetSiemens, double maxConductanceSiemens) {
        return noise.sigmaSiemens(targetSiemens, maxConductanceSiemens);
    }
}
