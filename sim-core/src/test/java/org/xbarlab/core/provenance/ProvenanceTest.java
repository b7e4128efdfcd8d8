package org.xbarlab.core.provenance;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceTest extends XbarlabTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void digestIgnoresKeyOrderAndFormattingButNotValues() throws Exception {
        JsonNode a = MAPPER.readTree("{\"b\": {\"y\": 2, \"x\": [1, 2]}, \"a\": 1.5}");
        JsonNode b = MAPPER.readTree("{\"a\":1.5,\"b\":{\"x\":[1,2],\"y\":2}}");
        JsonNode c = MAPPER.readTree("{\"a\":1.5,\"b\":{\"x\":[2,1],\"y\":2}}");
        assertEquals(Provenance.sha256(a), Provenance.sha256(b));
        assertNotEquals(Provenance.sha256(a), Provenance.sha256(c));
        assertTrue(Provenance.sha256(a).matches("[0-9a-f]{64}"));
    }

    @Test
    void digestOfAKnownTreeIsStable() throws Exception {
        // sha256 of the bytes {"a":1} (checked with: printf '{"a":1}' | sha256sum)
        assertEquals("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
                Provenance.sha256(MAPPER.readTree("{ \"a\" : 1 }")));
    }

    @Test
    void captureRecordsTheRunAndTheEnvironment() throws Exception {
        JsonNode config = MAPPER.readTree("{\"seed\": 7}");
        Provenance p = Provenance.capture(7L, config, List.of("run", "x.json"), "java");
        assertEquals(Provenance.SCHEMA_VERSION, p.schemaVersion());
        assertEquals(7L, p.rootSeed());
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        assertEquals(Provenance.sha256(config), p.configSha256());
        assertEquals(List.of("run", "x.json"), p.commandLine());
        assertEquals("java", p.kernelBackend());
        assertTrue(p.availableProcessors() >= 1);
        assertTrue(p.toolVersion().equals("unknown") || p.toolVersion().startsWith("0."), p.toolVersion());
        JsonNode written = MAPPER.valueToTree(p);
        assertEquals(7, written.get("resolvedConfig").get("seed").asInt());
    }
}
