package org.xbarlab.algorithms.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where downloaded data sets live.
 *
 * <p>The data directory is {@code $XBARLAB_DATA_DIR} when that environment variable is set and not blank, and
 * {@code ~/.xbarlab/data} otherwise. Each data set has its own folder inside it, named by {@link DatasetKind#id()}:
 * {@code mnist/} and {@code fashion-mnist/}. Data never lives in the source tree. Stateless and thread-safe.
 */
public final class DataDirectory {

    /** Name of the environment variable that overrides the default data directory. */
    public static final String ENVIRONMENT_VARIABLE = "XBARLAB_DATA_DIR";

    /** The default data directory relative to the user's home directory. */
    public static final String DEFAULT_RELATIVE_TO_HOME = ".xbarlab/data";

    private DataDirectory() {
    }

    /**
     * Resolves the data directory from the process environment and the {@code user.home} system property.
     *
     * @return the absolute, normalised data directory; it may not exist yet
     */
    public static Path resolve() {
        return resolve(System::getenv, Path.of(System.getProperty("user.home")));
    }

    /**
     * Resolves the data directory from a given environment, which makes the rule testable.
     *
     * <p>A leading {@code ~/} in the variable's value is expanded to {@code userHome} (for values that a shell did
     * not expand, such as those from a {@code .env} file); a relative value is resolved against the working
     * directory.
     *
     * @param environment looks up an environment variable, returning null when it is unset; never null
     * @param userHome the user's home directory, never null
     * @return the absolute, normalised data directory; it may not exist yet
     */
    public static Path resolve(UnaryOperator<String> environment, Path userHome) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(userHome, "userHome");
        String value = environment.apply(ENVIRONMENT_VARIABLE);
        Path directory;
        if (value == null || value.isBlank()) {
            directory = userHome.resolve(DEFAULT_RELATIVE_TO_HOME);
        } else if (value.equals("~")) {
            directory = userHome;
        } else if (value.startsWith("~/")) {
            directory = userHome.resolve(value.substring(2));
        } else {
            directory = Path.of(value);
        }
        return directory.toAbsolutePath().normalize();
    }

    /**
     * Returns the folder of one data set inside a data directory, for example {@code <dataDir>/mnist}.
     *
     * @param dataDirectory the data directory, never null
     * @param kind the data set, never null
     * @return the folder; it may not exist yet
     */
    public static Path datasetDirectory(Path dataDirectory, DatasetKind kind) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(kind, "kind");
        return dataDirectory.resolve(kind.id());
    }

    /**
     * Returns the path of one file of a data set inside a data directory.
     *
     * @param dataDirectory the data directory, never null
     * @param kind the data set, never null
     * @param file one of {@code kind.files()}, never null
     * @return the path; the file may not exist
     */
    public static Path filePath(Path dataDirectory, DatasetKind kind, DatasetFile file) {
        return datasetDirectory(dataDirectory, kind).resolve(file.fileName());
    }
}
