package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rights the plugin's own RT user (the API user behind {@code socialbridge.host.rt.token}) needs to run, derived
 * from what it does, and the admin rights it does not need. Listed in docs/rt-workplace.md; granted by
 * {@code rt-roles.pl --grant-plugin}, read by {@code rt-roles.pl --rights} (REST2 shows no rights).
 */
final class RtPluginRights {
    /** Globally: create and update the RT users that stand for social contacts (RT has no narrower right). */
    static final List<String> GLOBAL = List.of("AdminUsers");
    /**
     * On each social queue: find, create, read (comments too), answer and note tickets; change their queue, due date,
     * priority, owner (also on owned tickets: ReassignTicket) and requestors; delete the duplicate of a lost race.
     */
    static final List<String> QUEUE = List.of("SeeQueue", "CreateTicket", "ShowTicket", "ShowTicketComments",
            "ReplyToTicket", "CommentOnTicket", "ModifyTicket", "ReassignTicket", "DeleteTicket");
    /** On each of the plugin's custom fields (ticket, transaction, user): read and write their values. */
    static final List<String> FIELD = List.of("SeeCustomField", "ModifyCustomField");
    /** On the contacts' group: find it and add each new contact's user to it. */
    static final List<String> CONTACT_GROUP = List.of("SeeGroup", "AdminGroupMembership");
    /** Admin rights only {@code install} needs (or nothing the plugin does): a running plugin should not hold them. */
    static final List<String> EXCESSIVE = List.of("SuperUser", "AdminQueue", "AdminCustomField", "AdminCustomFieldValues",
            "AssignCustomFields", "ModifyACL", "AdminGroup", "AdminCustomRoles", "ExecuteCode", "ModifyScrips",
            "ModifyTemplate", "ShowConfigTab");
    /** How many missing rights a problem names before "and N more". */
    private static final int SHOWN = 6;

    private RtPluginRights() {
    }

    /** The {@code plugin} object of the helper's spec: {@code grants} and {@code excessive}. */
    static ObjectNode spec(Descriptor descriptor, Optional<String> contactGroup) {
        ObjectNode plugin = RtClient.JSON.createObjectNode();
        ArrayNode grants = plugin.putArray("grants");
        RtRoles.grant(grants, "system", null, GLOBAL);
        descriptor.queues().stream().map(QueueDef::label).forEach(q -> RtRoles.grant(grants, "queue", q, QUEUE));
        for (FieldDef field : descriptor.fields()) {
            RtRoles.grant(grants, "cf", field.label(), FIELD).put("lookup", RtFieldTypes.lookupType(field));
        }
        contactGroup.ifPresent(g -> RtRoles.grant(grants, "group", g, CONTACT_GROUP));
        EXCESSIVE.forEach(plugin.putArray("excessive")::add);
        return plugin;
    }

    /**
     * The problems in the output of {@code rt-roles.pl --rights}: one for the missing rights (objects not found are left
     * to the provisioning checks: install creates them), one warning for the excessive ones.
     *
     * @param grantCommand the command that grants the missing rights
     */
    static List<HostProblem> problems(String output, String user, String grantCommand) {
        List<String> missing = new ArrayList<>();
        List<String> excessive = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("missing: ") && !line.endsWith("(not found)")) {
                missing.add(line.substring("missing: ".length()).replaceFirst("^user \\S+ ", ""));
            } else if (line.startsWith("excessive: ")) {
                excessive.add(line.substring("excessive: ".length()).replaceFirst("^user \\S+ ", ""));
            }
        }
        List<HostProblem> problems = new ArrayList<>();
        String subject = "rights of the API user '" + user + "'";
        if (!missing.isEmpty()) {
            problems.add(new HostProblem(subject, missing.size() + " right(s) missing: " + shown(missing),
                    "on the RT host run: " + grantCommand));
        }
        if (!excessive.isEmpty()) {
            problems.add(HostProblem.warning(subject, "more rights than the plugin needs: " + String.join(", ", excessive),
                    "revoke them (Admin > Global > User Rights, or its groups' rights) and give the plugin exactly its"
                            + " rights with: " + grantCommand + "; run install with an RT admin's token"));
        }
        return problems;
    }

    private static String shown(List<String> items) {
        return items.size() <= SHOWN ? String.join("; ", items)
                : String.join("; ", items.subList(0, SHOWN)) + "; and " + (items.size() - SHOWN) + " more";
    }
}
