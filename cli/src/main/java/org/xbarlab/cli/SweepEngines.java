package org.xbarlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.xbarlab.core.config.ConfigException;

/**
 * Finds the {@link SweepEngine} named by {@code --engine} with {@link ServiceLoader}. {@code local} is the built-in
 * thread pool of {@link SweepRunner} and is not looked up.
 */
final class SweepEngines {

    /** The built-in engine. */
    static final String LOCAL = "local";

    /** The engine of the cluster module. */
    static final String SPARK = "spark";

    /** How to get the Spark engine, for the message when it is absent. */
    static final String SPARK_HINT = "the Spark engine is in the cluster jar, not in xbarlab.jar: build it with "
            + "'mvn -B -DskipTests install' and run 'cluster/xbarlab-spark sweep ... --engine spark --master "
            + "local[2]', or 'spark-submit --class org.xbarlab.cli.XbarlabCommand cluster/target/xbarlab-cluster.jar "
            + "sweep ... --engine spark' (docs/cluster.md)";

    private SweepEngines() {
    }

    /**
     * The engine of a name.
     *
     * @param name the name given to {@code --engine}, not {@link #LOCAL}
     * @return the engine
     * @throws ConfigException if no engine of that name is on the class path; the message says which jar has it
     */
    static SweepEngine find(String name) {
        List<String> available = new ArrayList<>(List.of(LOCAL));
        try {
            for (SweepEngine engine : ServiceLoader.load(SweepEngine.class, SweepEngines.class.getClassLoader())) {
                if (engine.name().equals(name)) {
                    return engine;
                }
                available.add(engine.name());
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // A listed engine whose classes (Spark's, say) are missing: report it below with the hint.
            throw new ConfigException("", -1, "--engine " + name, "the " + name + " engine cannot be loaded ("
                    + e.getMessage() + "); " + (SPARK.equals(name) ? "Spark's own jars are not on the class path: "
                    + "run the cluster jar with cluster/xbarlab-spark or spark-submit, not with java -jar "
                    + "(docs/cluster.md)" : "check the class path"), e);
        }
        throw new ConfigException("", -1, "--engine " + name, SPARK.equals(name)
                ? "the spark engine is not on the class path; " + SPARK_HINT
                : "no engine named '" + name + "' on the class path; available: " + String.join(", ", available));
    }
}
