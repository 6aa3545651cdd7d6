package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.descriptor.QueueDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three roles that work the social queues in RT, declared once: each role's group, its least-privilege rights,
 * and the saved searches and dashboard shared with it. {@link #spec} turns them, with the descriptor's queue and
 * field names, into the JSON that {@code rt-roles.pl} applies. Why each role has what it has: docs/rt-workplace.md.
 */
final class RtRoles {
    /** What every role does on its queues: see and work tickets, move them between its queues (CreateTicket there). */
    static final List<String> AGENT_QUEUE_RIGHTS = List.of("SeeQueue", "ShowTicket", "ShowTicketComments",
            "CreateTicket", "ReplyToTicket", "CommentOnTicket", "OwnTicket", "TakeTicket", "ModifyTicket", "SeeCustomField");
    /** Admins also take a ticket from a colleague and give tickets to others. */
    static final List<String> ADMIN_QUEUE_RIGHTS = List.of("StealTicket", "ReassignTicket");
    /** Each group on itself: see the group, its saved searches and its dashboards. */
    static final List<String> OWN_GROUP_RIGHTS = List.of("SeeGroup", "ShowSavedSearches", "SeeGroupDashboard");
    /** Globally: load saved searches in the query builder (the group's; RT lists only those a user may see). */
    static final List<String> GLOBAL_RIGHTS = List.of("LoadSavedSearch");
    /** Admins on every role group: keep the teams' rosters. */
    static final List<String> ROSTER_RIGHTS = List.of("SeeGroup", "AdminGroupMembership");

    /** Fields every agent corrects or fills in: the classifier's guesses (corrections teach it), contact, takeover. */
    static final List<String> AGENT_FIELDS = List.of(FieldKeys.INTENT, FieldKeys.SENTIMENT, FieldKeys.LANGUAGE,
            FieldKeys.CONTACT_EMAIL, FieldKeys.CONTACT_PHONE, "social_reply_mode", FieldKeys.AUTOMATION_STATUS);
    /** What sales qualify: the lead's answers, its campaign, the won deal. */
    static final List<String> SALES_FIELDS = List.of("lead_need", "lead_quantity", "lead_budget", "lead_timing",
            "lead_email", "lead_phone", "qualifier_status", FieldKeys.CAMPAIGN_TAG, FieldKeys.CONVERSION_VALUE);
    /** What only admins act on: moderation of public comments, and the dead-letter marker they clear. */
    static final List<String> ADMIN_FIELDS = List.of(FieldKeys.MODERATION_STATUS, FieldKeys.MODERATION_REASON,
            FieldKeys.DELIVERY_STATUS);

    /** A lead score at or above this is high (the default hot threshold, {@code socialbridge.leads.hot-threshold}). */
    static final int HIGH_LEAD_SCORE = 70;
    static final String HOT_LEADS_QUEUE = "hot_leads";
    static final String SUPPORT_QUEUE = "support";
    static final String VIP_QUEUE = "vip_partners";
    static final String MODERATION_QUEUE = "moderation_review";
    static final String GENERAL_QUEUE = "general";

    /** One role: its group name suffix, queues (descriptor keys), extra queue rights and editable fields. */
    enum Role {
        SALES("Sales", List.of(HOT_LEADS_QUEUE, VIP_QUEUE), List.of(), concat(AGENT_FIELDS, SALES_FIELDS)),
        SUPPORT("Support", List.of(SUPPORT_QUEUE, GENERAL_QUEUE, VIP_QUEUE), List.of(), AGENT_FIELDS),
        ADMINS("Admins", List.of(HOT_LEADS_QUEUE, SUPPORT_QUEUE, VIP_QUEUE, MODERATION_QUEUE, GENERAL_QUEUE),
                ADMIN_QUEUE_RIGHTS,
                concat(concat(AGENT_FIELDS, SALES_FIELDS), ADMIN_FIELDS));

        final String suffix;
        final List<String> queues;
        final List<String> extraQueueRights;
        final List<String> fields;

        Role(String suffix, List<String> queues, List<String> extraQueueRights, List<String> fields) {
            this.suffix = suffix;
            this.queues = queues;
            this.extraQueueRights = extraQueueRights;
            this.fields = fields;
        }

        /** The role's RT group, e.g. {@code Social Sales}. */
        String group(String prefix) {
            return prefix + " " + suffix;
        }
    }

    private RtRoles() {
    }

    /** The group names of the roles, in the order {@code rt-roles.pl} creates them (admins last: they keep rosters). */
    static List<String> groups(String prefix) {
        return java.util.Arrays.stream(Role.values()).map(r -> r.group(prefix)).toList();
    }

    /** The {@code roles} array of the helper's spec: groups, grants, searches and dashboards. */
    static ArrayNode spec(Descriptor descriptor, String prefix) {
        ArrayNode roles = RtClient.JSON.createArrayNode();
        for (Role role : Role.values()) {
            ObjectNode r = roles.addObject();
            String group = role.group(prefix);
            r.put("group", group);
            r.put("description", "Social Bridge: " + role.suffix.toLowerCase(java.util.Locale.ROOT)
                    + " team, its rights on the social queues, saved searches and dashboard");
            ArrayNode grants = r.putArray("grants");
            List<String> queueRights = concat(AGENT_QUEUE_RIGHTS, role.extraQueueRights);
            queueLabels(descriptor, role.queues).forEach(q -> grant(grants, "queue", q, queueRights));
            role.fields.stream().map(descriptor::field).flatMap(Optional::stream)
                    .forEach(f -> grant(grants, "cf", f.label(), List.of("ModifyCustomField")).put("lookup", RtFieldTypes.lookupType(f)));
            grant(grants, "system", null, GLOBAL_RIGHTS);
            grant(grants, "group", group, OWN_GROUP_RIGHTS);
            if (role == Role.ADMINS) {
                groups(prefix).forEach(g -> grant(grants, "group", g, ROSTER_RIGHTS));
            }
            ArrayNode searches = r.putArray("searches");
            RtRoleSearches.of(role, descriptor).forEach(searches::add);
            r.put("dashboard", group);
        }
        return roles;
    }

    /** Labels of the queues with these keys that the descriptor declares, in its order. */
    static List<String> queueLabels(Descriptor descriptor, List<String> keys) {
        return descriptor.queues().stream().filter(q -> keys.contains(q.key())).map(QueueDef::label).toList();
    }

    static ObjectNode grant(ArrayNode grants, String object, String name, List<String> rights) {
        ObjectNode g = grants.addObject().put("object", object);
        if (name != null) {
            g.put("name", name);
        }
        rights.forEach(g.putArray("rights")::add);
        return g;
    }

    /** The label of a descriptor field, for TicketSQL ({@code CF.{label}}). */
    static String label(Descriptor descriptor, String key) {
        return descriptor.field(key).map(FieldDef::label)
                .orElseThrow(() -> new IllegalArgumentException("descriptor has no field '" + key + "'"));
    }

    static String queueList(List<String> labels) {
        return labels.stream().map(l -> "Queue = " + quote(l)).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** A TicketSQL string literal. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
