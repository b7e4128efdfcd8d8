package org.xbarlab.reports.charts;

import java.util.Map;
import java.util.Set;

/**
 * Choices that apply to every figure of a report.
 *
 * @param logAxes names (swept paths or metric names) drawn on a logarithmic axis wherever they appear; parameters
 *        swept on a log scale are drawn so anyway; copied
 * @param labels axis and legend words chosen by the user, by name (without the unit, which is added); copied
 */
public record ChartOptions(Set<String> logAxes, Map<String, String> labels) {

    /** No log axes, automatic labels. */
    public static final ChartOptions DEFAULTS = new ChartOptions(Set.of(), Map.of());

    /** Copies. */
    public ChartOptions {
        logAxes = Set.copyOf(logAxes);
        labels = Map.copyOf(labels);
    }

    /**
     * The words for a name.
     *
     * @param name a metric name or path
     * @return the user's label, else {@link QuantityLabels#of(String)}
     */
    public String label(String name) {
        return QuantityLabels.of(name, labels);
    }

    /**
     * The full words for a name, for titles and captions.
     *
     * @param name a metric name or path
     * @return the user's label, else {@link QuantityLabels#full(String)}
     */
    public String fullLabel(String name) {
        String custom = labels.get(name);
        return custom != null ? custom : QuantityLabels.full(name);
    }

    static {
        // Charts use AWT fonts and colours: make sure AWT never looks for a display (as figures.HeadlessGraphics).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
