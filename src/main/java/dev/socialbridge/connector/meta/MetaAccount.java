package dev.socialbridge.connector.meta;

import dev.socialbridge.interaction.Platform;
import java.util.Objects;

/**
 * One connected Meta account: a Facebook Page or an Instagram business account, with its access token.
 * {@link #toString()} redacts the token.
 *
 * @param id          Page id (FACEBOOK) or IG business account id (INSTAGRAM)
 * @param platform    INSTAGRAM or FACEBOOK
 * @param pageId      node used for {@code /{id}/messages}: for IG the linked Page id (Facebook Login) or the IG
 *                    id itself; for a Page its own id. Null means {@code id}.
 * @param accessToken Page access token (or IG user token), never logged
 */
public record MetaAccount(String id, Platform platform, String pageId, String accessToken) {

    public MetaAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accessToken, "accessToken");
        if (platform != Platform.INSTAGRAM && platform != Platform.FACEBOOK) {
            throw new IllegalArgumentException("Meta account platform must be INSTAGRAM or FACEBOOK: " + platform);
        }
        pageId = pageId == null || pageId.isBlank() ? id : pageId;
    }

    /** The node messages are sent from ({@code POST /{node}/messages}). */
    public String messagingNodeId() {
        return pageId;
    }

    @Override
    public String toString() {
        return "MetaAccount[id=" + id + ", platform=" + platform + ", pageId=" + pageId + ", accessToken=***]";
    }
}
