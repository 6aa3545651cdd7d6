package dev.socialbridge.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The plugin descriptor ({@code descriptor/social-bridge.json}): what the plugin needs from and
 * provisions in the host. Every entry has a stable {@code key} chosen by us; labels are what the
 * host shows and may change. Load it with {@link DescriptorLoader}, which validates it.
 */
public record Descriptor(
        String id,
        String version,
        List<String> hostCapabilities,
        List<FieldDef> fields,
        List<QueueDef> queues,
        List<SettingDef> settings,
        QueueDef.Sla crisis,
        List<FieldGroupDef> fieldGroups,
        List<PriorityDef> priorities) {

    /** The crisis SLA class when the descriptor declares none: 10 minutes around the clock, priority 100. */
    public static final QueueDef.Sla DEFAULT_CRISIS = new QueueDef.Sla(10, 60, 10, QueueDef.CALENDAR_ALWAYS,
            new QueueDef.Escalation(100, null));

    /**
     * @param crisis the SLA class of a thread in crisis (a rule's {@code tag: crisis}, a spike of negative messages
     *               or of volume on an account), whatever its queue; null: {@link #DEFAULT_CRISIS}
     * @param fieldGroups the boxes the host's ticket page shows the ticket fields in, in order (fields name theirs)
     * @param priorities  names of priority ranges in the social queues, lowest value first
     */
    public Descriptor {
        crisis = crisis == null ? DEFAULT_CRISIS : crisis;
        hostCapabilities = hostCapabilities == null ? List.of() : List.copyOf(hostCapabilities);
        fields = fields == null ? List.of() : List.copyOf(fields);
        queues = queues == null ? List.of() : List.copyOf(queues);
        settings = settings == null ? List.of() : List.copyOf(settings);
        fieldGroups = fieldGroups == null ? List.of() : List.copyOf(fieldGroups);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    /** This descriptor with other queues (e.g. the same queues with other owner policies). */
    public Descriptor withQueues(List<QueueDef> newQueues) {
        return new Descriptor(id, version, hostCapabilities, fields, newQueues, settings, crisis, fieldGroups, priorities);
    }

    /** A descriptor without field groups or priority names. */
    public Descriptor(String id, String version, List<String> hostCapabilities, List<FieldDef> fields,
                      List<QueueDef> queues, List<SettingDef> settings, QueueDef.Sla crisis) {
        this(id, version, hostCapabilities, fields, queues, settings, crisis, null, null);
    }

    public Descriptor(String id, String version, List<String> hostCapabilities, List<FieldDef> fields,
                      List<QueueDef> queues, List<SettingDef> settings) {
        this(id, version, hostCapabilities, fields, queues, settings, null, null, null);
    }

    public Optional<FieldDef> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<QueueDef> queue(String key) {
        return queues.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** Fields living on the given host object: {@code ticket}, {@code user} or {@code transaction}. */
    public List<FieldDef> fieldsAppliedTo(String target) {
        return fields.stream().filter(f -> target.equals(f.appliesTo())).toList();
    }

    /** The ticket fields of a group, in descriptor order. */
    public List<FieldDef> fieldsInGroup(String groupKey) {
        return fields.stream().filter(f -> FieldDef.APPLIES_TO_TICKET.equals(f.appliesTo()) && groupKey.equals(f.group()))
                .toList();
    }

    /** The setting with that full key (e.g. {@code socialbridge.host.rt.token}). */
    public Optional<SettingDef> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
