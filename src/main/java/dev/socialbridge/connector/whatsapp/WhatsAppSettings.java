package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.config.SettingSpec;
import java.util.List;

/**
 * The settings of the WhatsApp Cloud API connector ({@code socialbridge.whatsapp.*}), declared once. The webhook
 * is signed with the Meta app secret and subscribed with the Meta verify token: those two live under
 * {@code socialbridge.meta.} and are read from there.
 */
public final class WhatsAppSettings {
    public static final String PREFIX = "socialbridge.whatsapp.";
    public static final String GRAPH_BASE_URL = "graph-base-url";
    public static final String GRAPH_VERSION = "graph-version";
    public static final String ACCOUNTS = "accounts.";
    public static final String PHONE_NUMBER_ID = "phone-number-id";
    public static final String WABA_ID = "waba-id";
    public static final String ACCESS_TOKEN = "access-token";
    /** The Meta app secret (full key): verifies {@code X-Hub-Signature-256} on WhatsApp webhooks. */
    public static final String META_APP_SECRET = "socialbridge.meta.app-secret";
    /** The Meta verify token (full key): answers the webhook subscription handshake. */
    public static final String META_VERIFY_TOKEN = "socialbridge.meta.verify-token";

    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_VERSION = "v25.0";

    private static final String GRAPH_ID = "[0-9]{1,32}";
    private static final String GRAPH_ID_HINT = "a Graph id (digits)";

    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.url(GRAPH_BASE_URL, "Graph API base URL for WhatsApp Cloud API calls")
                    .withDefault(DEFAULT_BASE_URL),
            SettingSpec.string(GRAPH_VERSION, "Graph API version of WhatsApp Cloud API calls")
                    .withDefault(DEFAULT_VERSION).matching("v[0-9]+\\.[0-9]+", "a Graph version such as v25.0"),
            SettingSpec.string(instance(PHONE_NUMBER_ID),
                    "WhatsApp business phone number id (WhatsApp Manager → API Setup)").mandatory()
                    .matching(GRAPH_ID, GRAPH_ID_HINT).withExample("106540352242922"),
            SettingSpec.string(instance(WABA_ID), "WhatsApp Business Account id the phone number belongs to")
                    .mandatory().matching(GRAPH_ID, GRAPH_ID_HINT).withExample("102290129340398"),
            SettingSpec.secret(instance(ACCESS_TOKEN),
                    "system-user access token with whatsapp_business_messaging (sent as a Bearer token)").mandatory());

    private WhatsAppSettings() {
    }

    private static String instance(String attribute) {
        return ACCOUNTS + SettingSpec.NAME + "." + attribute;
    }
}
