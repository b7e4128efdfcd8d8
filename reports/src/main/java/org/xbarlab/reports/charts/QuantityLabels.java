package org.xbarlab.reports.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Words for a metric name or config path on an axis or in a legend, short enough for a column-wide figure, without
 * the unit (which {@link AxisUnit} adds): the last segment with its unit suffix and "PerSample" removed (the unit
 * says "/sample") and its camel case split, prefixed by the phase for costs and by the parent segment for config
 * paths. {@code cost.training.energyPerSampleJoules} gives {@code "Training energy"} (drawn as "Training energy
 * (pJ/sample)"), every {@code metrics.testAccuracy...} gives {@code "Test accuracy"} (which one is in the figure's
 * title and caption, from {@link #full(String)}), {@code chip.tile.forward.adc.resolutionBits} gives
 * {@code "ADC resolution"}. Stateless.
 */
public final class QuantityLabels {

    /** Unit suffixes of field names (STYLE.md B3), removed from labels because the unit goes in parentheses. */
    private static final List<String> UNIT_SUFFIXES = List.of("SquareMeters", "Meters", "Siemens", "Ohms", "Volts",
            "Amperes", "Seconds", "Hertz", "Joules", "Watts", "Farads", "Kelvin", "Bits", "Count", "Fraction",
            "Relative", "Decibels");

    /** Words written in capitals. */
    private static final Set<String> ACRONYMS = Set.of("adc", "dac", "ir", "ep", "bp", "wta", "mvm", "pcm", "rram");

    /** Segments that add nothing as context. */
    private static final Set<String> NO_CONTEXT = Set.of("metrics", "chip", "data", "training", "evaluation");

    private QuantityLabels() {
    }

    /**
     * The label of a name, or the caller's label for it.
     *
     * @param name a metric name or config path, not null
     * @param overrides labels chosen by the user, by name; not null
     * @return the words, first letter capitalized
     */
    public static String of(String name, Map<String, String> overrides) {
        Objects.requireNonNull(name, "name");
        String custom = overrides.get(name);
        return custom != null ? custom : of(name);
    }

    /**
     * The label of a name.
     *
     * @param name a metric name or config path, not null
     * @return the words, first letter capitalized
     */
    public static String of(String name) {
        String[] segments = name.split("\\.");
        String last = segments[segments.length - 1].replaceAll("\\[\\d+]$", "");
        if (last.toLowerCase(Locale.ROOT).startsWith("testaccuracy")) {
            // The variant (direct association, linear classifier) goes in titles and captions, not on the axis.
            return "Test accuracy";
        }
        String stem = stripUnit(last).replace("PerSample", "");
        List<String> words = new ArrayList<>(words(stem.isEmpty() ? last : stem));
        if (segments.length >= 2) {
            String parent = segments[segments.length - 2].replaceAll("\\[\\d+]$", "");
            boolean cost = segments[0].equals("cost");
            if ((cost || !NO_CONTEXT.contains(parent)) && !parent.equals("summary")
                    && !(words.size() > 0 && words.get(0).equalsIgnoreCase(parent))) {
                words.addAll(0, words(parent));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            text.append(text.length() > 0 ? " " : "")
                    .append(ACRONYMS.contains(word) ? word.toUpperCase(Locale.ROOT) : word);
        }
        if (text.length() > 0 && Character.isLowerCase(text.charAt(0))) {
            text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        }
        return text.toString();
    }

    /**
     * The full words of a name, for titles and captions: as {@link #of(String)} but keeping the variant of an
     * accuracy and "per sample" ({@code "Test accuracy, direct association"}, {@code "Training energy per sample"}).
     *
     * @param name a metric name or config path, not null
     * @return the words, first letter capitalized
     */
    public static String full(String name) {
        String[] segments = name.split("\\.");
        String last = segments[segments.length - 1];
        if (last.toLowerCase(Locale.ROOT).startsWith("testaccuracy") && last.length() > "testAccuracy".length()) {
            return "Test accuracy, " + String.join(" ", words(last.substring("testAccuracy".length())));
        }
        if (last.contains("PerSample")) {
            List<String> words = new ArrayList<>();
            if (segments.length >= 2 && segments[0].equals("cost")) {
                words.addAll(words(segments[segments.length - 2]));
            }
            words.addAll(words(stripUnit(last)));
            String text = String.join(" ", words);
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        return of(name);
    }

    /**
     * The last segment of a path, for compact legends.
     *
     * @param name a path, not null
     * @return for example {@code resolutionBits}
     */
    public static String shortName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String stripUnit(String segment) {
        for (String suffix : UNIT_SUFFIXES) {
            if (segment.endsWith(suffix) && segment.length() > suffix.length()) {
                return segment.substring(0, segment.length() - suffix.length());
            }
        }
        return segment;
    }

    /** Camel case to lower-case words: {@code energyPerSample} gives [energy, per, sample]. */
    private static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && word.length() > 0
                    && !(Character.isUpperCase(camel.charAt(i - 1))
                    && (i + 1 >= camel.length() || Character.isUpperCase(camel.charAt(i + 1))))) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (c == '-' || c == '_') {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
                continue;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
