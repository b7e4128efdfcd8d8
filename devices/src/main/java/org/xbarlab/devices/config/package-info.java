/**
 * JSON-facing, validated, immutable device config records: {@link org.xbarlab.devices.config.DeviceConfig} and its
 * parts (variation, programming, faults, retention, write cost). Pulse-response shapes are in
 * {@code org.xbarlab.devices.response}, noise and drift configs in {@code org.xbarlab.devices.noise} and
 * {@code org.xbarlab.devices.drift}. No simulation code here.
 */
package org.xbarlab.devices.config;
