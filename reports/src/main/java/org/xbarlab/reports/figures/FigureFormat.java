package org.xbarlab.reports.figures;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The file formats a figure can be written in, chosen by the file name's extension (case-insensitive). */
public enum FigureFormat {

    /** Raster image, {@value FigureWriter#PNG_DOTS_PER_INCH} dots per inch, with the resolution stored in the file. */
    PNG("png"),
    /** Vector image written with JFreeSVG; sizes in points, text kept as text. */
    SVG("svg"),
    /** Vector document of one page written with OrsonPDF; sizes in points, PDF's standard fonts. */
    PDF("pdf");

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    /**
     * @return the file extension without the dot, lower case ({@code "png"})
     */
    public String extension() {
        return extension;
    }

    /**
     * The format named by a file name's extension.
     *
     * @param fileName a file name or path text, not null
     * @return the format, or empty when the extension is none of {@code .png}, {@code .svg}, {@code .pdf}
     */
    public static Optional<FigureFormat> fromFileName(String fileName) {
        Objects.requireNonNull(fileName, "fileName must not be null");
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FigureFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The format of a figure file.
     *
     * @param file the figure file, not null, with a file name
     * @return its format
     * @throws IllegalArgumentException if the extension is none of {@code .png}, {@code .svg}, {@code .pdf}; the
     *         message names the file and the allowed extensions
     */
    public static FigureFormat of(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        Path name = file.getFileName();
        return fromFileName(name == null ? "" : name.toString()).orElseThrow(() -> new IllegalArgumentException(
                "figure file must end in .png, .svg or .pdf, got '" + file + "'"));
    }
}
