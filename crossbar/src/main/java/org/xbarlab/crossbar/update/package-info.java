/**
 * Turning a desired weight change into write pulses: deterministic pulse counts from the accumulated change
 * (NeuroSim's scheme), and aihwkit's stochastic pulse trains with a bit length and update management. The pulses
 * are applied to devices by the tile; this package only counts them.
 */
package org.xbarlab.crossbar.update;
