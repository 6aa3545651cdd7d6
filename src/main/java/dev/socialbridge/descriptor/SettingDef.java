package dev.socialbridge.descriptor;

/**
 * A plugin setting as declared to admins.
 *
 * @param key          config key (socialbridge.http.port, ...)
 * @param type         string | integer | boolean | url | secret | duration
 * @param required     whether it must be set
 * @param secret       never logged or shown
 * @param defaultValue default, or null
 * @param description  what it does
 */
public record SettingDef(String key, String type, boolean required, boolean secret, String defaultValue,
                         String description) {
}
