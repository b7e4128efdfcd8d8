package org.xbarlab.core.config;

/**
 * An invalid configuration: a file that cannot be read or parsed, a key that is unknown or missing, a value of the
 * wrong type or outside its allowed range, or a malformed {@code --set} override. It is the boundary type for
 * config errors (STYLE.md B6); the CLI maps it to its "invalid config" exit code.
 *
 * <p>The message starts with the config path and the place the value came from, then the detail:
 * <pre>
 * crossbar.device.window.maxConductanceSiemens (line 14 of exp.json): must be positive and finite, got -2.5E-5 S
 * crossbar.rows (--set crossbar.rows=abc): expected an integer, got the string "abc"
 * </pre>
 * The place is {@code line N of SOURCE} when the line is known and just {@code SOURCE} otherwise. When the error
 * is about the file as a whole or its top-level value (the path is empty), the message is the place and the
 * detail: {@code line 1 of empty.json: the input is empty; expected an object} or
 * {@code exp.json: file not found}.
 *
 * <p>Instances are immutable.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The detail used when a caller passes none. */
    private static final String UNKNOWN_DETAIL = "invalid value";

    /** The source name used for text that did not come from a file. */
    public static final String STRING_SOURCE = "<string>";

    /** See {@link #path()}. */
    private final String path;
    /** See {@link #line()}. */
    private final int line;
    /** See {@link #source()}. */
    private final String source;
    /** See {@link #detail()}. */
    private final String detail;

    /**
     * Creates an exception without a cause.
     *
     * @param path the config path of the offending value, such as {@code crossbar.device.maxConductanceSiemens}
     *        or {@code layers[2].size}; the empty string for the top-level value; null is treated as empty
     * @param line the 1-based line in the source, or -1 (or any value below 1) when unknown
     * @param source the file name, {@code "<string>"}, a resource name, or {@code "--set PATH=VALUE"} for a
     *        value that came from an override; null is treated as {@code "<string>"}
     * @param detail what is wrong, in words meant for the user, such as {@code must be positive and finite, got
     *        -2.5E-5 S}; null is treated as {@code "invalid value"}
     */
    public ConfigException(String path, int line, String source, String detail) {
        this(path, line, source, detail, null);
    }

    /**
     * Creates an exception that keeps its cause for debugging; the cause's message is not shown in
     * {@link #getMessage()}.
     *
     * @param path the config path of the offending value; the empty string for the top-level value; null is
     *        treated as empty
     * @param line the 1-based line in the source, or -1 (or any value below 1) when unknown
     * @param source the file name, {@code "<string>"}, a resource name, or {@code "--set PATH=VALUE"}; null is
     *        treated as {@code "<string>"}
     * @param detail what is wrong, in words meant for the user; null is treated as {@code "invalid value"}
     * @param cause the underlying exception, or null
     */
    public ConfigException(String path, int line, String source, String detail, Throwable cause) {
        super(format(path, line, source, detail), cause);
        this.path = path == null ? "" : path;
        this.line = line >= 1 ? line : -1;
        this.source = source == null ? STRING_SOURCE : source;
        this.detail = detail == null ? UNKNOWN_DETAIL : detail;
    }

    /**
     * The config path of the offending value, in the syntax of {@code --set}: keys joined by dots and list
     * positions in brackets ({@code layers[2].size}); the empty string means the top-level value.
     *
     * @return the path, never null
     */
    public String path() {
        return path;
    }

    /**
     * The 1-based line of the offending value (or of its nearest enclosing key when the key itself is missing) in
     * {@link #source()}.
     *
     * @return the line, or -1 when unknown (for example for values that came from {@code --set})
     */
    public int line() {
        return line;
    }

    /**
     * Where the offending value came from: a file name as given by the caller, {@code "<string>"}, a class-path
     * resource name, or {@code "--set PATH=VALUE"} for a value set by an override.
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * The message without the path and place, for example {@code must be positive and finite, got -2.5E-5 S}.
     *
     * @return the detail, never null
     */
    public String detail() {
        return detail;
    }

    private static String format(String path, int line, String source, String detail) {
        String shownSource = source == null ? STRING_SOURCE : source;
        String place = line >= 1 ? "line " + line + " of " + shownSource : shownSource;
        String shownDetail = detail == null ? UNKNOWN_DETAIL : detail;
        if (path == null || path.isEmpty()) {
            return place + ": " + shownDetail;
        }
        return path + " (" + place + "): " + shownDetail;
    }
}
