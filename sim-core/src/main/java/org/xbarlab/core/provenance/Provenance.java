package org.xbarlab.core.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Everything needed to repeat a run and to trust its numbers: tool version and commit, Java and OS, the root seed,
 * the fully resolved configuration with its SHA-256, and the command line. Embedded in every result file
 * (STYLE.md B5, after Tribuo's provenance).
 *
 * @param schemaVersion version of the result-file format
 * @param toolVersion xbarlab version
 * @param gitCommit commit the build was made from, or {@code "unknown"}
 * @param gitDirty whether the build had uncommitted changes
 * @param javaVersion {@code java.version} of the running JVM
 * @param javaVendor {@code java.vendor}
 * @param osName {@code os.name}
 * @param osArch {@code os.arch}
 * @param availableProcessors processors the JVM saw
 * @param kernelBackend name of the float kernel backend in use (for example {@code "openblas"})
 * @param startTime start of the run, ISO-8601 UTC
 * @param rootSeed the run's root seed, from which every random stream is derived
 * @param configSha256 SHA-256 (hex) of the canonical JSON of {@code resolvedConfig}
 * @param resolvedConfig the configuration with every default filled in
 * @param commandLine the arguments the run was started with
 */
public record Provenance(int schemaVersion, String toolVersion, String gitCommit, boolean gitDirty,
                         String javaVersion, String javaVendor, String osName, String osArch,
                         int availableProcessors, String kernelBackend, String startTime, long rootSeed,
                         String configSha256, JsonNode resolvedConfig, List<String> commandLine) {

    /** Version of the result-file format written by this build. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Validates and copies. */
    public Provenance {
        Objects.requireNonNull(resolvedConfig, "resolvedConfig");
        commandLine = List.copyOf(commandLine);
    }

    /**
     * Captures the provenance of a run starting now in this JVM.
     *
     * @param rootSeed the run's root seed
     * @param resolvedConfig the fully resolved configuration tree, not null
     * @param commandLine the command-line arguments, not null
     * @param kernelBackend the kernel backend name
     * @return the provenance record
     */
    public static Provenance capture(long rootSeed, JsonNode resolvedConfig, List<String> commandLine,
                                     String kernelBackend) {
        BuildInfo build = BuildInfo.current();
        return new Provenance(SCHEMA_VERSION, build.version(), build.gitCommit(), build.gitDirty(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), kernelBackend, Instant.now().toString(), rootSeed,
                sha256(resolvedConfig), resolvedConfig, commandLine);
    }

    /**
     * SHA-256 of the canonical form of a configuration tree: compact JSON with object keys sorted, so that the
     * digest does not depend on key order or formatting.
     *
     * @param config the tree, not null
     * @return 64 lower-case hex digits
     */
    public static String sha256(JsonNode config) {
        try {
            Object plain = CANONICAL.treeToValue(config, Object.class);
            byte[] canonical = CANONICAL.writeValueAsString(plain).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration cannot be written as canonical JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
