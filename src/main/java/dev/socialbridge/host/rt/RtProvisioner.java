package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.ProvisioningPlan;
import java.util.List;
import java.util.Optional;

/**
 * Idempotent provisioning of the descriptor's queues and custom fields in RT, following the
 * reference algorithm ({@code rt-host-seed.sh}): look everything up first, create only what is
 * missing, never duplicate. A dry run ({@link #inspect}) only reads (GETs and searches).
 */
final class RtProvisioner {
    private static final String QUEUE_KIND = "queue";
    private static final String CONTACT_RIGHTS_KIND = "contact-rights";
    /** Ticket fields whose values RT shows as links. */
    private static final String LINK_KIND = "field-link";

    private final RtClient client;
    private final RtApplyHelper helper;
    private final String apiUserRef;
    private final Optional<String> contactGroup;
    /** Role groups and their views; null: none. */
    private final RtRoleViews roleViews;

    /** @param contactGroup the group whose members (the contacts' users) write their own messages, if any */
    RtProvisioner(RtClient client, RtApplyHelper helper, String apiUserRef, Optional<String> contactGroup) {
        this(client, helper, apiUserRef, contactGroup, null);
    }

    /** @param roleViews the role groups with their rights, saved searches and dashboards; null: none */
    RtProvisioner(RtClient client, RtApplyHelper helper, String apiUserRef, Optional<String> contactGroup,
                  RtRoleViews roleViews) {
        this.client = client;
        this.helper = helper;
        this.apiUserRef = apiUserRef;
        this.contactGroup = contactGroup;
        this.roleViews = roleViews;
    }

    /** The role views this provisioner installs (for uninstall and verify), if any. */
    Optional<RtRoleViews> roleViews() {
        return Optional.ofNullable(roleViews);
    }

    /** What {@link #install} would do; changes nothing. */
    List<RtFinding> inspect(Descriptor descriptor) {
        return run(descriptor, false);
    }

    /** Creates what is missing; a second run finds everything PRESENT. */
    List<RtFinding> install(Descriptor descriptor) {
        return run(descriptor, true);
    }

    static ProvisioningPlan plan(List<RtFinding> findings) {
        return new ProvisioningPlan(findings.stream().map(RtFinding::step).toList());
    }

    private List<RtFinding> run(Descriptor descriptor, boolean write) {
        RtProvisioningContext ctx = new RtProvisioningContext(client, helper, write, apiUserRef);
        descriptor.queues().forEach(queue -> queue(ctx, queue));
        RtFieldProvisioner fields = new RtFieldProvisioner(ctx);
        descriptor.fields().forEach(fields::provision);
        links(ctx, descriptor);
        new RtWorkplace(ctx.helper).provision(ctx, descriptor);
        contactGroup.ifPresent(group -> contactRights(ctx, descriptor, group));
        roleViews().ifPresent(views -> views.provision(ctx, descriptor));
        return List.copyOf(ctx.findings);
    }

    /**
     * The contacts' group and its rights on the social queues and the plugin's fields (the perl helper: REST2
     * grants no rights). Without the helper here, the admin gets the command to run on the RT host.
     */
    private void contactRights(RtProvisioningContext ctx, Descriptor descriptor, String group) {
        List<String> args = RtApplyHelper.grantArguments(group, apiUserRef,
                descriptor.queues().stream().map(QueueDef::label).toList(),
                labels(descriptor, dev.socialbridge.descriptor.FieldDef.APPLIES_TO_TICKET),
                labels(descriptor, dev.socialbridge.descriptor.FieldDef.APPLIES_TO_TRANSACTION));
        String command = helper.scriptCommand(RtApplyHelper.GRANT_SCRIPT, args);
        String key = "contacts";
        if (!ctx.helper.canRun()) {
            ctx.add(ctx.write
                    ? RtFinding.conflict(CONTACT_RIGHTS_KIND, key, group, command,
                            "REST2 cannot grant rights: customers' messages are written by the API user until this runs",
                            "on the RT host run: " + command)
                    : RtFinding.toCreate(CONTACT_RIGHTS_KIND, key, group, "run on the RT host: " + command,
                            "rights of group '" + group + "' cannot be read over REST2"));
            return;
        }
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.GRANT_SCRIPT, ctx.write ? args : withFlag(args, "--check", false));
        if (result.applied()) {
            ctx.add(result.output().contains("ok:")
                    ? RtFinding.created(CONTACT_RIGHTS_KIND, key, group, "granted with " + RtApplyHelper.GRANT_SCRIPT)
                    : RtFinding.present(CONTACT_RIGHTS_KIND, key, group, "group and rights in place"));
        } else if (!ctx.write && result.output().contains("missing:")) {
            ctx.add(RtFinding.toCreate(CONTACT_RIGHTS_KIND, key, group, "would grant with " + RtApplyHelper.GRANT_SCRIPT,
                    result.output().lines().filter(l -> l.startsWith("missing:")).count() + " right(s) missing"));
        } else {
            ctx.add(RtFinding.conflict(CONTACT_RIGHTS_KIND, key, group, command,
                    RtApplyHelper.GRANT_SCRIPT + " failed: " + result.output(), "on the RT host run: " + command));
        }
    }

    /**
     * Link fields ({@code LinkValueTo}) that existed before this run: a field created now got it at creation; REST2
     * can neither read nor set it on an existing one, so the perl helper checks and sets it (never replacing an
     * admin's template). Without the helper here the admin gets the command, once, as a hint.
     */
    private void links(RtProvisioningContext ctx, Descriptor descriptor) {
        java.util.Map<String, dev.socialbridge.host.spi.ProvisioningPlan.Status> fieldSteps = new java.util.HashMap<>();
        ctx.findings.forEach(f -> fieldSteps.putIfAbsent(f.step().key(), f.step().status()));
        List<dev.socialbridge.descriptor.FieldDef> linked = descriptor.fields().stream()
                .filter(f -> f.link() && RtFieldTypes.isTicketField(f)).toList();
        if (linked.isEmpty()) {
            return;
        }
        String key = "links";
        String label = linked.stream().map(dev.socialbridge.descriptor.FieldDef::label)
                .collect(java.util.stream.Collectors.joining(", "));
        java.util.Map<String, String> templates = new java.util.LinkedHashMap<>();
        linked.stream().filter(f -> fieldSteps.get(f.key()) == dev.socialbridge.host.spi.ProvisioningPlan.Status.PRESENT)
                .forEach(f -> templates.put(f.label(), RtFieldTypes.LINK_TO_VALUE));
        if (templates.isEmpty()) {   // created in this run (or to be): LinkValueTo is part of the creation
            ctx.add(ctx.write ? RtFinding.created(LINK_KIND, key, label, "values shown as links (set at creation)")
                    : RtFinding.toCreate(LINK_KIND, key, label, "would create the fields with LinkValueTo",
                            "link fields do not exist in RT"));
            return;
        }
        List<String> args = RtApplyHelper.linkArguments(RtFieldTypes.TICKET_LOOKUP, templates);
        String command = helper.scriptCommand(RtApplyHelper.LINK_SCRIPT, args);
        if (!ctx.helper.canRun()) {
            ctx.add(RtFinding.present(LINK_KIND, key, label, "LinkValueTo cannot be read over REST2; if the values do "
                    + "not show as links in RT, on the RT host run: " + command));
            return;
        }
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.LINK_SCRIPT, ctx.write ? args : withFlag(args, "--check", true));
        if (result.applied()) {
            ctx.add(result.output().contains("ok:")
                    ? RtFinding.created(LINK_KIND, key, label, "values shown as links (" + RtApplyHelper.LINK_SCRIPT + ")")
                    : RtFinding.present(LINK_KIND, key, label, "values shown as links"));
        } else if (!ctx.write && result.output().contains("missing:")) {
            ctx.add(RtFinding.toCreate(LINK_KIND, key, label, "would link with " + RtApplyHelper.LINK_SCRIPT,
                    result.output().lines().filter(l -> l.startsWith("missing:")).count() + " field(s) without a link"));
        } else {
            ctx.add(RtFinding.conflict(LINK_KIND, key, label, command,
                    RtApplyHelper.LINK_SCRIPT + " failed: " + result.output(), "on the RT host run: " + command));
        }
    }

    /** {@code args} with {@code flag} first (rt-link-cf.pl reads options before its arguments) or last. */
    private static List<String> withFlag(List<String> args, String flag, boolean first) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(first ? 0 : all.size(), flag);
        return all;
    }

    private static List<String> labels(Descriptor descriptor, String appliesTo) {
        return descriptor.fields().stream().filter(f -> appliesTo.equals(f.appliesTo()))
                .map(dev.socialbridge.descriptor.FieldDef::label).toList();
    }

    private void queue(RtProvisioningContext ctx, QueueDef queue) {
        Optional<JsonNode> found = client.find("/queue/" + RtClient.segment(queue.label()));
        if (found.isPresent()) {
            existingQueue(ctx, queue, found.get());
        } else if (!ctx.write) {
            ctx.add(RtFinding.toCreate(QUEUE_KIND, queue.key(), queue.label(), "would create the queue",
                    "queue does not exist in RT, or the API user cannot see it (SeeQueue)"));
        } else {
            ObjectNode body = RtClient.JSON.createObjectNode().put("Name", queue.label());
            if (queue.description() != null) {
                body.put("Description", queue.description());
            }
            // RT's own SLA stays off (SLADisabled=1, RT's default): with it on, RT overwrites the Due we send
            String id = client.post("/queue", body).path("id").asText();
            ctx.queues.put(queue.label(), client.get("/queue/" + id));
            ctx.add(RtFinding.created(QUEUE_KIND, queue.key(), queue.label(), "id " + id));
        }
    }

    private void existingQueue(RtProvisioningContext ctx, QueueDef queue, JsonNode json) {
        String id = json.path("id").asText();
        if ("1".equals(json.path("Disabled").asText())) {
            ctx.add(RtFinding.conflict(QUEUE_KIND, queue.key(), queue.label(), "id " + id + " is disabled",
                    "queue " + id + " exists but is disabled", "enable it in RT (Admin > Queues > " + queue.label() + ")"));
            return;
        }
        ctx.queues.put(queue.label(), json);
        ctx.add(RtFinding.present(QUEUE_KIND, queue.key(), queue.label(), "id " + id));
    }
}
