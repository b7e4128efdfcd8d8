package org.xbarlab.devices.response;

import org.xbarlab.devices.DeviceModelContract;
import org.xbarlab.devices.config.DeviceConfig;

/** The device contract for the NeuroSimNonlinear pulse response, with every variation term switched on. */
class NeuroSimNonlinearContractTest extends DeviceModelContract {

    @Override
    protected DeviceConfig device() {
        return withFullVariation(NeuroSimNonlinearResponseConfig.defaults());
    }
}
