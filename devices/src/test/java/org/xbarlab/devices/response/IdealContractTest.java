package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the Ideal pulse response, with every variation term switched on. */
class IdealContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(IdealResponseConfig.defaults().withUpDownAsymmetry(0.2));
    }
}
