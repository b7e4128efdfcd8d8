package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

/**
 * {@code xbarlab run} with {@code method: cnn}: a supervised CNN learns, a network that does not fit the data set
 * is a config error, and SVHN and CIFAR-10 (which xbarlab cannot fetch) say where to download them. (A CNN on a
 * noisy chip, charged and resumed bit for bit: {@code CheckpointResumeTest}.)
 */
class CnnRunTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void aSupervisedCnnLearnsAndANetworkThatDoesNotFitIsRefused() throws IOException {
        Path file = directory.resolve("cnn.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "cnn", "method": "cnn",
                 "data": {"dataset": "synthetic", "trainSamples": 400, "testSamples": 200},
                 "chip": null,
                 "cnn": {"preset": "supervised-baseline", "network": "8f5-16f3-10", "learningRates": [0.003, 0.003, 0.003],
                         "epochs": 4, "batchSize": 16},
                 "evaluation": {"directAssociation": false}}
                """);
        Path out = directory.resolve("out");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "2", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("convolutional network 8f5-16f3-10 trained supervised"), run.out());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        double accuracy = result.at("/metrics/testAccuracy").asDouble();
        // 10 classes, 200 test samples: chance 0.1 with σ = 0.021; 0.2 is 4.7σ above it.
        assertTrue(accuracy > 0.2, "accuracy " + accuracy);
        assertTrue(accuracy > result.at("/metrics/evaluations/0/networkAccuracy").asDouble(), "beats untrained");

        CliTestSupport.Run misfit = CliTestSupport.run("run", file.toString(), "--set", "cnn.network=8f5-16f3-7",
                "--out", out.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, misfit.exitCode(), misfit.toString());
        assertTrue(misfit.err().contains("cnn.network") && misfit.err().contains("10 classes"), misfit.toString());
        assertFalse(misfit.err().contains("\tat "), misfit.toString());
    }

    @Test
    void svhnAndCifarAreListedAndTheirFetchSaysWhereToDownloadThem() {
        CliTestSupport.Run list = CliTestSupport.run("datasets", "list", "--data-dir", directory.toString());
        assertEquals(ExitCodes.OK, list.exitCode(), list.toString());
        assertTrue(list.out().contains("svhn") && list.out().contains("cifar10")
                && list.out().contains("download yourself") && list.out().contains("3x32x32"), list.out());
        CliTestSupport.Run fetch = CliTestSupport.run("datasets", "fetch", "svhn", "--data-dir",
                directory.toString());
        assertEquals(ExitCodes.USAGE, fetch.exitCode(), fetch.toString());
        assertTrue(fetch.err().contains("ufldl.stanford.edu"), fetch.toString());
    }
}
