package dev.socialbridge.connector.meta;

import dev.socialbridge.config.SettingSpec;
import java.util.List;

/** The settings of the Meta connector ({@code socialbridge.meta.*}), declared once. */
public final class MetaSettings {
    public static final String PREFIX = "socialbridge.meta.";
    public static final String APP_SECRET = "app-secret";
    public static final String VERIFY_TOKEN = "verify-token";
    public static final String GRAPH_BASE_URL = "graph-base-url";
    public static final String GRAPH_VERSION = "graph-version";
    public static final String ACCOUNTS = "accounts.";
    public static final String ACCOUNT_ID = "id";
    public static final String ACCOUNT_PLATFORM = "platform";
    public static final String ACCOUNT_PAGE_ID = "page-id";
    public static final String ACCOUNT_ACCESS_TOKEN = "access-token";

    /** Graph ids: digits and the composite forms Meta uses; nothing that could escape a URL path. */
    static final String ID_PATTERN = "[A-Za-z0-9_.:-]{1,128}";
    static final String VERSION_PATTERN = "v[0-9]+\\.[0-9]+";

    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.secret(APP_SECRET, "Meta app secret: verifies X-Hub-Signature-256 on every webhook (also WhatsApp's)")
                    .mandatory(),
            SettingSpec.secret(VERIFY_TOKEN, "token of the GET subscription handshake (also WhatsApp's)").mandatory(),
            SettingSpec.url(GRAPH_BASE_URL, "Graph API base URL").withDefault(MetaGraphClient.DEFAULT_BASE_URL),
            SettingSpec.string(GRAPH_VERSION, "Graph API version").withDefault(MetaGraphClient.DEFAULT_VERSION)
                    .matching(VERSION_PATTERN, "a Graph version such as v25.0"),
            SettingSpec.string(ACCOUNTS + SettingSpec.NAME + "." + ACCOUNT_ID,
                    "connected account id: Page id or IG business account id").mandatory()
                    .matching(ID_PATTERN, "a Graph id (digits)").withExample("17841400000000001"),
            SettingSpec.oneOf(ACCOUNTS + SettingSpec.NAME + "." + ACCOUNT_PLATFORM, List.of("instagram", "facebook"),
                    "`instagram` or `facebook`").mandatory().withExample("instagram"),
            SettingSpec.string(ACCOUNTS + SettingSpec.NAME + "." + ACCOUNT_PAGE_ID,
                    "for Instagram: the linked Page (messaging)").matching(ID_PATTERN, "a Graph id (digits)")
                    .withExample("100000000000001"),
            SettingSpec.secret(ACCOUNTS + SettingSpec.NAME + "." + ACCOUNT_ACCESS_TOKEN, "Page access token").mandatory());

    private MetaSettings() {
    }
}
