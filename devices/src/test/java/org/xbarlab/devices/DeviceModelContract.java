package org.xbarlab.devices;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every pulse-response model passes (STYLE.md B8): a concrete test names the device config (with full
 * variation) and inherits these tests.
 */
public abstract class DeviceModelContract extends XbarlabTestBase {

    /**
     * @return the device under test
     */
    protected abstract DeviceConfig device();

    /**
     * A default device with a given response and every variation term switched on.
     *
     * @param response the pulse response
     * @return the device
     */
    protected static DeviceConfig withFullVariation(org.xbarlab.devices.response.PulseResponseConfig response) {
        return DeviceConfig.defaults().withName(response.getClass().getSimpleName()).withResponse(response)
                .withVariation(DeviceContractChecks.fullVariation());
    }

    @Test
    public void staysInWindow() {
        DeviceContractChecks.staysInWindow(device(), TEST_SEED);
    }

    @Test
    public void zeroPulsesAreIdentity() {
        DeviceContractChecks.zeroPulsesAreIdentity(device(), TEST_SEED);
    }

    @Test
    public void noiseFreeResponseIsMonotone() {
        DeviceContractChecks.noiseFreeResponseIsMonotone(device(), TEST_SEED);
    }

    @Test
    public void sameSeedSameResult() {
        DeviceContractChecks.sameSeedSameResult(device(), TEST_SEED);
    }

    @Test
    public void jsonRoundTrip() {
        DeviceContractChecks.jsonRoundTrip(device());
    }

    @Test
    public void validationNamesTheField() {
        DeviceContractChecks.validationNamesTheField(device());
    }

    @Property(tries = 30)
    public void boundsHoldForAnyPulseTrain(@ForAll @IntRange(min = -300, max = 300) int first,
                                    @ForAll @IntRange(min = -300, max = 300) int second,
                                    @ForAll @IntRange(min = 0, max = 1000) int seed) {
        DeviceConfig config = device();
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(config, 16, streams, 9);
        int[] pulses = new int[16];
        for (int i = 0; i < 16; i++) {
            pulses[i] = i % 2 == 0 ? first : second;
        }
        population.applyPulses(pulses, 0, 0, 16, streams.stream(StreamNames.DEVICES_CYCLE, 9));
        population.applyPulses(pulses, 0, 0, 16, streams.stream(StreamNames.DEVICES_CYCLE, 10));
        for (int i = 0; i < 16; i++) {
            float g = population.conductanceSiemens(i);
            assertTrue(g >= population.minConductanceSiemens(i) && g <= population.maxConductanceSiemens(i));
        }
    }

    @Property(tries = 20)
    public void sameSeedSameStateForAnySeed(@ForAll long seed, @ForAll @IntRange(min = -50, max = 50) int pulses) {
        assertArrayEquals(pulsed(seed, pulses), pulsed(seed, pulses));
    }

    private float[] pulsed(long seed, int count) {
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(device(), 8, streams);
        int[] pulses = new int[8];
        java.util.Arrays.fill(pulses, count);
        population.applyPulses(pulses, 0, 0, 8, streams.stream(StreamNames.DEVICES_CYCLE));
        return DeviceContractChecks.state(population);
    }
}
