package org.xbarlab.cli;

import java.io.Serializable;
import java.util.Objects;

/**
 * What an executor returns for one {@link SweepTask}: the run's {@code results.jsonl} line and its log. Immutable
 * and serializable.
 *
 * @param key the run's key ({@link SweepTask#key()})
 * @param line the line, one compact JSON object without a newline (the format of {@link SweepRunner})
 * @param log what the run printed (the driver writes it to {@code DIR/runs/KEY/log.txt}), possibly empty
 */
public record SweepTaskResult(String key, String line, String log) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks for nulls. */
    public SweepTaskResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(log, "log");
    }
}
