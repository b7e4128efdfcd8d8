package org.xbarlab.core.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Wraps Jackson's YAML parser to fix two things for config files. Not API.
 *
 * <p><b>Non-finite floats.</b> jackson-dataformat-yaml 2.x tags {@code .nan}, {@code .inf}, {@code +.inf} and
 * {@code -.inf} (in any of YAML's spellings) as floats but then fails with "Malformed numeric value" when the value
 * is read (fixed only in Jackson 3, jackson-dataformats-text#627). We give them their double values, so that a
 * config record's {@code Checks} reject them with a message that names the field and the range, exactly as for any
 * other bad number. This only steps in for these spellings, so it becomes a no-op if Jackson fixes the parser.
 *
 * <p><b>Aliases.</b> Jackson's tree reader does not resolve YAML aliases ({@code *name}): it returns the alias name
 * as a string, which would surface later as a confusing type error. An alias is rejected here, at its line.
 */
final class StrictYamlParser extends JsonParserDelegate {

    /** The message of the exception for an alias; {@code ConfigErrors} recognizes it. */
    static final String ALIAS_MESSAGE = "YAML aliases (*name) are not supported in config files; write the value out";

    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");

    StrictYamlParser(YAMLParser yamlParser) {
        super(yamlParser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token != null && ((YAMLParser) delegate).isCurrentAlias()) {
            throw new JsonParseException(this, ALIAS_MESSAGE);
        }
        return token;
    }

    /** The non-finite value of the current token, or null when it is not one of YAML's non-finite floats. */
    private Double nonFinite() throws IOException {
        if (delegate.currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
        }
        String text = delegate.getText();
        if (text == null) {
            return null;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    @Override
    public NumberType getNumberType() throws IOException {
        return nonFinite() != null ? NumberType.DOUBLE : delegate.getNumberType();
    }

    @Override
    public NumberTypeFP getNumberTypeFP() throws IOException {
        return nonFinite() != null ? NumberTypeFP.DOUBLE64 : delegate.getNumberTypeFP();
    }

    @Override
    public boolean isNaN() throws IOException {
        Double value = nonFinite();
        return value != null || delegate.isNaN();
    }

    @Override
    public double getDoubleValue() throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getDoubleValue();
    }

    @Override
    public float getFloatValue() throws IOException {
        Double value = nonFinite();
        return value != null ? value.floatValue() : delegate.getFloatValue();
    }

    @Override
    public double getValueAsDouble() throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getValueAsDouble();
    }

    @Override
    public double getValueAsDouble(double defaultValue) throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getValueAsDouble(defaultValue);
    }

    @Override
    public Number getNumberValue() throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getNumberValue();
    }

    @Override
    public Number getNumberValueExact() throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getNumberValueExact();
    }

    @Override
    public Object getNumberValueDeferred() throws IOException {
        Double value = nonFinite();
        return value != null ? value : delegate.getNumberValueDeferred();
    }

    @Override
    public BigDecimal getDecimalValue() throws IOException {
        Double value = nonFinite();
        if (value != null) {
            throw new JsonParseException(this, getText() + " is not a finite number and has no decimal value");
        }
        return delegate.getDecimalValue();
    }
}
