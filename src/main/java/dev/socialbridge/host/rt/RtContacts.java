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
 */
final class RtContacts {
    private final RtClient client;
    private final Optional<String> profileLabel;
    private final RtContactVoice voice;

    /** @param voice gives new contacts a password and the contacts' group, so that they write their own messages */
    RtContacts(RtClient client, Descriptor descriptor, RtContactVoice voice) {
        this.client = client;
        this.voice = voice;
        this.profileLabel = descriptor.field(FieldKeys.SOCIAL_PROFILE)
                .filter(f -> FieldDef.APPLIES_TO_USER.equals(f.appliesTo()))
                .map(FieldDef::label);
    }

    /** RT user name of a social author. */
    static String userName(ContactUpsert contact) {
        if (contact.platform() == null || contact.platform().isBlank()
                || contact.userId() == null || contact.userId().isBlank()) {
            throw new IllegalArgumentException("a contact needs a platform and a user id");
        }
        return safe(contact.platform()) + "." + safe(contact.userId());
    }

    /** Finds or creates the user; returns its numeric RT id. */
    String upsert(ContactUpsert contact) {
        if (contact.isEmail()) {
            return upsertEmail(contact.userId().strip(), contact.displayName());
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

    /**
     * The RT user whose EmailAddress is {@code email} (RT's own users made from mail are named after their address),
     * created unprivileged with that address when there is none: a form lead's requestor is the address it gave.
     */
    private String upsertEmail(String email, String realName) {
        Optional<String> known = userByEmail(email);
        if (known.isPresent()) {
            return known.get();
        }
        ObjectNode body = RtClient.JSON.createObjectNode()
                .put("Name", email)
                .put("EmailAddress", email)
                .put("RealName", realName == null || realName.isBlank() ? "" : realName.strip())
                .put("Privileged", 0)
                .put("Comments", "Lead form contact created by Social Bridge");
        RtResponse created = client.exchange("POST", "/user", body);
        if (created.ok() && created.body().path("id").asText().matches("\\d+")) {
            return created.body().path("id").asText();
        }
        // a concurrent upsert created it first, or a user already has the address under another name
        return userByEmail(email).orElseThrow(() -> new HostException("RT refused to create user " + email + " (HTTP "
                + created.status() + ": " + created.message() + ")", false));
    }

    private Optional<String> userByEmail(String email) {
        Optional<JsonNode> byName = client.find("/user/" + RtClient.segment(email));
        if (byName.isPresent() && email.equalsIgnoreCase(byName.get().path("EmailAddress").asText())) {
            return Optional.of(byName.get().path("id").asText());
        }
        com.fasterxml.jackson.databind.node.ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "EmailAddress").put("value", email);
        JsonNode found = client.post("/users?fields=EmailAddress", query);
        for (JsonNode u : found.path("items")) {
            if (email.equalsIgnoreCase(u.path("EmailAddress").asText())) {
                return Optional.of(u.path("id").asText());
            }
        }
        return Optional.empty();
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
