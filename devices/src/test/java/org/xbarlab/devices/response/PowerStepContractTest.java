package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the PowerStep pulse response, with every variation term switched on. */
class PowerStepContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(new PowerStepResponseConfig(0.01, -0.6, 0.6, 0.1, 1.5, 0.2, 0.1));
    }
}
