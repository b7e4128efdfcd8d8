/**
 * Config file I/O: {@link org.xbarlab.core.config.ConfigMapper} reads JSON (canonical) and YAML into validated
 * immutable records, applies {@code --set} overrides and writes records back as JSON;
 * {@link org.xbarlab.core.config.ConfigException} is the one exception type for config errors, carrying the config
 * path, the line and the source.
 *
 * <p>What does not belong here: the config records themselves. Each module owns the records of its own concern
 * (device records in {@code org.xbarlab.devices.config}, the experiment record in {@code cli}), and validates them
 * in their compact constructors with {@link org.xbarlab.core.Checks}. Only sim-core and cli depend on
 * jackson-databind; other modules use jackson-annotations and read through this package. The file format is
 * described in {@code docs/configuration.md}.
 */
package org.xbarlab.core.config;
