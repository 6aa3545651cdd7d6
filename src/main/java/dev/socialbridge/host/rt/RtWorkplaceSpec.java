package dev.socialbridge.host.rt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldGroupDef;
import dev.socialbridge.descriptor.PriorityDef;
import dev.socialbridge.descriptor.QueueDef;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a rep's ticket page looks like in the social queues, in RT's terms, built from the descriptor: the argument of
 * {@value RtApplyHelper#WORKPLACE_SCRIPT}.
 *
 * @param queues     the social queues (RT names), the only queues whose display is configured
 * @param groupings  {@code CustomFieldGroupings} of each of them: box titles with their fields' RT names, in order;
 *                   groups without a ticket field are left out (RT would show an empty box)
 * @param collapsed  titles of the boxes that start collapsed
 * @param hideEmpty  titles of the boxes that list only the fields with a value
 * @param priorities {@code PriorityAsString} of each of them, lowest value first
 */
record RtWorkplaceSpec(List<String> queues, List<Grouping> groupings, List<String> collapsed,
                       List<String> hideEmpty, List<PriorityDef> priorities) {

    /** One box of the ticket page: its title and the RT names of its fields. */
    record Grouping(String title, List<String> fields) { }

    RtWorkplaceSpec {
        queues = List.copyOf(queues);
        groupings = List.copyOf(groupings);
        collapsed = List.copyOf(collapsed);
        hideEmpty = List.copyOf(hideEmpty);
        priorities = List.copyOf(priorities);
    }

    static RtWorkplaceSpec of(Descriptor descriptor) {
        List<Grouping> groupings = descriptor.fieldGroups().stream()
                .map(g -> new Grouping(g.label(), descriptor.fieldsInGroup(g.key()).stream().map(FieldDef::label).toList()))
                .filter(g -> !g.fields().isEmpty())
                .toList();
        return new RtWorkplaceSpec(descriptor.queues().stream().map(QueueDef::label).toList(), groupings,
                titles(descriptor, groupings, FieldGroupDef::collapsed),
                titles(descriptor, groupings, FieldGroupDef::hideEmpty), descriptor.priorities());
    }

    /** Titles of the groups with a flag, among those shown (with a ticket field). */
    private static List<String> titles(Descriptor descriptor, List<Grouping> groupings, Predicate<FieldGroupDef> flag) {
        return descriptor.fieldGroups().stream().filter(flag).map(FieldGroupDef::label)
                .filter(title -> groupings.stream().anyMatch(g -> g.title().equals(title)))
                .toList();
    }

    /** Whether the descriptor asks for anything beyond RT's defaults (groups or priority names). */
    boolean declaresAnything() {
        return !groupings.isEmpty() || !priorities.isEmpty();
    }

    /**
     * {@code {"queues": [...], "groupings": [["Conversation", ["Social Channel", ...]], ...], "collapsed": [...],
     * "hideEmpty": [...], "priorities": [["Low", 0], ...]}}: the shape of RT's own options, so the helper copies it as it is.
     */
    String toJson() {
        ObjectNode root = RtClient.JSON.createObjectNode();
        ArrayNode queueNames = root.putArray("queues");
        queues.forEach(queueNames::add);
        ArrayNode boxes = root.putArray("groupings");
        for (Grouping g : groupings) {
            ArrayNode box = boxes.addArray().add(g.title());
            ArrayNode fields = box.addArray();
            g.fields().forEach(fields::add);
        }
        ArrayNode rolledUp = root.putArray("collapsed");
        collapsed.forEach(rolledUp::add);
        ArrayNode withValues = root.putArray("hideEmpty");
        hideEmpty.forEach(withValues::add);
        ArrayNode names = root.putArray("priorities");
        priorities.forEach(p -> names.addArray().add(p.label()).add(p.value()));
        try {
            return RtClient.JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the workplace spec", e);
        }
    }
}
