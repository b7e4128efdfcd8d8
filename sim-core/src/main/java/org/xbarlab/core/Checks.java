package org.xbarlab.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Argument validation with messages that name the field, show the value with its unit and state the allowed range
 * (the Hipparchus rule of STYLE.md B6), for example {@code maxConductanceSiemens must be positive and finite, got
 * -2.5E-5 S} or {@code readNoiseFraction must be in [0, 1], got NaN}.
 *
 * <p>Every check returns the checked value, so it can be chained into an assignment, and throws
 * {@link IllegalArgumentException} when the value is not allowed. Floating-point checks are written as negated
 * comparisons, so NaN always fails.
 *
 * <p><b>Names and units.</b> The {@code name} argument is the field name, or a dotted config path such as
 * {@code crossbar.device.window.maxConductanceSiemens} or {@code layers[2].sizeCount}. The unit printed after
 * values is inferred from the SI suffix of the last path segment (see {@link #unitSymbol(String)}): {@code Siemens}
 * gives {@code S}, {@code Ohms} gives {@code Ω}, {@code Volts} gives {@code V}, {@code Amperes} gives {@code A},
 * {@code Seconds} gives {@code s}, {@code Hertz} gives {@code Hz}, {@code Joules} gives {@code J}, {@code Watts}
 * gives {@code W}, {@code Farads} gives {@code F}, {@code Kelvin} gives {@code K}, {@code Meters} gives {@code m},
 * {@code SquareMeters} gives {@code m²} and {@code Bits} gives {@code bits}; {@code Count}, {@code Fraction},
 * {@code Relative} and names without a unit suffix print no unit.
 *
 * <p><b>Number format.</b> Whole numbers below 10<sup>7</sup> in magnitude print without a fraction ({@code 0},
 * {@code 256}); every other value prints as {@link Double#toString(double)} does ({@code -2.5E-5}, {@code 0.5},
 * {@code NaN}, {@code Infinity}). Formatting never depends on the default locale.
 *
 * <p>A config record calls these in its compact constructor (STYLE.md B4); {@code ConfigMapper} then turns the
 * exception into a {@code ConfigException} that also carries the config path and the file line.
 *
 * <p>Thread-safety: stateless; every method may be called from any thread.
 */
public final class Checks {

    /**
     * Name suffixes and the unit symbols they stand for, longest match first ({@code SquareMeters} before
     * {@code Meters}). Dimensionless suffixes map to the empty string.
     */
    private static final String[][] UNIT_SUFFIXES = {
        {"SquareMeters", "m²"},
        {"Meters", "m"},
        {"Siemens", "S"},
        {"Ohms", "Ω"},
        {"Volts", "V"},
        {"Amperes", "A"},
        {"Seconds", "s"},
        {"Hertz", "Hz"},
        {"Joules", "J"},
        {"Watts", "W"},
        {"Farads", "F"},
        {"Kelvin", "K"},
        {"Bits", "bits"},
        {"Count", ""},
        {"Fraction", ""},
        {"Relative", ""},
    };

    /**
     * Largest magnitude printed as a whole number without a fraction; from here on {@link Double#toString(double)}
     * switches to exponent notation anyway, and a long cast would lose nothing below it.
     */
    private static final double LARGEST_PLAIN_WHOLE_NUMBER = 1e7;

    private Checks() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // double

    /**
     * Requires a finite value (not NaN, not infinite).
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires a finite value strictly above zero.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN, infinite, zero or negative
     */
    public static double positiveFinite(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires a finite value at or above zero ({@code -0.0} is accepted).
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN, infinite or negative
     */
    public static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    name + " must be non-negative and finite, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @param min smallest allowed value, not NaN
     * @param max largest allowed value, not NaN and not below {@code min}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [min, max]}, or if the range itself
     *         is invalid (a programming error)
     */
    public static double inClosedRange(String name, double value, double min, double max) {
        requireValidRange(name, min, max);
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + range(name, min, max) + ", got "
                    + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires {@code min <= value < max}.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @param min smallest allowed value, not NaN
     * @param max the excluded upper bound, not NaN and above {@code min}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [min, max)}, or if the range itself
     *         is invalid (a programming error)
     */
    public static double inHalfOpenRange(String name, double value, double min, double max) {
        requireValidRange(name, min, max);
        if (!(min < max)) {
            throw new IllegalArgumentException("invalid range for " + name + ": [" + number(min) + ", "
                    + number(max) + ") is empty");
        }
        if (!(value >= min && value < max)) {
            String unit = unitSymbol(name);
            throw new IllegalArgumentException(name + " must be in [" + number(min) + ", " + number(max) + ")"
                    + (unit.isEmpty() ? "" : " " + unit) + ", got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires a fraction in {@code [0, 1]}.
     *
     * @param name field name or config path, used in the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [0, 1]}
     */
    public static double fraction(String name, double value) {
        return inClosedRange(name, value, 0, 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // int and long

    /**
     * Requires an integer strictly above zero.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value <= 0}
     */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires an integer strictly above zero.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value <= 0}
     */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires an integer at or above zero.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires an integer at or above zero.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + withUnit(name, value));
        }
        return value;
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @param min smallest allowed value
     * @param max largest allowed value, not below {@code min}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is outside {@code [min, max]}, or if {@code min > max}
     *         (a programming error)
     */
    public static int inRange(String name, int value, int min, int max) {
        return (int) inRange(name, (long) value, min, max);
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @param name field name or config path, used in the message and to infer the unit
     * @param value the value to check
     * @param min smallest allowed value
     * @param max largest allowed value, not below {@code min}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is outside {@code [min, max]}, or if {@code min > max}
     *         (a programming error)
     */
    public static long inRange(String name, long value, long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("invalid range for " + name + ": [" + min + ", " + max
                    + "], the minimum is above the maximum");
        }
        if (value < min || value > max) {
            String unit = unitSymbol(name);
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]"
                    + (unit.isEmpty() ? "" : " " + unit) + ", got " + withUnit(name, value));
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------
    // references, strings and collections

    /**
     * Requires a non-null reference. Config records use this for nested records and lists, so that a missing key
     * is reported with its name.
     *
     * @param name field name or config path, used in the message
     * @param value the reference to check
     * @param <T> the type of the reference
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Requires a non-null string with at least one character.
     *
     * @param name field name or config path, used in the message
     * @param value the string to check
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static String notEmpty(String name, String value) {
        notNull(name, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /**
     * Requires a non-null collection with at least one element.
     *
     * @param name field name or config path, used in the message
     * @param value the collection to check
     * @param <C> the collection type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static <C extends Collection<?>> C notEmpty(String name, C value) {
        notNull(name, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /**
     * Requires a non-null map with at least one entry.
     *
     * @param name field name or config path, used in the message
     * @param value the map to check
     * @param <M> the map type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null or empty
     */
    public static <M extends Map<?, ?>> M notEmpty(String name, M value) {
        notNull(name, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /**
     * Requires a non-null collection without null elements; the message names the first null element by its
     * position, for example {@code layers[2] must not be null}. Records call this before {@code List.copyOf},
     * which would otherwise fail with a message-less {@link NullPointerException}.
     *
     * @param name field name or config path, used in the message
     * @param value the collection to check
     * @param <C> the collection type
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} or one of its elements is null
     */
    public static <C extends Collection<?>> C noNullElements(String name, C value) {
        notNull(name, value);
        int index = 0;
        for (Object element : value) {
            if (element == null) {
                throw new IllegalArgumentException(name + "[" + index + "] must not be null");
            }
            index++;
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------
    // general conditions

    /**
     * Requires a condition, typically a cross-field rule. The message is formatted with {@link Locale#ROOT} and
     * should start with the name of the first field it is about, for example
     * {@code isTrue(min < max, "minConductanceSiemens (%s S) must be below maxConductanceSiemens (%s S)", min, max)};
     * {@code ConfigMapper} then points the error at that field.
     *
     * @param condition the condition that must hold
     * @param format a {@link String#format(Locale, String, Object...)} pattern for the message
     * @param args the pattern's arguments
     * @throws IllegalArgumentException with the formatted message if {@code condition} is false
     */
    public static void isTrue(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * {@link #isTrue(boolean, String, Object...)} with one whole-number argument, boxed only when the check
     * fails: hot paths call it without allocating.
     *
     * @param condition the condition that must hold
     * @param format message format (for {@link String#format}) naming the field, the value and what is allowed
     * @param first the format's argument
     * @throws IllegalArgumentException with the formatted message if {@code condition} is false
     */
    public static void isTrue(boolean condition, String format, long first) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, first));
        }
    }

    /**
     * {@link #isTrue(boolean, String, Object...)} with two whole-number arguments, boxed only when the check fails.
     *
     * @param condition the condition that must hold
     * @param format message format naming the field, the value and what is allowed
     * @param first the format's first argument
     * @param second the format's second argument
     * @throws IllegalArgumentException with the formatted message if {@code condition} is false
     */
    public static void isTrue(boolean condition, String format, long first, long second) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, first, second));
        }
    }

    /**
     * {@link #isTrue(boolean, String, Object...)} with three whole-number arguments, boxed only when the check
     * fails.
     *
     * @param condition the condition that must hold
     * @param format message format naming the field, the value and what is allowed
     * @param first the format's first argument
     * @param second the format's second argument
     * @param third the format's third argument
     * @throws IllegalArgumentException with the formatted message if {@code condition} is false
     */
    public static void isTrue(boolean condition, String format, long first, long second, long third) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, first, second, third));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // formatting helpers

    /**
     * The unit symbol inferred from the SI suffix of a field name or of the last segment of a config path
     * ({@code "crossbar.readVoltageVolts"} gives {@code "V"}, {@code "layers[2].sizeCount"} gives {@code ""}).
     * A name that is exactly a suffix in lower case ({@code "seconds"}) counts as that suffix.
     *
     * @param name a field name or config path, not null
     * @return the symbol ({@code "S"}, {@code "Ω"}, {@code "m²"}, {@code "bits"}, …), or the empty string for a
     *         dimensionless or unknown quantity
     */
    public static String unitSymbol(String name) {
        String field = lastSegment(name);
        for (String[] suffix : UNIT_SUFFIXES) {
            if (field.endsWith(suffix[0]) || field.equalsIgnoreCase(suffix[0])) {
                return suffix[1];
            }
        }
        return "";
    }

    /**
     * A value followed by the unit symbol of {@code name}, in the format of the messages of this class, for
     * example {@code "-2.5E-5 S"}, {@code "256"} or {@code "NaN V"}.
     *
     * @param name a field name or config path whose suffix gives the unit, not null
     * @param value the value
     * @return the formatted value and unit
     */
    public static String withUnit(String name, double value) {
        String unit = unitSymbol(name);
        return unit.isEmpty() ? number(value) : number(value) + " " + unit;
    }

    /**
     * An integer followed by the unit symbol of {@code name}, for example {@code "12 bits"}.
     *
     * @param name a field name or config path whose suffix gives the unit, not null
     * @param value the value
     * @return the formatted value and unit
     */
    public static String withUnit(String name, long value) {
        String unit = unitSymbol(name);
        return unit.isEmpty() ? Long.toString(value) : value + " " + unit;
    }

    /**
     * Formats a number as the messages of this class do: whole numbers below 10<sup>7</sup> in magnitude without a
     * fraction ({@code "0"}, {@code "256"}), others as {@link Double#toString(double)} ({@code "2.5E-5"},
     * {@code "NaN"}). Independent of the default locale.
     *
     * @param value the number
     * @return its text
     */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_WHOLE_NUMBER) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String range(String name, double min, double max) {
        String unit = unitSymbol(name);
        return number(min) + ", " + number(max) + "]" + (unit.isEmpty() ? "" : " " + unit);
    }

    private static void requireValidRange(String name, double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("invalid range for " + name + ": [" + number(min) + ", "
                    + number(max) + "]; the bounds must be ordered and not NaN");
        }
    }

    /** The last field name of a dotted path, without trailing index brackets. */
    private static String lastSegment(String name) {
        String field = name.substring(name.lastIndexOf('.') + 1);
        int bracket = field.indexOf('[');
        return bracket >= 0 ? field.substring(0, bracket) : field;
    }
}
