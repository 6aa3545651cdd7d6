package dev.socialbridge.interaction;

/** Social platforms a connector can speak for. The lower-case {@link #id()} is used in keys, config and host fields. */
public enum Platform {
    INSTAGRAM, FACEBOOK, MESSENGER, WHATSAPP, TIKTOK, YOUTUBE, X, LINKEDIN, TELEGRAM;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
