package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the Quantized pulse response, with every variation term switched on. */
class QuantizedContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(QuantizedResponseConfig.defaults().withLevelsPerPulse(2, 1));
    }
}
