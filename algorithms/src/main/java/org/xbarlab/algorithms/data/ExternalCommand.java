package org.xbarlab.algorithms.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool (npm, apt-get, dpkg-deb) in a working directory with a time limit. Output goes to files
 * in the working directory rather than pipes, so a chatty tool can never block on a full pipe; nothing is printed.
 * Not API.
 */
final class ExternalCommand {

    /** How much of the tool's error output a message quotes: enough for the error, not the whole log. */
    private static final int STDERR_TAIL_LINES = 15;
    private static final int STDERR_TAIL_CHARACTERS = 2_000;

    /** Outcome of a finished command. */
    record Outcome(int exitCode, String stdout, String stderr) {

        /** The last lines of the error output (or of the standard output when stderr is empty), for messages. */
        String tail() {
            String text = stderr.isBlank() ? stdout : stderr;
            List<String> lines = text.strip().lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES),
                    lines.size()));
            if (tail.length() > STDERR_TAIL_CHARACTERS) {
                tail = "…" + tail.substring(tail.length() - STDERR_TAIL_CHARACTERS);
            }
            return tail.isEmpty() ? "(no output)" : tail;
        }
    }

    private ExternalCommand() {
    }

    /**
     * Runs a command and waits for it.
     *
     * @param command program and arguments; the program is looked up on the PATH
     * @param workingDirectory where the command runs and its output files are written
     * @param timeoutSeconds time limit; the process is killed after it
     * @param missingToolHint what to tell the user when the program cannot be started
     * @return the outcome, whatever the exit code
     * @throws DatasetException if the program cannot be started, times out or the wait is interrupted
     */
    static Outcome run(List<String> command, Path workingDirectory, long timeoutSeconds, String missingToolHint) {
        String program = command.get(0);
        String shown = String.join(" ", command);
        Path stdoutFile = workingDirectory.resolve(".stdout-" + Path.of(program).getFileName() + ".txt");
        Path stderrFile = workingDirectory.resolve(".stderr-" + Path.of(program).getFileName() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(workingDirectory.toFile())
                .redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DatasetException("could not run `" + shown + "`: " + program + " was not found or cannot be"
                    + " started (" + e.getMessage() + "). " + missingToolHint, null, e);
        }
        try {
            // No input: a tool that asks a question gets end-of-file instead of waiting for an answer.
            process.getOutputStream().close();
        } catch (IOException e) {
            // The process already exited; its outcome is read below.
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new DatasetException("`" + shown + "` did not finish within " + timeoutSeconds
                        + " seconds and was stopped; check the network connection and try again. Its last output:\n"
                        + new Outcome(-1, read(stdoutFile), read(stderrFile)).tail(), null, null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while waiting for `" + shown + "`", null, e);
        }
        return new Outcome(process.exitValue(), read(stdoutFile), read(stderrFile));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
