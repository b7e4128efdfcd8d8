package org.xbarlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spark engine's settings, its Spark configuration, and data sets shipped to the executors. */
class SparkSweepEngineSettingsTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void settingsSeparateSparkPropertiesFromTheEnginesOwn() {
        SparkSweepEngine.Settings settings = SparkSweepEngine.Settings.parse(Map.of("spark.executor.memory", "4g",
                SparkSweepEngine.DATA_OPTION, "ship", SparkSweepEngine.LOG_LEVEL_OPTION, "info"));
        assertEquals(Map.of("spark.executor.memory", "4g"), settings.sparkProperties());
        assertEquals(SparkSweepEngine.DataMode.SHIP, settings.data());
        assertEquals("INFO", settings.logLevel());
        assertFalse(settings.failFirstAttempt());
        assertNull(SparkSweepEngine.Settings.parse(Map.of()).data(), "the master decides");

        ConfigException data = assertThrows(ConfigException.class,
                () -> SparkSweepEngine.Settings.parse(Map.of(SparkSweepEngine.DATA_OPTION, "copy")));
        assertTrue(data.getMessage().contains("xbarlab.data=copy") && data.getMessage().contains("shared or ship"),
                data.getMessage());
        ConfigException level = assertThrows(ConfigException.class,
                () -> SparkSweepEngine.Settings.parse(Map.of(SparkSweepEngine.LOG_LEVEL_OPTION, "loud")));
        assertTrue(level.getMessage().contains("WARN"), level.getMessage());
    }

    @Test
    void aLocalMasterListensOnTheLoopbackAddressOnlyAndPropertiesWin() {
        SparkConf local = SparkSweepEngine.configuration(SparkSweepEngine.Settings.parse(
                Map.of("spark.ui.enabled", "true")), "local[2]", "s");
        assertEquals("local[2]", local.get("spark.master"));
        assertEquals("127.0.0.1", local.get("spark.driver.host"));
        assertEquals("127.0.0.1", local.get("spark.driver.bindAddress"));
        assertEquals("true", local.get("spark.ui.enabled"), "a given property is kept");
        assertEquals("xbarlab sweep s", local.get("spark.app.name"));
        assertEquals("0", local.get("spark.driver.maxResultSize"), "results are not held by the driver");

        SparkConf cluster = SparkSweepEngine.configuration(SparkSweepEngine.Settings.parse(Map.of()),
                "spark://host:7077", "s");
        assertFalse(cluster.contains("spark.driver.host"), "a cluster driver is reachable under its host name");
        assertTrue(SparkSweepEngine.isLocal("local") && SparkSweepEngine.isLocal("local[2,3]")
                && !SparkSweepEngine.isLocal("yarn"));
    }

    @Test
    void shippedDataSetsAreReadOnTheExecutorsFromSparkFiles() throws IOException {
        Path data = directory.resolve("data");
        Files.createDirectories(data.resolve("mnist"));
        Files.writeString(data.resolve("mnist").resolve("t10k-labels-idx1-ubyte"), "labels", StandardCharsets.UTF_8);
        SparkConf conf = SparkSweepEngine.configuration(SparkSweepEngine.Settings.parse(Map.of()), "local[2]",
                "shipping");
        try (JavaSparkContext context = new JavaSparkContext(conf)) {
            SparkSweepEngine.shipDataSets(context, data, List.of("mnist"));
            List<String> read = context.parallelize(List.of(1, 2), 2).map(partition -> Files.readString(
                    Path.of(SparkFiles.getRootDirectory(), "mnist", "t10k-labels-idx1-ubyte"))).collect();
            assertEquals(List.of("labels", "labels"), read);
            assertThrows(java.io.UncheckedIOException.class,
                    () -> SparkSweepEngine.shipDataSets(context, data, List.of("fashion-mnist")));
        }
    }
}
