package org.xbarlab.devices;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.FaultsConfig;
import org.xbarlab.devices.config.RetentionConfig;
import org.xbarlab.devices.drift.Drift;
import org.xbarlab.devices.internal.Construction;
import org.xbarlab.devices.internal.DeviceParameters;
import org.xbarlab.devices.internal.NormalSource;
import org.xbarlab.devices.internal.ResponseKernel;
import org.xbarlab.devices.noise.ProgrammingNoise;
import org.xbarlab.devices.noise.ReadNoise;

/**
 * All devices of an array (or several), of one {@link DeviceConfig}, held in flat {@code float[]} arrays: no object
 * per device. Every operation works on a contiguous range of device indices and draws its random numbers in bulk
 * from the generator it is given.
 *
 * <p><b>State.</b> Each device has a hidden conductance (what pulses act on), a visible conductance (hidden plus
 * write noise, when the variation has any), the conductance right after its last write and the seconds since then
 * (the start of its drift and retention trajectory, and the time PCM read noise depends on), its drift exponent,
 * and its health. A fresh device sits at the lower bound of its window. Per-device parameters (steps, bounds, shapes,
 * faults, retention) are drawn once, in {@link #create}, from the streams
 * {@code streams.stream(StreamNames.DEVICES_CONSTRUCTION, indices..., field)} (field numbers in
 * {@code docs/devices.md}), so a population is a pure function of (config, size, root seed, indices).
 *
 * <p><b>Writes.</b> A pulse or a programming write restarts the device's clock: the drift and retention trajectory
 * start again from the new conductance, while the drift exponent is drawn anew only by programming (from the target,
 * as aihwkit does), not by pulses. Stuck devices never move: pulses, programming, drift and retention leave them
 * (read noise still applies), but pulses sent to them are still counted (the driver spends the energy).
 *
 * <p><b>Time.</b> {@link #advanceTime} ages every device and moves its conductance along its drift and retention
 * trajectory, deterministically (drift {@code G_w ((s + t0)/t0)^-nu}, then decay {@code b + (G - b) exp(-s/tau)},
 * then clipping to the device's bounds).
 *
 * <p><b>Random numbers.</b> Operations take a {@link UniformRandomProvider} (normally from the
 * {@code devices/cycle} stream) and consume numbers in a fixed order that depends only on the arguments and the
 * state, so the same seed gives the same result. Normals come in bulk blocks ({@link NormalSource}).
 *
 * <p><b>Memory.</b> 24 bytes per device for the basic state and parameters, 1 more for the health byte (faults
 * or an endurance limit), plus 4 for each of: separate programmed conductance (drift or retention on), visible
 * conductance (write noise on), drift exponent (drift on), two shape arrays (linear, soft-bounds, power and NeuroSim
 * models: 8), retention parameters (8), pulse counters (endurance limit on). {@link #memoryBytes()} reports the total.
 *
 * <p>Not thread-safe: one thread at a time (it keeps small work buffers).
 */
public final class DevicePopulation implements org.xbarlab.core.state.Stateful {

    /** Devices per work chunk of programming, verify and read operations. */
    private static final int CHUNK = 4096;

    private static final byte WORKING = 0;
    private static final byte STUCK_MIN = 1;
    private static final byte STUCK_MAX = 2;
    private static final byte WORN_OUT = 3;

    private final DeviceConfig config;
    private final int size;
    private final ResponseKernel kernel;
    private final DeviceParameters parameters;
    private final ReadNoise readNoise;
    private final ProgrammingNoise programmingNoise;
    private final Drift drift;

    private final float[] hidden;
    private final float[] visible;
    private final float[] programmed;
    private final float[] age;
    private final float[] exponent;
    private final float[] decayRate;
    private final float[] rest;
    private final byte[] health;
    private final int[] pulseCounts;
    private final long enduranceLimit;
    private final float writeNoiseSigma;
    /** Whether a direct write is a plain clip-and-copy ({@link #programPlain}). */
    private final boolean plainWrites;

    private final NormalSource normals = new NormalSource();
    private final int[] gatherIndex = new int[CHUNK];
    private final float[] workTarget = new float[CHUNK];
    private final float[] workOut = new float[CHUNK];
    private final float[] workScratch = new float[CHUNK];
    private final float[] workExponent = new float[CHUNK];
    private final float[] workProgrammed = new float[CHUNK];

    private long lastPotentiationPulses;
    private long lastDepressionPulses;

    private DevicePopulation(DeviceConfig config, int size, RngStreams streams, long[] indices) {
        this.config = config;
        this.size = size;
        this.kernel = ResponseKernel.of(config);
        Construction draws = new Construction(streams, indices);
        this.parameters = kernel.sample(size, draws);
        double maxConductance = config.maxConductanceSiemens();
        this.readNoise = ReadNoise.from(config.readNoise(), maxConductance);
        this.programmingNoise = ProgrammingNoise.from(config.programming().noise(), maxConductance);
        this.drift = Drift.from(config.drift(), maxConductance);
        RetentionConfig retention = config.retention();
        boolean moves = !drift.isNone() || !retention.isNone();
        this.hidden = parameters.boundMin.clone();
        this.programmed = moves ? hidden.clone() : hidden;
        this.writeNoiseSigma = (float) (config.variation().writeNoiseRelative() * config.nominalStepSiemens());
        this.visible = writeNoiseSigma > 0 ? hidden.clone() : hidden;
        this.age = new float[size];
        this.exponent = drift.isNone() ? null : new float[size];
        if (retention.isNone()) {
            this.decayRate = null;
            this.rest = null;
        } else {
            this.decayRate = new float[size];
            this.rest = new float[size];
            sampleRetention(retention, draws);
        }
        FaultsConfig faults = config.faults();
        this.enduranceLimit = faults.enduranceLimitPulses();
        this.pulseCounts = enduranceLimit > 0 ? new int[size] : null;
        boolean stuck = faults.stuckAtMinFraction() > 0 || faults.stuckAtMaxFraction() > 0;
        this.health = stuck || enduranceLimit > 0 ? new byte[size] : null;
        if (stuck) {
            sampleFaults(faults, draws);
        }
        this.plainWrites = kernel.reachableIsClip() && programmingNoise.isNone() && exponent == null
                && pulseCounts == null && health == null;
    }

    /**
     * Builds a population: draws every per-device parameter once from the construction streams keyed by
     * {@code indices}.
     *
     * @param config the device, not null
     * @param size number of devices, positive
     * @param streams the run's streams, not null
     * @param indices caller's keys of this population (for example array index and tile index), not null
     * @return the population, every device at the lower bound of its window (stuck ones at their stuck value)
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static DevicePopulation create(DeviceConfig config, int size, RngStreams streams, long... indices) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(streams, "streams must not be null");
        Objects.requireNonNull(indices, "indices must not be null");
        Checks.positive("size", size);
        return new DevicePopulation(config, size, streams, indices);
    }

    private void sampleRetention(RetentionConfig retention, Construction draws) {
        double tau = retention.timeConstantSeconds();
        double tauSpread = retention.timeConstantDeviceToDeviceRelative();
        if (tauSpread > 0) {
            draws.normals(Construction.RETENTION_TIME, decayRate);
        }
        double restSpread = retention.restDeviceToDeviceWindowFraction();
        if (restSpread > 0) {
            draws.normals(Construction.RETENTION_REST, rest);
        }
        double window = config.windowSiemens();
        for (int i = 0; i < size; i++) {
            double deviceTau = tau * (tauSpread == 0 ? 1 : 1 + tauSpread * decayRate[i]);
            decayRate[i] = deviceTau > 0 ? (float) (1 / deviceTau) : 0f;
            double position = retention.restWindowFraction() + (restSpread == 0 ? 0 : restSpread * rest[i]);
            double value = config.minConductanceSiemens() + position * window;
            rest[i] = (float) Math.max(parameters.boundMin[i], Math.min(parameters.boundMax[i], value));
        }
    }

    private void sampleFaults(FaultsConfig faults, Construction draws) {
        float[] uniform = new float[size];
        draws.uniforms(Construction.FAULTS, uniform);
        double atMin = faults.stuckAtMinFraction();
        double atMinOrMax = atMin + faults.stuckAtMaxFraction();
        for (int i = 0; i < size; i++) {
            if (uniform[i] < atMin) {
                stick(i, STUCK_MIN, parameters.boundMin[i]);
            } else if (uniform[i] < atMinOrMax) {
                stick(i, STUCK_MAX, parameters.boundMax[i]);
            }
        }
    }

    /** Freezes a device at a conductance: no drift, no decay, no more writes. */
    private void stick(int i, byte state, float conductance) {
        health[i] = state;
        hidden[i] = conductance;
        programmed[i] = conductance;
        visible[i] = conductance;
        if (exponent != null) {
            exponent[i] = 0;
        }
        if (decayRate != null) {
            decayRate[i] = 0;
        }
    }

    private boolean isStuck(int i) {
        return health != null && health[i] != WORKING;
    }

    // -------------------------------------------------------------------------------------------------------------
    // accessors

    /**
     * @return the device config
     */
    public DeviceConfig config() {
        return config;
    }

    /**
     * Writes every device's mutable state: conductance (hidden, and the visible one when write noise separates
     * them), the last programmed value and age (drift), the drift exponents, retention parameters, health and pulse
     * counts when the device has them, and the last update's pulse totals. The per-device parameters drawn at
     * construction are not written: a population built from the same config, seed and indices has them already.
     */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("size", size);
        out.writeFloats("hidden", hidden);
        out.writeFloats("visible", visible == hidden ? null : visible);
        out.writeFloats("programmed", programmed == hidden ? null : programmed);
        out.writeFloats("age", age);
        out.writeFloats("exponent", exponent);
        out.writeFloats("decayRate", decayRate);
        out.writeFloats("rest", rest);
        out.writeBytes("health", health);
        out.writeInts("pulseCounts", pulseCounts);
        out.writeLong("lastPotentiationPulses", lastPotentiationPulses);
        out.writeLong("lastDepressionPulses", lastDepressionPulses);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        int written = in.readInt("size");
        if (written != size) {
            throw new org.xbarlab.core.state.CheckpointException("a device population of " + written
                    + " devices cannot be restored into one of " + size);
        }
        in.readFloats("hidden", hidden);
        in.readFloats("visible", visible == hidden ? null : visible);
        in.readFloats("programmed", programmed == hidden ? null : programmed);
        in.readFloats("age", age);
        in.readFloats("exponent", exponent);
        in.readFloats("decayRate", decayRate);
        in.readFloats("rest", rest);
        in.readBytes("health", health);
        in.readInts("pulseCounts", pulseCounts);
        lastPotentiationPulses = in.readLong("lastPotentiationPulses");
        lastDepressionPulses = in.readLong("lastDepressionPulses");
    }

    /**
     * @return the number of devices
     */
    public int size() {
        return size;
    }

    /**
     * The noise-free (no read noise) conductance of one device.
     *
     * @param device index in [0, size)
     * @return its conductance (S)
     */
    public float conductanceSiemens(int device) {
        return visible[Objects.checkIndex(device, size)];
    }

    /**
     * The lower bound of one device's window (its own, after device-to-device variation).
     *
     * @param device index in [0, size)
     * @return the bound (S)
     */
    public float minConductanceSiemens(int device) {
        return parameters.boundMin[Objects.checkIndex(device, size)];
    }

    /**
     * The upper bound of one device's window.
     *
     * @param device index in [0, size)
     * @return the bound (S)
     */
    public float maxConductanceSiemens(int device) {
        return parameters.boundMax[Objects.checkIndex(device, size)];
    }

    /**
     * The mean potentiation step of one device before the model's state-dependent factor (S); for NeuroSim and
     * quantized models the window over the number of levels.
     *
     * @param device index in [0, size)
     * @return the step (S)
     */
    public float potentiationStepSiemens(int device) {
        return parameters.stepUp[Objects.checkIndex(device, size)];
    }

    /**
     * The mean depression step of one device before the state-dependent factor (S), positive.
     *
     * @param device index in [0, size)
     * @return the step (S)
     */
    public float depressionStepSiemens(int device) {
        return parameters.stepDown[Objects.checkIndex(device, size)];
    }

    /**
     * Seconds since one device's last write (pulse or programming).
     *
     * @param device index in [0, size)
     * @return the age (s)
     */
    public float secondsSinceWrite(int device) {
        return age[Objects.checkIndex(device, size)];
    }

    /**
     * One device's drift exponent (0 when drift is off or the device was never programmed).
     *
     * @param device index in [0, size)
     * @return nu
     */
    public float driftExponent(int device) {
        Objects.checkIndex(device, size);
        return exponent == null ? 0f : exponent[device];
    }

    /**
     * One device's health.
     *
     * @param device index in [0, size)
     * @return its health
     */
    public DeviceHealth health(int device) {
        Objects.checkIndex(device, size);
        if (health == null) {
            return DeviceHealth.WORKING;
        }
        return DeviceHealth.values()[health[device]];
    }

    /**
     * Pulses (including programming writes) one device has received; tracked only with an endurance limit.
     *
     * @param device index in [0, size)
     * @return the count
     * @throws IllegalStateException if the config has no endurance limit
     */
    public int pulseCount(int device) {
        Objects.checkIndex(device, size);
        if (pulseCounts == null) {
            throw new IllegalStateException("pulse counts are tracked only when faults.enduranceLimitPulses > 0");
        }
        return pulseCounts[device];
    }

    /**
     * Potentiation pulses delivered by the last {@link #applyPulses} call.
     *
     * @return the count
     */
    public long lastPotentiationPulses() {
        return lastPotentiationPulses;
    }

    /**
     * Depression pulses delivered by the last {@link #applyPulses} call.
     *
     * @return the count
     */
    public long lastDepressionPulses() {
        return lastDepressionPulses;
    }

    /**
     * Bytes held by the per-device arrays.
     *
     * @return the size in bytes
     */
    public long memoryBytes() {
        long bytes = parameters.bytes() + 4L * size * 2; // hidden, age
        bytes += programmed != hidden ? 4L * size : 0;
        bytes += visible != hidden ? 4L * size : 0;
        bytes += exponent != null ? 4L * size : 0;
        bytes += decayRate != null ? 8L * size : 0;
        bytes += pulseCounts != null ? 4L * size : 0;
        bytes += health != null ? size : 0;
        return bytes;
    }

    // -------------------------------------------------------------------------------------------------------------
    // reads

    /**
     * Copies the noise-free conductances (with write noise, without read noise).
     *
     * @param offset first device
     * @param count number of devices, {@code offset + count <= size}
     * @param out receives the conductances (S)
     * @param outOffset first element written in {@code out}
     */
    public void conductances(int offset, int count, float[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, count, size);
        Objects.checkFromIndexSize(outOffset, count, out.length);
        System.arraycopy(visible, offset, out, outOffset, count);
    }

    /**
     * Reads devices once: the conductance with a fresh read-noise sample, at each device's time since its last
     * write. With read noise "none" this is {@link #conductances} and takes no random numbers.
     *
     * @param offset first device
     * @param count number of devices, {@code offset + count <= size}
     * @param out receives the reads (S); must not be this population's storage
     * @param outOffset first element written in {@code out}
     * @param random generator of the read noise, not null
     */
    public void read(int offset, int count, float[] out, int outOffset, UniformRandomProvider random) {
        Objects.checkFromIndexSize(offset, count, size);
        Objects.checkFromIndexSize(outOffset, count, out.length);
        Objects.requireNonNull(random, "random must not be null");
        if (readNoise.isNone()) {
            System.arraycopy(visible, offset, out, outOffset, count);
            return;
        }
        int end = offset + count;
        int start = offset;
        while (start < end) {
            int runEnd = runOfEqualAge(start, end);
            readNoise.apply(visible, programmed, start, runEnd - start, age[start], out, outOffset + start - offset,
                    random, workScratch);
            start = runEnd;
        }
    }

    /** End (exclusive) of the run of devices from {@code start} with the same age, at most {@link #CHUNK} long. */
    private int runOfEqualAge(int start, int end) {
        float value = age[start];
        int limit = Math.min(end, start + CHUNK);
        int i = start + 1;
        while (i < limit && age[i] == value) {
            i++;
        }
        return i;
    }

    // -------------------------------------------------------------------------------------------------------------
    // pulses

    /**
     * Applies a signed number of pulses to each device of a range: device {@code deviceOffset + j} receives
     * {@code pulses[pulsesOffset + j]} pulses (positive: potentiation, negative: depression, 0: untouched and no
     * random numbers). Each pulse gets its own cycle-to-cycle noise where the model says so (NeuroSim's model:
     * once per write, scaled by sqrt(n)). The endurance counter advances; a device passing its limit receives only
     * the pulses up to it and then sticks.
     *
     * @param pulses signed pulse counts; not modified
     * @param pulsesOffset index of the first count
     * @param deviceOffset first device
     * @param count number of devices
     * @param random generator of the cycle-to-cycle and write noise, not null
     * @return pulses delivered, sum of |pulses| (stuck devices included: their driver still fires); the split is in
     *         {@link #lastPotentiationPulses()} and {@link #lastDepressionPulses()}
     */
    public long applyPulses(int[] pulses, int pulsesOffset, int deviceOffset, int count,
                            UniformRandomProvider random) {
        return applyPulses(pulses, pulsesOffset, deviceOffset, count, false, random);
    }

    /**
     * {@link #applyPulses(int[], int, int, int, UniformRandomProvider)} with every count negated when
     * {@code negate} is true (the partner array of a differential pair), without a negated copy of the counts. Same
     * results and random numbers as passing the negated counts.
     *
     * @param pulses signed pulse counts; not modified
     * @param pulsesOffset index of the first count
     * @param deviceOffset first device
     * @param count number of devices
     * @param negate whether device {@code deviceOffset + j} receives {@code -pulses[pulsesOffset + j]}
     * @param random generator of the cycle-to-cycle and write noise, not null
     * @return pulses delivered, sum of |pulses|
     */
    public long applyPulses(int[] pulses, int pulsesOffset, int deviceOffset, int count, boolean negate,
                            UniformRandomProvider random) {
        Objects.checkFromIndexSize(deviceOffset, count, size);
        Objects.checkFromIndexSize(pulsesOffset, count, pulses.length);
        Objects.requireNonNull(random, "random must not be null");
        normals.reset(random);
        lastPotentiationPulses = 0;
        lastDepressionPulses = 0;
        for (int j = 0; j < count; j++) {
            int n = pulses[pulsesOffset + j];
            if (n != 0) {
                pulse(deviceOffset + j, negate ? -n : n);
            }
        }
        return lastPotentiationPulses + lastDepressionPulses;
    }

    /**
     * Applies pulses to a list of devices: device {@code indices[t]} (for {@code t < indexCount}) receives
     * {@code pulses[indices[t]]} pulses, negated when {@code negate} is true; a zero count is skipped. With the
     * indices in ascending order and every non-zero count listed, the result and the random numbers used are those
     * of {@link #applyPulses(int[], int, int, int, boolean, UniformRandomProvider) applyPulses(pulses, 0, 0, size,
     * negate, random)}, at a cost proportional to the list instead of the population (the sparse updates of a tile).
     *
     * @param pulses signed pulse counts indexed by device; not modified
     * @param indices the devices to pulse, each in {@code [0, size)}; read only
     * @param indexCount number of entries of {@code indices} used
     * @param negate whether each device receives the negated count (the partner array of a differential pair)
     * @param random generator of the cycle-to-cycle and write noise, not null
     * @return pulses delivered, sum of |pulses|
     */
    public long applyPulses(int[] pulses, int[] indices, int indexCount, boolean negate,
                            UniformRandomProvider random) {
        Objects.checkFromIndexSize(0, indexCount, indices.length);
        Objects.requireNonNull(random, "random must not be null");
        Objects.checkFromIndexSize(0, size, pulses.length);
        normals.reset(random);
        lastPotentiationPulses = 0;
        lastDepressionPulses = 0;
        for (int t = 0; t < indexCount; t++) {
            int i = indices[t]; // the arrays below hold exactly size elements, so the JVM checks the index
            int n = pulses[i];
            if (n != 0) {
                pulse(i, negate ? -n : n);
            }
        }
        return lastPotentiationPulses + lastDepressionPulses;
    }

    /**
     * Copies the noise-free conductances of a list of devices: {@code out[t] = G(indices[t])}.
     *
     * @param indices devices, each in {@code [0, size)}; read only
     * @param indexCount number of entries of {@code indices} used
     * @param out receives the conductances (S), at least {@code indexCount} long
     */
    public void conductancesAt(int[] indices, int indexCount, float[] out) {
        Objects.checkFromIndexSize(0, indexCount, indices.length);
        Objects.checkFromIndexSize(0, indexCount, out.length);
        for (int t = 0; t < indexCount; t++) {
            out[t] = visible[indices[t]]; // visible holds exactly size elements
        }
    }

    /** Applies {@code n ≠ 0} pulses to device {@code i} and adds them to the last call's potentiation/depression. */
    private void pulse(int i, int n) {
        if (n > 0) {
            lastPotentiationPulses += n;
        } else {
            lastDepressionPulses -= n;
        }
        if (isStuck(i)) {
            return;
        }
        boolean wearsOut = false;
        if (pulseCounts != null) {
            long allowed = enduranceLimit - pulseCounts[i];
            long magnitude = Math.abs((long) n);
            if (magnitude >= allowed) {
                wearsOut = magnitude > allowed;
                n = (int) (n > 0 ? allowed : -allowed);
            }
            pulseCounts[i] = (int) Math.min(Integer.MAX_VALUE, pulseCounts[i] + magnitude);
        }
        float g = n == 0 ? hidden[i] : kernel.pulse(parameters, i, hidden[i], n, normals);
        hidden[i] = g;
        programmed[i] = g;
        age[i] = 0;
        if (wearsOut) {
            stick(i, WORN_OUT, g);
        } else if (writeNoiseSigma > 0) {
            visible[i] = withWriteNoise(i, g);
        }
    }

    private float withWriteNoise(int i, float g) {
        float noisy = g + writeNoiseSigma * normals.next();
        float lo = parameters.boundMin[i];
        float hi = parameters.boundMax[i];
        return noisy < lo ? lo : (noisy > hi ? hi : noisy);
    }

    // -------------------------------------------------------------------------------------------------------------
    // programming

    /**
     * Programs each device of a range once to its target: the target is clipped to the device's window (and
     * rounded to a level for quantized devices), programming noise is added, the result is clipped (and rounded)
     * again; drift exponents are drawn from the targets; the device's clock restarts. Stuck devices are skipped.
     *
     * @param targets target conductances (S); not modified
     * @param targetOffset index of the first target
     * @param deviceOffset first device
     * @param count number of devices
     * @param random generator of programming noise and drift exponents, not null
     * @return writes issued (one pulse per working device)
     */
    public long program(float[] targets, int targetOffset, int deviceOffset, int count,
                        UniformRandomProvider random) {
        Objects.checkFromIndexSize(deviceOffset, count, size);
        Objects.checkFromIndexSize(targetOffset, count, targets.length);
        Objects.requireNonNull(random, "random must not be null");
        if (plainWrites) {
            programPlain(targets, targetOffset, deviceOffset, count);
            return count;
        }
        long writes = 0;
        for (int chunk = 0; chunk < count; chunk += CHUNK) {
            int m = gather(targets, targetOffset + chunk, deviceOffset + chunk, Math.min(CHUNK, count - chunk));
            m = programGathered(m, random);
            writes += m;
        }
        return writes;
    }

    /**
     * Programs each device of a range with write-verify: write once ({@link #program}), read back with read noise
     * (at 0 s since the write), and rewrite the devices whose read is farther than
     * {@code programming.writeVerifyToleranceSiemens} from their (clipped, rounded) target, until all are inside or
     * each has had {@code programming.writeVerifyMaxIterations} writes.
     *
     * @param targets target conductances (S); not modified
     * @param targetOffset index of the first target
     * @param deviceOffset first device
     * @param count number of devices
     * @param random generator of programming noise, drift exponents and verify read noise, not null
     * @return the writes, reads and iterations used
     */
    public WriteVerifyResult writeVerify(float[] targets, int targetOffset, int deviceOffset, int count,
                                         UniformRandomProvider random) {
        Objects.checkFromIndexSize(deviceOffset, count, size);
        Objects.checkFromIndexSize(targetOffset, count, targets.length);
        Objects.requireNonNull(random, "random must not be null");
        double tolerance = config.programming().writeVerifyToleranceSiemens();
        int cap = config.programming().writeVerifyMaxIterations();
        long writes = 0;
        long reads = 0;
        int maxIterations = 0;
        int unconverged = 0;
        for (int chunk = 0; chunk < count; chunk += CHUNK) {
            int m = gather(targets, targetOffset + chunk, deviceOffset + chunk, Math.min(CHUNK, count - chunk));
            int iteration = 0;
            while (m > 0 && iteration < cap) {
                iteration++;
                m = programGathered(m, random);
                writes += m;
                // Verify: read the written devices (gathered) at age 0.
                for (int k = 0; k < m; k++) {
                    workOut[k] = visible[gatherIndex[k]];
                    workProgrammed[k] = programmed[gatherIndex[k]];
                }
                readNoise.apply(workOut, workProgrammed, 0, m, 0.0, workOut, 0, random, workScratch);
                reads += m;
                int kept = 0;
                for (int k = 0; k < m; k++) {
                    if (!(Math.abs(workOut[k] - workTarget[k]) <= tolerance)) {
                        gatherIndex[kept] = gatherIndex[k];
                        workTarget[kept] = workTarget[k];
                        kept++;
                    }
                }
                m = kept;
            }
            maxIterations = Math.max(maxIterations, iteration);
            unconverged += m;
        }
        return new WriteVerifyResult(count, writes, reads, maxIterations, unconverged);
    }

    /**
     * {@link #program} for devices whose write is a plain clip to their bounds: continuous response, no programming
     * noise, no drift exponent, no faults, no endurance counter. Takes no random numbers (neither does the general
     * path in that case) and gives the same conductances as the general path.
     */
    private void programPlain(float[] targets, int targetOffset, int deviceOffset, int count) {
        float[] lower = parameters.boundMin;
        float[] upper = parameters.boundMax;
        for (int j = 0; j < count; j++) {
            int i = deviceOffset + j;
            float t = targets[targetOffset + j];
            float lo = lower[i];
            float hi = upper[i];
            hidden[i] = t < lo ? lo : (t > hi ? hi : t);
        }
        if (programmed != hidden) {
            System.arraycopy(hidden, deviceOffset, programmed, deviceOffset, count);
        }
        if (visible != hidden) {
            System.arraycopy(hidden, deviceOffset, visible, deviceOffset, count);
        }
        java.util.Arrays.fill(age, deviceOffset, deviceOffset + count, 0f);
    }

    /** Collects the working devices of a chunk and their reachable targets into the work arrays. */
    private int gather(float[] targets, int targetOffset, int deviceOffset, int count) {
        int m = 0;
        for (int j = 0; j < count; j++) {
            int i = deviceOffset + j;
            if (isStuck(i)) {
                continue;
            }
            gatherIndex[m] = i;
            workTarget[m] = kernel.reachable(parameters, i, targets[targetOffset + j]);
            m++;
        }
        return m;
    }

    /**
     * Writes the {@code m} gathered devices once; devices that wear out stick and are dropped from the gathered
     * list. Returns the number of devices written.
     */
    private int programGathered(int m, UniformRandomProvider random) {
        if (pulseCounts != null) {
            int kept = 0;
            for (int k = 0; k < m; k++) {
                int i = gatherIndex[k];
                if (pulseCounts[i] >= enduranceLimit) {
                    stick(i, WORN_OUT, hidden[i]);
                    continue;
                }
                pulseCounts[i]++;
                gatherIndex[kept] = i;
                workTarget[kept] = workTarget[k];
                kept++;
            }
            m = kept;
        }
        programmingNoise.apply(workTarget, 0, m, workOut, 0, random, workScratch);
        if (exponent != null) {
            drift.sampleExponents(workTarget, 0, m, workExponent, 0, random, workScratch);
        }
        for (int k = 0; k < m; k++) {
            int i = gatherIndex[k];
            float g = kernel.reachable(parameters, i, workOut[k]);
            hidden[i] = g;
            programmed[i] = g;
            visible[i] = g;
            age[i] = 0;
            if (exponent != null) {
                exponent[i] = workExponent[k];
            }
        }
        return m;
    }

    // -------------------------------------------------------------------------------------------------------------
    // time

    /**
     * Lets time pass: every device ages by {@code seconds} and its conductance follows its drift and retention
     * trajectory from its last write; the write noise of working devices is redrawn when anything moves (aihwkit
     * redraws it after drift and decay). Takes random numbers only when there is write noise and something moves.
     *
     * @param seconds elapsed time (s), finite and non-negative
     * @param random generator of the write noise, not null
     */
    public void advanceTime(double seconds, UniformRandomProvider random) {
        Checks.nonNegativeFinite("seconds", seconds);
        Objects.requireNonNull(random, "random must not be null");
        if (seconds == 0) {
            return;
        }
        float elapsed = (float) seconds;
        for (int i = 0; i < size; i++) {
            age[i] += elapsed;
        }
        if (programmed == hidden) {
            return; // neither drift nor retention: nothing moves
        }
        normals.reset(random);
        int start = 0;
        while (start < size) {
            int end = runOfEqualAge(start, size);
            double s = age[start];
            if (drift.isNone()) {
                System.arraycopy(programmed, start, hidden, start, end - start);
            } else {
                drift.apply(programmed, exponent, start, end - start, s, hidden, start);
            }
            for (int i = start; i < end; i++) {
                float g = hidden[i];
                if (decayRate != null && decayRate[i] != 0) {
                    g = (float) (rest[i] + (g - rest[i]) * Math.exp(-s * decayRate[i]));
                }
                float lo = parameters.boundMin[i];
                float hi = parameters.boundMax[i];
                g = g < lo ? lo : (g > hi ? hi : g);
                hidden[i] = g;
                if (writeNoiseSigma > 0) {
                    visible[i] = isStuck(i) ? g : withWriteNoise(i, g);
                }
            }
            start = end;
        }
    }
}
