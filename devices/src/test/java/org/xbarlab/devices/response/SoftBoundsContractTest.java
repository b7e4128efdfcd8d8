package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the SoftBounds pulse response, with every variation term switched on. */
class SoftBoundsContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(SoftBoundsResponseConfig.defaults().withStepSize(0.01));
    }
}
