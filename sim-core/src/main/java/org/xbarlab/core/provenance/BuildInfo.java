package org.xbarlab.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version and git commit of the running build, written into the jar at build time by Maven resource filtering:
 * the application jar's own record ({@value #APPLICATION_RESOURCE}, by the cli module) when it is on the class
 * path, else sim-core's.
 *
 * @param version the project version, for example {@code 0.1.0-SNAPSHOT}
 * @param gitCommit the full commit hash the build was made from, or {@code "unknown"} outside a git checkout
 * @param gitDirty whether the work tree had uncommitted changes at build time
 * @param buildTime when the jar was built, ISO-8601 UTC, or {@code "unknown"}
 */
public record BuildInfo(String version, String gitCommit, boolean gitDirty, String buildTime) {

    private static final String RESOURCE = "build.properties";
    /**
     * The application's own build record, at the class-path root, written by the module that builds the jar users
     * run (cli): a jar rebuilt from some modules only records the commit of the jar, not of sim-core's last build.
     */
    static final String APPLICATION_RESOURCE = "xbarlab-application.properties";
    private static final BuildInfo CURRENT = load();

    /** The build information of the classes on the class path. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties properties = new Properties();
        InputStream application = BuildInfo.class.getClassLoader() == null ? null
                : BuildInfo.class.getClassLoader().getResourceAsStream(APPLICATION_RESOURCE);
        try (InputStream in = application != null ? application : BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
        }
        return new BuildInfo(
                resolved(properties.getProperty("version")),
                resolved(properties.getProperty("gitCommit")),
                Boolean.parseBoolean(properties.getProperty("gitDirty")),
                resolved(properties.getProperty("buildTime")));
    }

    /** A property left as {@code ${...}} was not filtered (for example when run from an IDE). */
    private static String resolved(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }
}
