package dev.socialbridge.host.rt;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.host.spi.HostEvents;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.HostHealth;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request Tracker 5 as the host, over its REST2 API (plus a perl helper for what REST2 cannot do). */
public final class RtHostAdapter implements HostAdapter {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final RtClient client;
    private final RtProvisioner provisioner;
    private final RtVerifier verifier;
    private final RtContacts contacts;
    private final RtTickets tickets;
    private final RtOwners owners;
    private final RtOwnerCheck ownerCheck;
    private final RtTransactionField messageIdField;
    private final RtTickets botTickets;
    private final RtSettings settings;
    private final java.util.Optional<String> moderationLabel;
    /** RT names of the fields whose change by a person is a classifier correction, by descriptor key. */
    private final java.util.Map<String, String> correctableLabels;
    private volatile RtEvents events;
    private final RtSessions sessions;
    /** What uninstall removes, in this order: the workplace parts install added (never tickets, queues, fields). */
    private final List<RtRemovable> removable;

    RtHostAdapter(RtSettings settings, Descriptor descriptor, Map<String, String> environment, Clock clock) {
        this.settings = settings;
        this.client = new RtClient(settings);
        RtApplyHelper helper = RtApplyHelper.forSettings(settings, environment);
        String apiUser = settings.apiUserRef().orElse("Nobody");
        RtRoleViews roleViews = new RtRoleViews(helper, settings.roleGroups(), settings.contactGroup(), apiUser);
        this.provisioner = new RtProvisioner(client, helper, apiUser, settings.contactGroup(), roleViews);
        this.removable = List.of(new RtWorkplace(helper), roleViews);
        this.verifier = new RtVerifier(client, settings, provisioner);
        this.sessions = new RtSessions(client, clock);
        RtContactVoice voice = new RtContactVoice(client, settings);
        this.contacts = new RtContacts(client, descriptor, voice);
        this.messageIdField = new RtTransactionField(client, descriptor, System::nanoTime);
        this.owners = new RtOwners(client);
        this.ownerCheck = new RtOwnerCheck(client, owners, RtApplyHelper.forSettings(settings, environment));
        this.tickets = new RtTickets(client, descriptor, messageIdField, clock, voice, owners);
        this.moderationLabel = descriptor.field(dev.socialbridge.descriptor.FieldKeys.MODERATION_STATUS)
                .map(dev.socialbridge.descriptor.FieldDef::label);
        java.util.Map<String, String> correctable = new java.util.LinkedHashMap<>();
        for (String key : dev.socialbridge.host.spi.HostEvent.CORRECTABLE_FIELDS) {
            descriptor.field(key).ifPresent(f -> correctable.put(key, f.label()));
        }
        this.correctableLabels = java.util.Map.copyOf(correctable);
        // the bot user writes through the same ticket operations; its messages carry their id in the same field
        this.botTickets = settings.bot().map(bot -> new RtTickets(new RtClient(bot), descriptor, messageIdField, clock, null))
                .orElse(null);
    }

    @Override
    public java.util.Optional<dev.socialbridge.host.spi.HostSessions> sessions() {
        return java.util.Optional.of(sessions);
    }

    @Override
    public void recordAutomatedReply(TicketRef ticket, String messageId, String text) {
        if (botTickets == null) {
            tickets.addNote(ticket, "Automated reply sent to the customer:\n" + text);
        } else {
            botTickets.appendCustomerMessage(ticket, null, messageId, text, List.of(), Map.of());
        }
    }

    @Override
    public java.util.Optional<dev.socialbridge.host.spi.HostAttachment> downloadFile(String id) {
        if (!id.matches("\\d{1,18}")) {
            return java.util.Optional.empty();
        }
        return client.find("/attachment/" + id).map(a -> new dev.socialbridge.host.spi.HostAttachment(
                a.path("Filename").asText("file"), a.path("ContentType").asText("application/octet-stream"),
                java.util.Base64.getMimeDecoder().decode(a.path("Content").asText(""))));
    }

    @Override
    public HostEvents eventsAfter(long position, int limit) {
        return events().after(position, limit);
    }

    @Override
    public long latestPosition() {
        return events().latest();
    }

    /** The login of the user a token or user name stands for. */
    private String login(RtSettings user) {
        String ref = user.apiUserRef().orElseThrow(() -> new HostException(
                "cannot tell the RT user from its token: use a token of the form <id>-<user id>-<secret>", false));
        return client.get("/user/" + RtClient.segment(ref)).path("Name").asText(ref);
    }

    /** Built on first use: it needs the plugin's logins, which only RT knows when authenticating with tokens. */
    private RtEvents events() {
        RtEvents e = events;
        if (e == null) {
            java.util.Set<String> own = new java.util.HashSet<>();
            own.add(login(settings));
            settings.bot().ifPresent(bot -> own.add(login(bot)));
            e = new RtEvents(client, tickets, messageIdField, own, moderationLabel, correctableLabels);
            events = e;
        }
        return e;
    }

    @Override
    public String type() {
        return RtHostAdapterFactory.ID;
    }

    @Override
    public ProvisioningPlan plan(Descriptor descriptor) {
        return RtProvisioner.plan(provisioner.inspect(descriptor));
    }

    @Override
    public ProvisioningPlan install(Descriptor descriptor) {
        return RtProvisioner.plan(provisioner.install(descriptor));
    }

    @Override
    public ProvisioningPlan uninstallPlan(Descriptor descriptor) {
        return uninstall(descriptor, true);
    }

    @Override
    public ProvisioningPlan uninstall(Descriptor descriptor) {
        return uninstall(descriptor, false);
    }

    private ProvisioningPlan uninstall(Descriptor descriptor, boolean dryRun) {
        return RtProvisioner.plan(removable.stream().flatMap(r -> r.remove(descriptor, dryRun).stream()).toList());
    }

    @Override
    public List<HostProblem> verify(Descriptor descriptor) {
        List<HostProblem> problems = new java.util.ArrayList<>(verifier.verify(descriptor));
        try {
            problems.addAll(ownerCheck.problems(descriptor));
        } catch (RtException e) {
            if (problems.isEmpty()) {   // RT answered the verifier: this failure is new
                problems.add(new HostProblem("queue owners", "cannot check the owners: " + e.getMessage(),
                        "check the RT logs and the API user's rights (SeeGroup, AdminUsers or ShowUserHistory)"));
            }
        }
        return problems;
    }

    @Override
    public HostHealth health() {
        try {
            String version = client.get("/rt", HEALTH_TIMEOUT).path("Version").asText("?");
            return new HostHealth(true, "RT " + version + " at " + client.baseUrl());
        } catch (RtException e) {
            return new HostHealth(false, e.getMessage());
        }
    }

    @Override
    public String upsertContact(ContactUpsert contact) {
        return contacts.upsert(contact);
    }

    @Override
    public void updateContact(String contactId, Map<String, String> fields) {
        contacts.updateFields(contactId, fields);
    }

    @Override
    public void setRequestor(TicketRef ticket, String contactId) {
        tickets.setRequestor(ticket, contactId);
    }

    @Override
    public List<String> groupMembers(String group) {
        return owners.members(group);
    }

    @Override
    public Optional<String> ticketOwner(TicketRef ticket) {
        return owners.owner(ticket.id());
    }

    @Override
    public Optional<TicketRef> findTicketByThread(String threadKey) {
        return tickets.findByThread(threadKey);
    }

    @Override
    public List<TicketRef> findTicketsByField(String fieldKey, String value, int limit) {
        return tickets.findByField(fieldKey, value, limit);
    }

    @Override
    public TicketRef createTicket(TicketRequest request) {
        return tickets.create(request);
    }

    @Override
    public void appendCustomerMessage(TicketRef ticket, String messageId, String text, List<HostAttachment> attachments) {
        tickets.appendCustomerMessage(ticket, null, messageId, text, attachments, Map.of());
    }

    @Override
    public void appendCustomerMessage(TicketRef ticket, String contactId, String messageId, String text,
                                      List<HostAttachment> attachments, Map<String, String> messageFields) {
        tickets.appendCustomerMessage(ticket, contactId, messageId, text, attachments, messageFields);
    }

    @Override
    public void addNote(TicketRef ticket, String text) {
        tickets.addNote(ticket, text);
    }

    @Override
    public void updateTicket(TicketRef ticket, TicketUpdate update) {
        tickets.update(ticket, update);
    }

    @Override
    public Map<String, String> readFields(TicketRef ticket) {
        return tickets.readFields(ticket);
    }

    @Override
    public String toString() {
        return "RtHostAdapter[" + client.baseUrl() + "]";
    }
}
