package dev.socialbridge.host.rt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers write their own messages in RT. REST2 cannot act on behalf of another user, so each contact's RT
 * user gets a password derived from a secret ({@code HMAC-SHA256(secret, login)}, never stored) when the plugin
 * creates it, and joins the contacts' group, to which {@code install} grants creating tickets in the social
 * queues (the queues' Requestor and Cc roles may reply). The plugin then posts a customer's message with the
 * customer's credentials, so RT records the customer as its author and its response tracking is right.
 *
 * <p>A contact RT refuses (a user created before this, without that password; rights not granted) is
 * remembered, and its messages are written by the API user as before: a message is never lost for want of
 * authorship.
 */
final class RtContactVoice {
    private static final Logger LOG = LoggerFactory.getLogger(RtContactVoice.class);
    private static final int REMEMBERED = 10_000;
    private static final String NO_GROUP = "";

    private final RtClient api;
    private final Optional<String> group;
    private final byte[] secret;
    private final Map<String, String> logins = lru();
    private final Map<String, String> refused = lru();
    private volatile String groupId;

    RtContactVoice(RtClient api, RtSettings settings) {
        this.api = api;
        this.group = settings.contactGroup();
        this.secret = settings.contactSecret();
    }

    /** Whether contacts write their own messages (a contacts' group is configured). */
    boolean enabled() {
        return group.isPresent();
    }

    /** The contacts' RT group name, if any. */
    Optional<String> group() {
        return group;
    }

    /** The password of a contact's RT user: the same for the same login and secret, on every instance. */
    String password(String login) {
        byte[] digest = dev.socialbridge.support.Hmac.sha256(secret, ("rt-contact:" + login).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Remembers which login a contact id stands for (from the upsert). */
    void remember(String contactId, String login) {
        synchronized (logins) {
            logins.put(contactId, login);
        }
    }

    /** The login of a contact id seen by an upsert. */
    Optional<String> login(String contactId) {
        synchronized (logins) {
            return Optional.ofNullable(logins.get(contactId));
        }
    }

    /** A client that writes as the contact, unless the voice is off, the contact unknown or refused before. */
    Optional<RtClient> clientFor(String contactId) {
        if (!enabled() || contactId == null) {
            return Optional.empty();
        }
        String login;
        synchronized (logins) {
            login = logins.get(contactId);
        }
        synchronized (refused) {
            if (login == null || refused.containsKey(contactId)) {
                return Optional.empty();
            }
        }
        return Optional.of(api.asUser(login, password(login)));
    }

    /** RT refused to let the contact write: the API user writes its messages from now on. */
    void refused(String contactId, RtException e) {
        synchronized (refused) {
            if (refused.put(contactId, e.getMessage()) != null) {
                return;
            }
        }
        LOG.warn("RT user {} cannot write its own messages ({}); the API user writes them instead. For contacts"
                + " created before customer authorship this is expected; otherwise run install (it grants group '{}'"
                + " its rights)", contactId, e.getMessage(), group.orElse("?"));
    }

    /** Puts a newly created contact user in the contacts' group, when the group exists. */
    void join(String userId) {
        try {
            String gid = groupId();
            if (!gid.isEmpty()) {
                api.put("/group/" + gid + "/members", List.of(Long.parseLong(userId)));
            }
        } catch (RtException e) {
            if (e.retryable()) {
                throw e;
            }
            LOG.warn("cannot add RT user {} to group '{}' ({}): its messages are written by the API user", userId,
                    group.orElse("?"), e.getMessage());
        }
    }

    private String groupId() {
        String id = groupId;
        if (id == null) {
            com.fasterxml.jackson.databind.node.ArrayNode query = RtClient.JSON.createArrayNode();
            query.addObject().put("field", "Name").put("value", group.orElseThrow());
            id = api.post("/groups?per_page=1", query).path("items").path(0).path("id").asText(NO_GROUP);
            if (id.isEmpty()) {
                LOG.warn("RT group '{}' does not exist: run install; contacts' messages are written by the API user",
                        group.orElseThrow());
                return NO_GROUP;   // looked up again next time: install may run meanwhile
            }
            groupId = id;
        }
        return id;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
