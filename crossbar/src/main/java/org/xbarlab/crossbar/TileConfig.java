package org.xbarlab.crossbar;

import org.xbarlab.core.Checks;
import org.xbarlab.crossbar.mapping.MappingConfig;
import org.xbarlab.crossbar.mapping.MappingScheme;
import org.xbarlab.crossbar.parasitics.IrDropCircuitConfig;
import org.xbarlab.crossbar.periphery.PeripheryConfig;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

/**
 * Everything about one crossbar tile except its device and its technology constants: size, mapping, periphery of
 * both directions, and how updates and programming reach the devices.
 *
 * @param tileRows largest number of weight rows (outputs) per tile; larger matrices are split, at least 1
 * @param tileColumns largest number of weight columns (inputs) per tile, at least 1
 * @param mapping weight-to-conductance mapping
 * @param forward periphery of the forward product {@code W·x}
 * @param backward periphery of the transposed product {@code Wᵀ·d}
 * @param updateMethod pulses or programming
 * @param pulses settings of the pulsed update
 * @param programming one-shot or write-verify, for {@link Crossbar#program} and programmed updates
 * @param irDrop the wire resistances of the forward product's IR drop (fast one-sweep model), or null for ideal
 *     wires
 */
public record TileConfig(int tileRows, int tileColumns, MappingConfig mapping, PeripheryConfig forward,
                         PeripheryConfig backward, UpdateMethod updateMethod, PulseUpdateConfig pulses,
                         ProgrammingMethod programming, IrDropCircuitConfig irDrop) {

    /** Validates every field. */
    public TileConfig {
        Checks.inRange("tileRows", tileRows, 1, 1 << 16);
        Checks.inRange("tileColumns", tileColumns, 1, 1 << 16);
        Checks.notNull("mapping", mapping);
        Checks.notNull("forward", forward);
        Checks.notNull("backward", backward);
        Checks.notNull("updateMethod", updateMethod);
        Checks.notNull("pulses", pulses);
        Checks.notNull("programming", programming);
    }

    /**
     * 256 × 256 tiles (NeuroSim's and aihwkit's common size class), a balanced pair whose range is four times the
     * largest initial weight,
     * aihwkit's preset periphery (7-bit DAC, 9-bit ADC, output noise 0.1, noise and bound management) in both
     * directions, deterministic pulse counts, one-shot programming.
     */
    public static TileConfig defaults() {
        return new TileConfig(256, 256, MappingConfig.scaled(MappingScheme.BALANCED_PAIR),
                PeripheryConfig.defaults(), PeripheryConfig.defaults(), UpdateMethod.PULSES,
                PulseUpdateConfig.defaults(), ProgrammingMethod.ONE_SHOT, null);
    }

    /** Ideal periphery and programmed updates: with an ideal device, exact software training. */
    public static TileConfig ideal() {
        return new TileConfig(256, 256, MappingConfig.scaled(MappingScheme.BALANCED_PAIR),
                PeripheryConfig.ideal(), PeripheryConfig.ideal(),
                UpdateMethod.PROGRAMMING, PulseUpdateConfig.defaults(), ProgrammingMethod.ONE_SHOT, null);
    }

    /** A copy with another tile size. */
    public TileConfig withTileSize(int newTileRows, int newTileColumns) {
        return new TileConfig(newTileRows, newTileColumns, mapping, forward, backward, updateMethod, pulses,
                programming, irDrop);
    }

    /** A copy with another forward and backward periphery. */
    public TileConfig withPeriphery(PeripheryConfig newForward, PeripheryConfig newBackward) {
        return new TileConfig(tileRows, tileColumns, mapping, newForward, newBackward, updateMethod, pulses,
                programming, irDrop);
    }

    /** A copy with another update method. */
    public TileConfig withUpdateMethod(UpdateMethod newUpdateMethod) {
        return new TileConfig(tileRows, tileColumns, mapping, forward, backward, newUpdateMethod, pulses,
                programming, irDrop);
    }

    /** A copy with another mapping. */
    public TileConfig withMapping(MappingConfig newMapping) {
        return new TileConfig(tileRows, tileColumns, newMapping, forward, backward, updateMethod, pulses,
                programming, irDrop);
    }

    /** A copy with IR drop of the given wires in the forward product (null: ideal wires). */
    public TileConfig withIrDrop(IrDropCircuitConfig newIrDrop) {
        return new TileConfig(tileRows, tileColumns, mapping, forward, backward, updateMethod, pulses, programming,
                newIrDrop);
    }

    /** A copy with other pulse settings. */
    public TileConfig withPulses(PulseUpdateConfig newPulses) {
        return new TileConfig(tileRows, tileColumns, mapping, forward, backward, updateMethod, newPulses,
                programming, irDrop);
    }
}
