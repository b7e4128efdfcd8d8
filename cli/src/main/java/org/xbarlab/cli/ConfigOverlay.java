package org.xbarlab.cli;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lays a user's config tree over the defaults: objects merge field by field, everything else (numbers, strings,
 * arrays, null) replaces. An object that names a different {@code "model"} than the default (another member of a
 * sealed family, for example another device response) replaces the default object whole, so fields of the default
 * model do not leak into it.
 */
final class ConfigOverlay {

    /** The JSON property that names the member of a polymorphic family. */
    static final String TYPE_PROPERTY = "model";

    private ConfigOverlay() {
    }

    /**
     * @param defaults the defaults tree; not modified
     * @param user the user's tree; not modified
     * @return a new tree
     */
    static JsonNode overlay(JsonNode defaults, JsonNode user) {
        if (defaults == null || !defaults.isObject() || user == null || !user.isObject()) {
            return user == null ? defaults : user.deepCopy();
        }
        JsonNode defaultType = defaults.get(TYPE_PROPERTY);
        JsonNode userType = user.get(TYPE_PROPERTY);
        if (userType != null && (defaultType == null || !defaultType.equals(userType))) {
            return user.deepCopy();
        }
        ObjectNode merged = ((ObjectNode) defaults).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            merged.set(field.getKey(), overlay(defaults.get(field.getKey()), field.getValue()));
        }
        return merged;
    }
}
