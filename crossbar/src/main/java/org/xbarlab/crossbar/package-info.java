/**
 * Crossbar arrays and tiles built from devices: weight mapping, periphery (DAC/ADC), IR drop, analog MVM, pulsed updates and their energy and latency.
 */
package org.xbarlab.crossbar;
