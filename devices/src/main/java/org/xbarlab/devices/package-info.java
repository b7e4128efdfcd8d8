/**
 * Synaptic device models, their non-idealities (quantization, noise, variation, drift, faults) and cited presets. Device physics only: no arrays, no training.
 */
package org.xbarlab.devices;
