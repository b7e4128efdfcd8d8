package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the LinearStep pulse response, with every variation term switched on. */
class LinearStepContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(LinearStepResponseConfig.defaults().withStepSize(0.01).withGammas(0.3, 0.6));
    }
}
