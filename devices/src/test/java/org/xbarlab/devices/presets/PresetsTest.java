package org.xbarlab.devices.presets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.config.DeviceConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetsTest extends XbarlabTestBase {

    @Test
    void resourcesEqualTheirDefinitions() throws Exception {
        if (Boolean.getBoolean("xbarlab.regeneratePresets")) {
            PresetDefinitions.write(Path.of("src/main/resources/org/xbarlab/devices/presets"));
            return;
        }
        Map<String, DeviceConfig> definitions = PresetDefinitions.all();
        assertEquals(List.copyOf(definitions.keySet()), DevicePresets.names());
        for (String name : DevicePresets.names()) {
            assertEquals(definitions.get(name), DevicePresets.load(name), name);
        }
    }

    @Test
    void everyPresetHasACitationAndItsName() {
        for (String name : DevicePresets.names()) {
            DeviceConfig preset = DevicePresets.load(name);
            assertEquals(name, preset.name());
            assertFalse(preset.citation().isBlank(), name);
            assertTrue(DevicePresets.json(name).contains("\"citation\""), name);
        }
    }

    @Test
    void unknownPresetListsTheNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DevicePresets.load("unobtainium"));
        assertTrue(error.getMessage().contains("reram-hfo2"), error.getMessage());
    }

    @Test
    void typedAccessorsMatchNames() {
        assertEquals(DevicePresets.load("pcm"), DevicePresets.pcm());
        assertEquals(DevicePresets.load("reram-hfo2"), DevicePresets.reramGong2018());
        assertEquals(25e-6, DevicePresets.pcm().maxConductanceSiemens(), 0);
    }
}
