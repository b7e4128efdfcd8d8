package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.state.CheckpointException;
import org.xbarlab.core.state.CheckpointFile;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;

/**
 * When and where an experiment writes checkpoints, and whether it starts from one. A checkpoint is written between
 * two mini-batches when the interval (wall time or mini-batches) has passed, and when a stop was requested (an
 * interrupted run); it holds the run's identity (the resolved config, so another config's checkpoint is refused),
 * the chip-level state the caller owns (its cost ledger), then the experiment's measurements so far, the network
 * and the training loop's place. Writing a checkpoint reads state only, so a run's results do not depend on when
 * or whether it checkpoints.
 *
 * <p>{@link #requestStop()} may be called from any thread (a signal handler); everything else runs on the
 * training thread.
 */
public final class Checkpointing {

    private static final Checkpointing NONE = new Checkpointing(null, 0, 0, "", null, false);

    private final Path file;
    private final long intervalNanos;
    private final long intervalBatches;
    private final String identity;
    private final Stateful owner;
    private final boolean resume;
    private volatile boolean stopRequested;
    private long lastWrite = System.nanoTime();
    private long batchesSinceWrite;
    private int written;

    private Checkpointing(Path file, long intervalNanos, long intervalBatches, String identity, Stateful owner,
                          boolean resume) {
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.intervalBatches = intervalBatches;
        this.identity = identity;
        this.owner = owner;
        this.resume = resume;
    }

    /** No checkpoints: the experiment runs from the start and cannot be resumed. */
    public static Checkpointing none() {
        return NONE;
    }

    /**
     * Checkpoints to a file.
     *
     * @param file the checkpoint file (replaced atomically at every write)
     * @param intervalSeconds wall seconds between checkpoints; 0 for none by time
     * @param intervalBatches mini-batches between checkpoints; 0 for none by count
     * @param identity what identifies the run (its resolved config); a checkpoint with another identity is refused
     * @param owner the caller's state written first (the chip's cost ledger), or null
     * @param resume whether to start from the checkpoint in {@code file}
     * @return the policy
     */
    public static Checkpointing to(Path file, double intervalSeconds, long intervalBatches, String identity,
                                   Stateful owner, boolean resume) {
        Checks.notNull("file", file);
        Checks.nonNegativeFinite("checkpointIntervalSeconds", intervalSeconds);
        Checks.nonNegative("checkpointIntervalBatches", intervalBatches);
        return new Checkpointing(file, (long) (intervalSeconds * 1e9), intervalBatches,
                Checks.notNull("identity", identity), owner, resume);
    }

    /** Whether checkpoints are written at all. */
    public boolean enabled() {
        return file != null;
    }

    /** The checkpoint file, or null. */
    public Path file() {
        return file;
    }

    /** Asks the training loop to write a checkpoint and stop after its current mini-batch. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Whether a stop was requested. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Checkpoints written so far. */
    public int written() {
        return written;
    }

    /**
     * Reads the identity recorded in a checkpoint, without the rest.
     *
     * @param file the checkpoint
     * @return the identity (the resolved config of the run that wrote it)
     * @throws CheckpointException if the file is not a readable checkpoint
     */
    public static String identity(Path file) {
        return CheckpointFile.read(file, reader -> reader.readString("identity"));
    }

    /**
     * Opens the checkpoint to resume from, restores the owner's state and leaves the reading at the experiment's
     * records; null when the run starts from the beginning.
     */
    CheckpointFile.Reading openForResume() {
        if (!resume || file == null) {
            return null;
        }
        CheckpointFile.Reading reading = CheckpointFile.open(file);
        try {
            StateReader reader = reading.reader();
            String recorded = reader.readString("identity");
            if (!identity.equals(recorded)) {
                throw new CheckpointException("the checkpoint " + file.toAbsolutePath() + " was written by a run "
                        + "with another config; resume with the config it records, or remove it to start again");
            }
            if (owner != null) {
                reader.readState("owner", owner);
            }
            return reading;
        } catch (RuntimeException e) {
            reading.close();
            throw e;
        }
    }

    /**
     * Called after every mini-batch: whether a checkpoint is due (the interval passed, or a stop was requested).
     */
    boolean due() {
        if (file == null) {
            return false;
        }
        batchesSinceWrite++;
        return stopRequested || (intervalBatches > 0 && batchesSinceWrite >= intervalBatches)
                || (intervalNanos > 0 && System.nanoTime() - lastWrite >= intervalNanos);
    }

    /** Writes a checkpoint: the identity, the owner's state, then the experiment's records. */
    void write(Consumer<StateWriter> content) {
        CheckpointFile.write(file, writer -> {
            writer.writeString("identity", identity);
            if (owner != null) {
                writer.writeState("owner", owner);
            }
            content.accept(writer);
        });
        written++;
        batchesSinceWrite = 0;
        lastWrite = System.nanoTime();
    }

    /**
     * Opens the checkpoint to resume from (if this run resumes) and restores the experiment's measurements and the
     * network; the returned reading is positioned at the training loop's place, for the epoch's first call.
     *
     * @param state the experiment's measurements, filled
     * @param network the network, restored
     * @param log receives one line saying where the run resumes
     * @return the open reading, or null when the run starts from the beginning
     */
    CheckpointFile.Reading resume(ExperimentState state, Stateful network, Consumer<String> log) {
        CheckpointFile.Reading reading = openForResume();
        if (reading != null) {
            try {
                reading.reader().readState("experiment", state);
                reading.reader().readState("network", network);
            } catch (RuntimeException e) {
                reading.close();
                throw e;
            }
            log.accept("resumed from " + file + " in epoch " + (state.epoch() + 1));
        }
        return reading;
    }

    /**
     * The boundary a training loop calls after every mini-batch: writes a checkpoint when one is due (the
     * measurements, the network, the loop's place) and stops the loop when a stop was requested. The experiment
     * keeps {@link ExperimentState#epoch()} at the epoch (or stage) being trained.
     *
     * @param state the experiment's measurements
     * @param network the network
     * @return the boundary
     */
    org.xbarlab.algorithms.network.BatchBoundary boundary(ExperimentState state, Stateful network) {
        return (epoch, loop, batches) -> {
            if (!due()) {
                return false;
            }
            write(out -> {
                out.writeState("experiment", state);
                out.writeState("network", network);
                out.writeState("epochLoop", loop);
            });
            return stopRequested();
        };
    }

    static void writeEpochs(StateWriter out, List<EpochResult> epochs) {
        out.writeInt("epochResults", epochs.size());
        for (EpochResult e : epochs) {
            out.writeInt("epoch", e.epoch());
            out.writeDouble("meanLoss", e.meanLoss());
            out.writeDouble("learningRateFactor", e.learningRateFactor());
            out.writeLong("pulsesFired", e.pulsesFired());
            out.writeDouble("wallSeconds", e.wallSeconds());
        }
    }

    static List<EpochResult> readEpochs(StateReader in) {
        int count = in.readInt("epochResults");
        List<EpochResult> epochs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            epochs.add(new EpochResult(in.readInt("epoch"), in.readDouble("meanLoss"),
                    in.readDouble("learningRateFactor"), in.readLong("pulsesFired"), in.readDouble("wallSeconds")));
        }
        return epochs;
    }

    static void writeEvaluations(StateWriter out, List<Evaluation> evaluations) {
        out.writeInt("evaluations", evaluations.size());
        for (Evaluation e : evaluations) {
            out.writeInt("epoch", e.epoch());
            out.writeDouble("secondsAfterTraining", e.secondsAfterTraining());
            writeNullable(out, "directAssociationAccuracy", e.directAssociationAccuracy());
            writeNullable(out, "directAssociationMaxRuleAccuracy", e.directAssociationMaxRuleAccuracy());
            out.writeBoolean("hasUnassignedNeurons", e.unassignedNeurons() != null);
            out.writeInt("unassignedNeurons", e.unassignedNeurons() == null ? 0 : e.unassignedNeurons());
            writeNullable(out, "linearClassifierAccuracy", e.linearClassifierAccuracy());
            writeNullable(out, "networkAccuracy", e.networkAccuracy());
        }
    }

    static List<Evaluation> readEvaluations(StateReader in) {
        int count = in.readInt("evaluations");
        List<Evaluation> evaluations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int epoch = in.readInt("epoch");
            double seconds = in.readDouble("secondsAfterTraining");
            Double average = readNullable(in, "directAssociationAccuracy");
            Double max = readNullable(in, "directAssociationMaxRuleAccuracy");
            boolean hasUnassigned = in.readBoolean("hasUnassignedNeurons");
            int unassigned = in.readInt("unassignedNeurons");
            Double linear = readNullable(in, "linearClassifierAccuracy");
            Double network = readNullable(in, "networkAccuracy");
            evaluations.add(new Evaluation(epoch, seconds, average, max, hasUnassigned ? unassigned : null, linear,
                    network));
        }
        return evaluations;
    }

    private static void writeNullable(StateWriter out, String label, Double value) {
        out.writeBoolean(label + "?", value != null);
        out.writeDouble(label, value == null ? 0 : value);
    }

    private static Double readNullable(StateReader in, String label) {
        boolean present = in.readBoolean(label + "?");
        double value = in.readDouble(label);
        return present ? value : null;
    }
}
