package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the ConstantStep pulse response, with every variation term switched on. */
class ConstantStepContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(ConstantStepResponseConfig.defaults().withStepSize(0.01).withUpDownAsymmetry(-0.3));
    }
}
