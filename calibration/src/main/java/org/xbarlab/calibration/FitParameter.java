package org.xbarlab.calibration;

import org.xbarlab.core.Checks;

/**
 * One fitted parameter with its standard error.
 *
 * @param name the parameter's name, with its SI unit suffix where it has one ({@code potentiationStepSiemens},
 *        {@code gammaUp}), not empty
 * @param value the estimate, finite
 * @param standardError its standard error (same unit), non-negative, or NaN when the data do not determine it (a
 *        singular Jacobian)
 * @param unit the unit symbol ({@code "S"}, {@code "s"}) or the empty string for dimensionless values, not null
 */
public record FitParameter(String name, double value, double standardError, String unit) {

    /** Validates the fields. */
    public FitParameter {
        Checks.notEmpty("name", name);
        Checks.finite(name, value);
        Checks.isTrue(Double.isNaN(standardError) || standardError >= 0 && standardError < Double.POSITIVE_INFINITY,
                "standardError of %s must be non-negative and finite or NaN, got %s", name,
                Checks.number(standardError));
        Checks.notNull("unit", unit);
    }

    /**
     * A parameter whose unit is inferred from the SI suffix of its name ({@link Checks#unitSymbol(String)}).
     *
     * @param name the name, not empty
     * @param value the estimate
     * @param standardError its standard error, or NaN
     * @return the parameter
     */
    public static FitParameter of(String name, double value, double standardError) {
        return new FitParameter(name, value, standardError, Checks.unitSymbol(name));
    }

    /**
     * The parameter of a given name in a list.
     *
     * @param parameters the list, not null
     * @param name the name
     * @return the first parameter of that name
     * @throws IllegalArgumentException if there is none (the message lists the names)
     */
    public static FitParameter named(java.util.List<FitParameter> parameters, String name) {
        for (FitParameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'; the parameters are "
                + parameters.stream().map(FitParameter::name).toList());
    }

    /**
     * Whether the data determine this parameter (its standard error is known).
     *
     * @return true when the standard error is not NaN
     */
    public boolean determined() {
        return !Double.isNaN(standardError);
    }
}
