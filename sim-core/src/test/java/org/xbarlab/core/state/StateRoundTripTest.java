package org.xbarlab.core.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;

/**
 * The checkpoint records: every value comes back bit for bit (arrays across the 64 kB block boundary, NaN
 * payloads, nulls), a generator continues its sequence exactly, a ledger keeps its sums, order and live accounts,
 * and a record that does not match is refused with its label.
 */
class StateRoundTripTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private static StateReader reader(ByteArrayOutputStream bytes) {
        return new StateReader(new ByteArrayInputStream(bytes.toByteArray()), "test");
    }

    @Property(tries = 60)
    void arraysAndScalarsComeBackBitForBit(@ForAll @Size(max = 40_000) float[] floats,
                                           @ForAll @Size(max = 20_000) double[] doubles,
                                           @ForAll @Size(max = 200) int[] ints, @ForAll long value,
                                           @ForAll double scalar, @ForAll boolean flag) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        out.writeFloats("floats", floats);
        out.writeDoubles("doubles", doubles);
        out.writeInts("ints", ints);
        out.writeLong("value", value);
        out.writeDouble("scalar", scalar);
        out.writeBoolean("flag", flag);
        out.writeFloats("none", null);
        out.writeString("text", "conductance ∆G");
        out.flush();

        StateReader in = reader(bytes);
        float[] backFloats = new float[floats.length];
        in.readFloats("floats", backFloats);
        double[] backDoubles = new double[doubles.length];
        in.readDoubles("doubles", backDoubles);
        int[] backInts = in.readInts("ints");
        assertEquals(value, in.readLong("value"));
        assertEquals(Double.doubleToRawLongBits(scalar), Double.doubleToRawLongBits(in.readDouble("scalar")));
        assertEquals(flag, in.readBoolean("flag"));
        in.readFloats("none", null);
        assertEquals("conductance ∆G", in.readString("text"));
        for (int i = 0; i < floats.length; i++) {
            assertEquals(Float.floatToRawIntBits(floats[i]), Float.floatToRawIntBits(backFloats[i]), "floats " + i);
        }
        for (int i = 0; i < doubles.length; i++) {
            assertEquals(Double.doubleToRawLongBits(doubles[i]), Double.doubleToRawLongBits(backDoubles[i]));
        }
        assertArrayEquals(ints, backInts);
    }

    @Property(tries = 30)
    void aRestoredGeneratorContinuesItsSequence(@ForAll long seed, @ForAll @IntRange(max = 500) int drawn) {
        RngStreams streams = RngStreams.of(seed);
        UniformRandomProvider original = streams.stream("test/stream");
        for (int i = 0; i < drawn; i++) {
            original.nextLong();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        out.writeRandom("stream", original);
        out.flush();
        UniformRandomProvider fresh = streams.stream("test/stream");
        reader(bytes).readRandom("stream", fresh);
        for (int i = 0; i < 20; i++) {
            assertEquals(original.nextLong(), fresh.nextLong(), "draw " + i);
        }
    }

    @Test
    void aLedgerKeepsItsSumsItsOrderAndTheAccountsHotPathsHold() {
        CostLedger ledger = new CostLedger();
        ledger.charge(Phase.TRAINING, "adc", 1e-12, 2e-9, 3);
        ledger.charge(Phase.TRAINING, "array-read", 1e-13, 1e-9, 1);
        ledger.charge(Phase.TRAINING, "adc", 1e-20, 0, 1);
        ledger.charge(Phase.INFERENCE, "dac", 5e-14, 3e-9, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        out.writeState("ledger", ledger);
        out.flush();

        CostLedger fresh = new CostLedger();
        var held = fresh.account(Phase.TRAINING, "array-read");
        held.charge(9, 9, 9);
        var stale = fresh.account(Phase.PROGRAMMING, "write");
        stale.charge(1, 1, 1);
        reader(bytes).readState("ledger", fresh);
        for (Phase phase : Phase.values()) {
            assertEquals(Double.doubleToRawLongBits(ledger.energyJoules(phase)),
                    Double.doubleToRawLongBits(fresh.energyJoules(phase)), phase.key());
            assertEquals(Double.doubleToRawLongBits(ledger.latencySeconds(phase)),
                    Double.doubleToRawLongBits(fresh.latencySeconds(phase)), phase.key());
        }
        held.charge(1e-13, 0, 1);
        ledger.charge(Phase.TRAINING, "array-read", 1e-13, 0, 1);
        assertEquals(ledger.energyJoules(Phase.TRAINING), fresh.energyJoules(Phase.TRAINING),
                "an account held before the restore still charges the ledger");
        assertEquals(0, fresh.energyJoules(Phase.PROGRAMMING), "an account the checkpoint lacks is emptied");
    }

    @Test
    void aMismatchedOrTruncatedRecordIsRefusedWithItsLabel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        out.writeFloats("weights", new float[10]);
        out.flush();
        CheckpointException wrongSize = assertThrows(CheckpointException.class,
                () -> reader(bytes).readFloats("weights", new float[11]));
        assertTrue(wrongSize.getMessage().contains("'weights'") && wrongSize.getMessage().contains("10 values"),
                wrongSize.getMessage());
        CheckpointException wrongLabel = assertThrows(CheckpointException.class,
                () -> reader(bytes).readFloats("bias", new float[10]));
        assertTrue(wrongLabel.getMessage().contains("'bias'"), wrongLabel.getMessage());

        Path file = directory.resolve("run.xbc");
        CheckpointFile.write(file, w -> w.writeFloats("weights", new float[100]));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 7));
        CheckpointException truncated = assertThrows(CheckpointException.class,
                () -> CheckpointFile.read(file, r -> {
                    r.readFloats("weights", new float[100]);
                    return null;
                }));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        Files.writeString(file, "{\"not\": \"a checkpoint\"}");
        assertThrows(CheckpointException.class, () -> CheckpointFile.read(file, r -> null));
        assertNull(CheckpointFile.read(writeEmpty(), r -> null));
    }

    private Path writeEmpty() {
        Path file = directory.resolve("empty.xbc");
        CheckpointFile.write(file, w -> { });
        return file;
    }
}
