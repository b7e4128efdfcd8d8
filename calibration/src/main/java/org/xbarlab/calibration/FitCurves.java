package org.xbarlab.calibration;

import java.util.List;

import org.xbarlab.core.Checks;

/**
 * What a figure of a fit shows: for each series (a device, usually) the observations and the fitted model against
 * one abscissa, and the residuals below (the reports module's {@code CalibrationFitFigure} draws it). Values are in SI
 * units; the figure chooses the prefix.
 *
 * @param xLabel abscissa label ({@code "Pulse number"}, {@code "Time since programming (s)"}), not empty; without
 *        unit when {@code xInSiemens}
 * @param xInSiemens whether the abscissae are conductances (S), drawn in the prefix that suits them
 * @param yQuantity the plotted quantity without unit ({@code "Conductance"}), not empty; its unit is siemens
 * @param residualLabel label of the residual axis without unit ({@code "Residual"}), not empty
 * @param residualsInSiemens whether residuals are conductances (drawn with the same prefix as the data) or
 *        dimensionless (standardized residuals)
 * @param logarithmicX whether the abscissa is drawn on a log scale (drift)
 * @param symmetricFit whether the fitted line stands for a band {@code ±fitted} around 0 (programming noise:
 *        the error and ±σ)
 * @param series the series, at least one; the figure draws the first few
 */
public record FitCurves(String xLabel, boolean xInSiemens, String yQuantity, String residualLabel,
                        boolean residualsInSiemens, boolean logarithmicX, boolean symmetricFit, List<Series> series) {

    /** Validates the fields and copies the list. */
    public FitCurves {
        Checks.notEmpty("xLabel", xLabel);
        Checks.notEmpty("yQuantity", yQuantity);
        Checks.notEmpty("residualLabel", residualLabel);
        Checks.notEmpty("series", series);
        Checks.noNullElements("series", series);
        series = List.copyOf(series);
    }

    /**
     * One series: observed and fitted values at the same abscissae, and the residual of each observation. NaN marks
     * a missing value (a residual of the first reading, which has no predecessor). The arrays are owned by the
     * record (not copied) and must not be modified.
     *
     * @param name legend entry ({@code "device 3"}), not empty
     * @param x abscissae, finite
     * @param observed observations (S)
     * @param fitted the model at the same abscissae (S)
     * @param residual residuals (S, or dimensionless, see {@link FitCurves#residualsInSiemens()})
     */
    public record Series(String name, double[] x, double[] observed, double[] fitted, double[] residual) {

        /** Validates that the four arrays have the same length. */
        public Series {
            Checks.notEmpty("name", name);
            Checks.notNull("x", x);
            Checks.notNull("observed", observed);
            Checks.notNull("fitted", fitted);
            Checks.notNull("residual", residual);
            Checks.isTrue(x.length > 0 && observed.length == x.length && fitted.length == x.length
                    && residual.length == x.length,
                    "x, observed, fitted and residual must have the same positive length, got %s, %s, %s, %s",
                    x.length, observed.length, fitted.length, residual.length);
        }
    }
}
