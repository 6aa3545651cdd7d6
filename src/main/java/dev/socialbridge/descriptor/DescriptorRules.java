package dev.socialbridge.descriptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks the schema cannot express: unique keys and labels, select values, the keys the plugin code
 * relies on, and their shape. Every problem starts with the JSON path it is about.
 */
final class DescriptorRules {

    /** Fields whose host object or type the code relies on (key → appliesTo/type). */
    private static final Map<String, String> REQUIRED_APPLIES_TO = Map.of(
            FieldKeys.SOCIAL_PROFILE, FieldDef.APPLIES_TO_USER,
            FieldKeys.SOCIAL_MESSAGE_ID, FieldDef.APPLIES_TO_TRANSACTION);
    private static final Map<String, String> REQUIRED_TYPES = Map.of(
            FieldKeys.FIRST_TOUCH_AT, FieldDef.TYPE_DATETIME,
            FieldKeys.LAST_TOUCH_AT, FieldDef.TYPE_DATETIME,
            FieldKeys.LEAD_SCORE, FieldDef.TYPE_INTEGER,
            FieldKeys.THREAD_KEY, FieldDef.TYPE_TEXT);

    private final Descriptor descriptor;
    private final List<String> problems = new ArrayList<>();

    private DescriptorRules(Descriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** Every semantic problem of a schema-valid descriptor; empty when it is fine. */
    static List<String> check(Descriptor descriptor) {
        DescriptorRules rules = new DescriptorRules(descriptor);
        rules.checkFields();
        rules.checkQueues();
        rules.checkSettings();
        rules.checkFieldGroups();
        rules.checkPriorities();
        return List.copyOf(rules.problems);
    }

    private void checkFields() {
        List<FieldDef> fields = descriptor.fields();
        noDuplicates("$.fields", "key", fields, FieldDef::key, FieldDef::key);
        // host field names must be unique per host object (RT looks custom fields up by name + lookup type)
        noDuplicates("$.fields", "label", fields, FieldDef::label, f -> f.appliesTo() + "/" + f.label());
        for (int i = 0; i < fields.size(); i++) {
            checkField("$.fields[" + i + "]", fields.get(i));
        }
        for (String key : requiredFieldKeys()) {
            if (descriptor.field(key).isEmpty()) {
                problems.add("$.fields: required field '" + key + "' is missing");
            }
        }
    }

    private void checkField(String path, FieldDef field) {
        boolean select = FieldDef.TYPE_SELECT.equals(field.type());
        if (select && field.values().isEmpty()) {
            problems.add(path + ".values: a select field needs at least one value");
        }
        if (!select && !field.values().isEmpty()) {
            problems.add(path + ".values: only select fields have values");
        }
        String appliesTo = REQUIRED_APPLIES_TO.getOrDefault(field.key(),
                FieldKeys.TICKET_FIELDS.contains(field.key()) ? FieldDef.APPLIES_TO_TICKET : field.appliesTo());
        if (!appliesTo.equals(field.appliesTo())) {
            problems.add(path + ".appliesTo: '" + field.key() + "' must apply to " + appliesTo);
        }
        String type = REQUIRED_TYPES.get(field.key());
        if (type != null && !type.equals(field.type())) {
            problems.add(path + ".type: '" + field.key() + "' must be of type " + type);
        }
        if (FieldKeys.THREAD_KEY.equals(field.key()) && !field.unique()) {
            problems.add(path + ".unique: '" + FieldKeys.THREAD_KEY + "' must be unique (it is the idempotency key)");
        }
    }

    private void checkQueues() {
        List<QueueDef> queues = descriptor.queues();
        noDuplicates("$.queues", "key", queues, QueueDef::key, QueueDef::key);
        noDuplicates("$.queues", "label", queues, QueueDef::label, QueueDef::label);
        for (int i = 0; i < queues.size(); i++) {
            QueueDef.Sla sla = queues.get(i).sla();
            if (sla.escalateAfterMinutes() < sla.firstResponseMinutes()) {
                problems.add("$.queues[" + i + "].sla.escalateAfterMinutes: must be >= firstResponseMinutes ("
                        + sla.firstResponseMinutes() + ")");
            }
            checkOwner("$.queues[" + i + "].owner", queues.get(i).owner());
            String to = sla.escalation() == null ? null : sla.escalation().queue();
            if (to != null && descriptor.queue(to).isEmpty()) {
                problems.add("$.queues[" + i + "].sla.escalation.queue: '" + to + "' is not a queue key of this descriptor");
            }
        }
        for (String key : QueueKeys.ALL) {
            if (descriptor.queue(key).isEmpty()) {
                problems.add("$.queues: required queue '" + key + "' is missing");
            }
        }
    }

    /** A policy the plugin knows, with the members it needs and no others. */
    private void checkOwner(String path, QueueDef.Owner owner) {
        String policy = owner.policy();
        if (!QueueDef.Owner.POLICIES.contains(policy)) {
            problems.add(path + ".policy: '" + policy + "' is not an owner policy (" + String.join(", ",
                    QueueDef.Owner.POLICIES) + ")");
            return;
        }
        boolean user = owner.user() != null;
        boolean group = owner.group() != null;
        boolean users = !owner.users().isEmpty();
        switch (policy) {
            case QueueDef.Owner.USER -> {
                if (!user) {
                    problems.add(path + ".user: policy '" + policy + "' needs the host login of the owner");
                }
                if (group || users) {
                    problems.add(path + ": policy '" + policy + "' takes only 'user' (not 'group' or 'users')");
                }
            }
            case QueueDef.Owner.ROUND_ROBIN -> {
                if (group == users) {
                    problems.add(path + ": policy '" + policy + "' needs either 'group' (a host group) or 'users'"
                            + " (host logins), not " + (group ? "both" : "neither"));
                }
                if (user) {
                    problems.add(path + ".user: policy '" + policy + "' takes 'group' or 'users', not 'user'");
                }
            }
            default -> {
                if (user || group || users) {
                    problems.add(path + ": policy '" + policy + "' gives tickets to nobody: remove 'user', 'group'"
                            + " and 'users'");
                }
            }
        }
    }

    private void checkSettings() {
        List<SettingDef> settings = descriptor.settings();
        noDuplicates("$.settings", "key", settings, SettingDef::key, SettingDef::key);
        for (int i = 0; i < settings.size(); i++) {
            SettingDef setting = settings.get(i);
            if (setting.secret() && setting.defaultValue() != null) {
                problems.add("$.settings[" + i + "].default: a secret setting must not have a default");
            }
        }
    }

    /** Groups have unique keys and labels; a field names a declared group, and only ticket fields are grouped. */
    private void checkFieldGroups() {
        List<FieldGroupDef> groups = descriptor.fieldGroups();
        noDuplicates("$.fieldGroups", "key", groups, FieldGroupDef::key, FieldGroupDef::key);
        noDuplicates("$.fieldGroups", "label", groups, FieldGroupDef::label, FieldGroupDef::label);
        List<FieldDef> fields = descriptor.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDef field = fields.get(i);
            if (field.group() == null) {
                continue;
            }
            if (!FieldDef.APPLIES_TO_TICKET.equals(field.appliesTo())) {
                problems.add("$.fields[" + i + "].group: only ticket fields are shown in groups ('" + field.key()
                        + "' applies to " + field.appliesTo() + ")");
            } else if (groups.stream().noneMatch(g -> g.key().equals(field.group()))) {
                problems.add("$.fields[" + i + "].group: '" + field.group() + "' is not a key of $.fieldGroups");
            }
        }
    }

    /** Priority names: unique labels, values rising from 0 so that every priority has a name. */
    private void checkPriorities() {
        List<PriorityDef> priorities = descriptor.priorities();
        noDuplicates("$.priorities", "label", priorities, PriorityDef::label, PriorityDef::label);
        for (int i = 0; i < priorities.size(); i++) {
            int value = priorities.get(i).value();
            if (i == 0 && value != 0) {
                problems.add("$.priorities[0].value: the lowest priority name must start at 0 (is " + value + ")");
            }
            if (i > 0 && value <= priorities.get(i - 1).value()) {
                problems.add("$.priorities[" + i + "].value: must be greater than the one before ("
                        + priorities.get(i - 1).value() + ")");
            }
        }
    }

    private <T> void noDuplicates(String listPath, String member, List<T> items, Function<T, String> value,
                                  Function<T, String> identity) {
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = firstSeen.putIfAbsent(identity.apply(items.get(i)), i);
            if (first != null) {
                problems.add(listPath + "[" + i + "]." + member + ": duplicate " + member + " '"
                        + value.apply(items.get(i)) + "' (already at " + listPath + "[" + first + "])");
            }
        }
    }

    private static List<String> requiredFieldKeys() {
        List<String> keys = new ArrayList<>(FieldKeys.TICKET_FIELDS);
        keys.addAll(REQUIRED_APPLIES_TO.keySet().stream().sorted().toList());
        return keys;
    }
}
