package org.xbarlab.cli;

import java.util.Locale;

/** Formats SI values with a readable prefix for terminal summaries (results files keep SI base units). */
final class Units {

    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G"};

    private Units() {
    }

    static String energy(double joules) {
        return format(joules, "J");
    }

    static String time(double seconds) {
        return format(seconds, "s");
    }

    static String format(double value, String unit) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%s %s", value == 0 ? "0" : Double.toString(value), unit);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        exponent = Math.max(-5, Math.min(3, exponent));
        double scaled = value / Math.pow(1000, exponent);
        return String.format(Locale.ROOT, "%.3g %s%s", scaled, PREFIXES[exponent + 5], unit);
    }
}
