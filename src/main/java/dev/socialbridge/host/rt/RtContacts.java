package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostException;
import java.util.Optional;

/**
 * Social authors as unprivileged RT users named {@code <platform>.<userId>} without email. The name
 * has no colon: RT reads {@code twitter:jane} as a group on ticket create and drops the requestor.
 *
 * <p>A person who gave an email address is one RT user whatever its social identities: the user with that
 * {@code EmailAddress}, found by it, else created with it (named after the address, as RT names users it creates
 * from mail). The users of its social identities created before are left as they are (their history stays); the
 * person's tickets get the email user as requestor ({@link RtTickets#setRequestor}). Lookups and creations of one
 * address are serialised in this process, and RT refuses a second user with the same address, so concurrent
 * events never make two users of one address.
 */
final class RtContacts {
    private final RtClient client;
    private final Optional<String> profileLabel;
    private final RtContactVoice voice;
    private final java.util.Map<String, String> userFieldLabels = new java.util.HashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Object> emailLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param voice gives new contacts a password and the contacts' group, so that they write their own messages */
    RtContacts(RtClient client, Descriptor descriptor, RtContactVoice voice) {
        this.client = client;
        this.voice = voice;
        this.profileLabel = descriptor.field(FieldKeys.SOCIAL_PROFILE)
                .filter(f -> FieldDef.APPLIES_TO_USER.equals(f.appliesTo()))
                .map(FieldDef::label);
        descriptor.fields().stream().filter(f -> FieldDef.APPLIES_TO_USER.equals(f.appliesTo()))
                .forEach(f -> userFieldLabels.put(f.key(), f.label()));
    }

    /** RT user name of a social author. */
    static String userName(ContactUpsert contact) {
        if (contact.platform() == null || contact.platform().isBlank()
                || contact.userId() == null || contact.userId().isBlank()) {
            throw new IllegalArgumentException("a contact needs a platform and a user id");
        }
        return safe(contact.platform()) + "." + safe(contact.userId());
    }

    /** Finds or creates the user (by email when the contact has one); returns its numeric RT id. */
    String upsert(ContactUpsert contact) {
        String given = contact.email() != null && !contact.email().isBlank() ? contact.email()
                : contact.byEmailAddress() ? contact.userId() : null;
        if (given != null) {
            String email = given.strip().toLowerCase(java.util.Locale.ROOT);
            synchronized (emailLocks.computeIfAbsent(email, k -> new Object())) {
                return upsertByEmail(email, contact);
            }
        }
        String name = userName(contact);
        Optional<JsonNode> existing = client.find("/user/" + RtClient.segment(name));
        if (existing.isPresent()) {
            return remembered(update(existing.get(), contact), name);
        }
        RtResponse created = client.exchange("POST", "/user", createBody(name, contact));
        if (created.status() == 400 && created.message().contains("Name in use")) {
            // a concurrent upsert created it first
            return remembered(update(client.get("/user/" + RtClient.segment(name)), contact), name);
        }
        if (!created.ok()) {
            throw new HostException("RT refused to create user " + name + " (HTTP " + created.status() + ": "
                    + created.message() + ")", false);
        }
        String id = created.body().path("id").asText();
        id = id.matches("\\d+") ? id : client.get("/user/" + RtClient.segment(name)).path("id").asText();
        if (voice.enabled()) {
            voice.join(id);
        }
        return remembered(id, name);
    }

    private String upsertByEmail(String email, ContactUpsert contact) {
        Optional<JsonNode> existing = findByEmail(email);
        if (existing.isPresent()) {
            return remembered(updatePhone(existing.get(), contact.phone()), existing.get().path("Name").asText(email));
        }
        ObjectNode body = createBody(email, contact).put("EmailAddress", email);
        RtResponse created = client.exchange("POST", "/user", body);
        if (created.status() == 400 && (created.message().contains("in use") || created.message().contains("exists"))) {
            // another instance created it first: its address or name is taken
            JsonNode user = findByEmail(email).orElseGet(() -> client.get("/user/" + RtClient.segment(email)));
            return remembered(updatePhone(user, contact.phone()), user.path("Name").asText(email));
        }
        if (!created.ok()) {
            throw new HostException("RT refused to create the user of an email address (HTTP " + created.status() + ": "
                    + created.message() + ")", false);
        }
        String id = created.body().path("id").asText();
        id = id.matches("\\d+") ? id : client.get("/user/" + RtClient.segment(email)).path("id").asText();
        if (voice.enabled()) {
            voice.join(id);
        }
        return remembered(id, email);
    }

    /** The enabled or disabled user whose EmailAddress is {@code email} (RT keeps addresses unique). */
    private Optional<JsonNode> findByEmail(String email) {
        com.fasterxml.jackson.databind.node.ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "EmailAddress").put("value", email);
        JsonNode items = client.post("/users?per_page=2&find_disabled_rows=1", query).path("items");
        for (JsonNode item : items) {
            // a search names users by their Name; the record carries the numeric id
            return Optional.of(client.get("/user/" + RtClient.segment(item.path("id").asText())));
        }
        return Optional.empty();
    }

    private String updatePhone(JsonNode user, String phone) {
        String id = user.path("id").asText();
        if (phone != null && !phone.equals(user.path("MobilePhone").asText(""))) {
            client.put("/user/" + id, java.util.Map.of("MobilePhone", phone));
        }
        return id;
    }

    /** Sets descriptor user fields of the user (undeclared keys skipped); the phone goes to RT's MobilePhone. */
    void updateFields(String contactId, java.util.Map<String, String> fields) {
        ObjectNode changes = RtClient.JSON.createObjectNode();
        ObjectNode custom = RtClient.JSON.createObjectNode();
        fields.forEach((key, value) -> {
            String label = userFieldLabels.get(key);
            if (label != null) {
                custom.put(label, value == null ? "" : value);
            }
        });
        if (!custom.isEmpty()) {
            changes.set("CustomFields", custom);
        }
        if (!changes.isEmpty()) {
            client.put("/user/" + contactId, changes);
        }
    }

    private String remembered(String id, String login) {
        voice.remember(id, login);
        return id;
    }

    private ObjectNode createBody(String name, ContactUpsert contact) {
        ObjectNode body = RtClient.JSON.createObjectNode()
                .put("Name", name)
                .put("RealName", realName(contact))
                .put("EmailAddress", "")
                .put("Privileged", 0)
                .put("Comments", "Social contact created by Social Bridge");
        if (contact.phone() != null) {
            body.put("MobilePhone", contact.phone());
        }
        if (voice.enabled()) {
            // REST2 sets a password only on creation: contacts created before keep writing through the API user
            body.put("Password", voice.password(name));
        }
        // RT ignores custom fields that are not applied to users, so this is safe either way
        profileLabel.ifPresent(label -> body.putObject("CustomFields").put(label, profile(contact)));
        return body;
    }

    /** Refreshes the real name and profile when they changed; returns the numeric id. */
    private String update(JsonNode user, ContactUpsert contact) {
        String id = user.path("id").asText();
        ObjectNode changes = RtClient.JSON.createObjectNode();
        String realName = realName(contact);
        if (hasText(contact.displayName(), contact.handle()) && !realName.equals(user.path("RealName").asText())) {
            changes.put("RealName", realName);
        }
        profileLabel.filter(label -> isApplied(user, label))
                .filter(label -> !profile(contact).equals(currentValue(user, label)))
                .ifPresent(label -> changes.putObject("CustomFields").put(label, profile(contact)));
        if (contact.phone() != null && !contact.phone().equals(user.path("MobilePhone").asText(""))) {
            changes.put("MobilePhone", contact.phone());
        }
        if (!changes.isEmpty()) {
            client.put("/user/" + id, changes);
        }
        return id;
    }

    private static boolean isApplied(JsonNode user, String label) {
        for (JsonNode cf : user.path("CustomFields")) {
            if (label.equalsIgnoreCase(cf.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String currentValue(JsonNode user, String label) {
        for (JsonNode cf : user.path("CustomFields")) {
            if (label.equalsIgnoreCase(cf.path("name").asText())) {
                return cf.path("values").path(0).asText("");
            }
        }
        return "";
    }

    private static String realName(ContactUpsert contact) {
        if (contact.displayName() != null && !contact.displayName().isBlank()) {
            return contact.displayName().trim();
        }
        if (contact.handle() != null && !contact.handle().isBlank()) {
            return "@" + contact.handle().trim();
        }
        return userName(contact);
    }

    /** e.g. {@code instagram:@jane}, or {@code instagram:17841400000} without a handle. */
    static String profile(ContactUpsert contact) {
        return contact.platform() + ":" + (contact.handle() == null || contact.handle().isBlank()
                ? contact.userId() : "@" + contact.handle().trim());
    }

    private static boolean hasText(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Keeps names usable in RT paths and role lists: no colon, slash or whitespace. */
    private static String safe(String part) {
        return part.trim().replaceAll("[:/\\s]", "_");
    }
}
