package dev.socialbridge.descriptor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A plugin setting as declared to admins.
 *
 * @param key          config key (socialbridge.http.port, ...)
 * @param type         string | integer | boolean | url | secret | duration
 * @param required     whether it must be set
 * @param secret       never logged or shown
 * @param defaultValue default, or null (JSON name {@code default})
 * @param description  what it does
 */
public record SettingDef(String key, String type, boolean required, boolean secret,
                         @JsonProperty("default") String defaultValue, String description) {
}
