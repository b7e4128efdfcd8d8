package org.xbarlab.reports.charts;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.xbarlab.reports.figures.FigureFormat;
import org.xbarlab.reports.figures.FigureWriter;
import org.xbarlab.reports.results.ResultTable;

/**
 * A figure of a report: its chart, the data drawn (one row per plotted point or bar, values in SI base units) and
 * the words around it.
 *
 * @param name the file stem, lower case letters, digits and hyphens ({@code accuracy-vs-resolution})
 * @param title a one-line title (in the index, not in the image: papers put it in the caption)
 * @param caption what is drawn, in one or two sentences
 * @param chart the chart, not null; not thread-safe (draw it from one thread at a time)
 * @param data the values drawn, not null
 */
public record Figure(String name, String title, String caption, JFreeChart chart, ResultTable data) {

    /** Figure width (in): one column of a two-column paper. */
    public static final double WIDTH_INCHES = 3.5;
    /** Figure height (in). */
    public static final double HEIGHT_INCHES = 2.6;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Validates. */
    public Figure {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case words joined by hyphens, got '" + name + "'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Writes the chart as {@code directory/name.EXT}, {@value #WIDTH_INCHES} x {@value #HEIGHT_INCHES} in.
     *
     * @param directory the directory, created if missing
     * @param format the format
     * @return the file written
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public Path write(Path directory, FigureFormat format) {
        Path file = directory.resolve(name + "." + format.extension());
        FigureWriter.write(chart, file, format, WIDTH_INCHES, HEIGHT_INCHES);
        return file;
    }

    /**
     * A file stem from free text: lower case, runs of other characters replaced by one hyphen.
     *
     * @param text any text
     * @return a valid {@link #name()}, {@code "figure"} when nothing is left
     */
    public static String slug(String text) {
        String slug = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "figure" : slug;
    }
}
