package org.xbarlab.reports.charts;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.xbarlab.core.Checks;

/**
 * The unit an axis shows a quantity in, chosen from the quantity's name and the largest magnitude drawn: an SI
 * quantity (its name ends in {@code Joules}, {@code Seconds}, {@code Siemens}, ... as STYLE.md names fields) gets
 * the prefix that puts the largest value in [1, 1000) ({@code nJ}, {@code µs}, {@code µS}); an accuracy (a name
 * containing {@code accuracy}, any case) is shown in percent; anything else (bits, counts, dimensionless) as is. A
 * quantity per sample ({@code energyPerSampleJoules}) gets {@code /sample} after its symbol ({@code pJ/sample}), and
 * {@link QuantityLabels} leaves "per sample" out of its words, which keeps axis labels short.
 *
 * @param symbol the unit's symbol ({@code "nJ"}, {@code "%"}), or empty for none
 * @param factor the size of one unit in base units: a value in base units divided by it gives the value drawn
 *        ({@code 1e-9} for nJ, {@code 0.01} for percent); positive and finite
 */
public record AxisUnit(String symbol, double factor) {

    /** No unit: values drawn as they are. */
    public static final AxisUnit NONE = new AxisUnit("", 1);

    /** SI symbols that take a prefix. */
    private static final Set<String> PREFIXABLE = Set.of("S", "Ω", "V", "A", "s", "Hz", "J", "W", "F", "m");

    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G"};
    private static final int BASE_PREFIX = 5;

    /** Units of names that {@link Checks#unitSymbol} does not know. */
    private static final Map<String, String> EXTRA_SUFFIXES = Map.of("Decibels", "dB");

    /** Validates. */
    public AxisUnit {
        Objects.requireNonNull(symbol, "symbol");
        Checks.positiveFinite("factor", factor);
    }

    /**
     * The unit for a quantity.
     *
     * @param name a metric name or config path ({@code cost.training.energyPerSampleJoules},
     *        {@code chip.device.maxConductanceSiemens}), not null
     * @param maxAbs the largest magnitude drawn, in base units (0, NaN or infinity give no prefix)
     * @return the unit
     */
    public static AxisUnit forQuantity(String name, double maxAbs) {
        Objects.requireNonNull(name, "name");
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (last.toLowerCase(Locale.ROOT).contains("accuracy")) {
            return new AxisUnit("%", 0.01);
        }
        for (Map.Entry<String, String> extra : EXTRA_SUFFIXES.entrySet()) {
            if (last.endsWith(extra.getKey())) {
                return new AxisUnit(extra.getValue(), 1);
            }
        }
        String symbol = Checks.unitSymbol(name);
        String per = last.contains("PerSample") ? "/sample" : "";
        if (!PREFIXABLE.contains(symbol)) {
            return symbol.isEmpty() ? NONE : new AxisUnit(symbol + per, 1);
        }
        AxisUnit unit = prefixed(symbol, maxAbs);
        return per.isEmpty() ? unit : new AxisUnit(unit.symbol() + per, unit.factor());
    }

    /**
     * An SI unit with the prefix that puts {@code maxAbs} in [1, 1000), from femto to giga.
     *
     * @param symbol the base symbol ({@code "J"})
     * @param maxAbs the largest magnitude (base units)
     * @return the unit
     */
    public static AxisUnit prefixed(String symbol, double maxAbs) {
        double magnitude = Math.abs(maxAbs);
        if (!(magnitude > 0) || Double.isInfinite(magnitude)) {
            return new AxisUnit(symbol, 1);
        }
        int exponent = (int) Math.floor(Math.log10(magnitude) / 3 + 1e-12);
        exponent = Math.max(-BASE_PREFIX, Math.min(PREFIXES.length - 1 - BASE_PREFIX, exponent));
        return new AxisUnit(PREFIXES[exponent + BASE_PREFIX] + symbol, Math.pow(1000, exponent));
    }

    /**
     * A value in this unit.
     *
     * @param baseValue the value in base units
     * @return {@code baseValue / factor}
     */
    public double scale(double baseValue) {
        return baseValue / factor;
    }

    /**
     * An axis label: the quantity followed by the unit in parentheses, when there is one.
     *
     * @param quantity the quantity's words ({@code "Training energy per sample"})
     * @return for example {@code "Training energy per sample (nJ)"}
     */
    public String label(String quantity) {
        return symbol.isEmpty() ? quantity : quantity + " (" + symbol + ")";
    }
}
