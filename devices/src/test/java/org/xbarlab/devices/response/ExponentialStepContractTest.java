package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the ExponentialStep pulse response, with every variation term switched on. */
class ExponentialStepContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(ExponentialStepResponseConfig.defaults().withStepSize(0.01).withComplexNoise(0.01, 0.1));
    }
}
