package dev.socialbridge.pipeline;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.CampaignSignals;
import dev.socialbridge.attribution.LinkRef;
import dev.socialbridge.attribution.ThreadTouches;
import dev.socialbridge.attribution.TouchFields;
import dev.socialbridge.attribution.UtmParameters;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.inbox.InboxItem;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.links.LeadSubmission;
import dev.socialbridge.links.LinkClick;
import dev.socialbridge.links.LinkCodes;
import dev.socialbridge.links.LinkStore;
import dev.socialbridge.links.ThreadLinks;
import dev.socialbridge.links.TrackedLink;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's part of tracked links and lead forms, run by the {@link InteractionProcessor} (single-threaded, in
 * inbox order, each item in one transaction):
 * <ul>
 * <li>a referral whose {@code ref} is a link's code names that link's campaign and UTM ({@link #referralLink});</li>
 * <li>a reply that contains a {@code {link}} of its thread stores that link ({@link #mintIn});</li>
 * <li>a click on a thread's link ({@link LinkClick#KIND}) is the thread's newest touch (type {@code link}): thread
 *     touches, campaign and, when it has one, the ticket's last touch and campaign fields with a note;</li>
 * <li>a lead form ({@link LeadSubmission#KIND}) updates the ticket of the conversation it names (its click code's
 *     thread, or {@code conversation}: a thread key or an RT ticket id) with a {@code form} touch and a note, or else
 *     creates a ticket in the leads queue whose requestor is the visitor's email address, with the UTM fields,
 *     campaign, first and last touch, consent and message.</li>
 * </ul>
 */
public final class LinkEvents {
    /** Thread keys of the tickets of form leads without a conversation: {@code lead:<lead id>}. */
    public static final String LEAD_THREAD_PREFIX = "lead:";
    /** The channel of a touch that happened on the web (a form without a conversation). */
    static final String WEB = "web";

    private final LinkStore links;
    private final ThreadLinks threadLinks;
    private final ThreadStore threads;
    private final OutboxStore outbox;
    private final InboxStore inbox;
    private final String leadsQueue;
    private final TouchStore touches = new TouchStore();

    /**
     * @param threadLinks the {@code {link}} minter, or null when {@code {link}} is not filled
     * @param leadsQueue  descriptor queue key of form leads' tickets
     */
    public LinkEvents(LinkStore links, ThreadLinks threadLinks, ThreadStore threads, OutboxStore outbox,
                      InboxStore inbox, String leadsQueue) {
        this.links = links;
        this.threadLinks = threadLinks;
        this.threads = threads;
        this.outbox = outbox;
        this.inbox = inbox;
        this.leadsQueue = leadsQueue;
    }

    /** Whether the pipeline hands this inbox item here. */
    static boolean handles(InboxItem item) {
        return LinkClick.KIND.equals(item.kind()) || LeadSubmission.KIND.equals(item.kind());
    }

    /** The link whose code is the referral's {@code ref}, if any. */
    LinkRef referralLink(Interaction i) {
        String ref = i.referral() == null || i.referral().ref() == null ? null : i.referral().ref().strip();
        return LinkCodes.isCode(ref) ? links.find(ref).map(TrackedLink::ref).orElse(null) : null;
    }

    /** Stores the thread's links that a reply's {@code text} contains. */
    void mintIn(Connection c, String text, Interaction i, String campaign, Instant now) throws SQLException {
        if (threadLinks == null) {
            return;
        }
        for (TrackedLink l : threadLinks.linksIn(text, i.threadKey(), i.platform().id(), campaign, now)) {
            links.mint(c, l);
        }
    }

    void process(InboxItem item) {
        if (LinkClick.KIND.equals(item.kind())) {
            click(item, Json.read(item.interactionJson(), LinkClick.class));
        } else {
            lead(item, Json.read(item.interactionJson(), LeadSubmission.class));
        }
    }

    private void click(InboxItem item, LinkClick click) {
        Instant now = Instant.now();
        CampaignSignal touch = CampaignSignals.linkClick(click.channel() != null ? click.channel()
                : channelOf(click.threadKey()), click.link(), click.at());
        inbox.database().inTransaction(c -> {
            ThreadState t = threads.thread(c, click.threadKey());
            TouchAttribution attribution = TouchAttribution.of(t, touches.touches(c, click.threadKey()), touch);
            touches.save(c, click.threadKey(), attribution, now);
            if (!attribution.isNewestSignal()) {
                inbox.finish(c, item.id(), InboxStatus.IGNORED, "click older than the thread's last touch");
                return null;
            }
            threads.recordCampaign(c, click.threadKey(), touch.campaign());
            if (t.ticketId() == null && t.queueKey() == null) {
                inbox.finish(c, item.id(), InboxStatus.DONE, "link click: the thread's last touch (no ticket yet)");
                return null;
            }
            outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#host", click.threadKey() + "|host",
                    OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(click.threadKey(),
                    TicketUpdate.fields(attribution.touchFields()), "Link click: " + touch.describe())), now);
            inbox.finish(c, item.id(), InboxStatus.DONE, "link click: the ticket's last touch");
            return null;
        });
    }

    private void lead(InboxItem item, LeadSubmission lead) {
        Instant now = Instant.now();
        inbox.database().inTransaction(c -> {
            Optional<TrackedLink> link = lead.code() == null ? Optional.empty() : links.find(c, lead.code());
            String threadKey = link.map(TrackedLink::threadKey).orElse(null);
            if (threadKey == null && lead.conversation() != null) {
                threadKey = threadOf(c, lead.conversation()).orElse(null);
            }
            ThreadState t = threadKey == null ? null : threads.thread(c, threadKey);
            String campaign = lead.campaign() != null ? lead.campaign() : link.map(TrackedLink::campaign).orElse(null);
            UtmParameters utm = !lead.utm().isEmpty() ? lead.utm()
                    : link.map(TrackedLink::utm).orElse(UtmParameters.none());
            CampaignSignal touch = CampaignSignals.form(t != null && !t.isNew() ? channelOf(t.threadKey()) : WEB,
                    campaign, utm, lead.code(), lead.receivedAt());
            String note = describe(lead);
            if (t != null && (t.ticketId() != null || t.queueKey() != null)) {
                TouchAttribution attribution = TouchAttribution.of(t, touches.touches(c, t.threadKey()), touch);
                touches.save(c, t.threadKey(), attribution, now);
                threads.recordCampaign(c, t.threadKey(), attribution.isNewestSignal() ? touch.campaign() : null);
                outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#host", t.threadKey() + "|host",
                        OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(t.threadKey(),
                        TicketUpdate.fields(attribution.touchFields()), note)), now);
                inbox.finish(c, item.id(), InboxStatus.DONE, "lead form: the conversation's ticket updated");
                return null;
            }
            // a new lead: its first touch is its conversation's when it has one, else the form itself
            ThreadTouches before = t == null ? ThreadTouches.none() : touches.touches(c, t.threadKey());
            ThreadTouches after = before.with(touch);
            String leadThread = LEAD_THREAD_PREFIX + lead.leadId();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(FieldKeys.THREAD_KEY, leadThread);
            fields.putAll(TouchFields.first(after.first()));
            fields.putAll(TouchFields.last(after.last()));
            fields.putAll(TouchFields.campaign(after.last(), after.last().campaign() != null ? after.last().campaign()
                    : campaign));
            if (t != null && !t.isNew()) {
                fields.put(FieldKeys.CONVERSATION_ID, t.threadKey());
            }
            String who = lead.name() != null ? lead.name() + " <" + lead.email() + ">" : lead.email();
            String text = lead.message() == null ? "" : lead.message().replaceAll("\\s+", " ").strip();
            String subject = "[lead form] " + who + (text.isEmpty() ? "" : ": " + (text.length() > 80
                    ? text.substring(0, 79) + "…" : text));
            HostMessageCommand msg = new HostMessageCommand(leadThread, leadsQueue, null, null, subject,
                    new ContactUpsert(ContactUpsert.EMAIL, lead.email(), null, lead.name()), lead.leadId(),
                    note, fields, null, null, null, java.util.List.of(), Map.of());
            outbox.enqueue(c, new OutboxCommand(item.dedupeKey() + "#host", leadThread + "|host", OutboxCommand.HOST,
                    HostMessageCommand.TYPE, msg), now);
            inbox.finish(c, item.id(), InboxStatus.DONE, "lead form: a new lead");
            return null;
        });
    }

    /** The thread a form's {@code conversation} names: a known thread key, else the thread of that ticket id. */
    private static Optional<String> threadOf(Connection c, String conversation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT thread_key FROM social_thread WHERE thread_key = ? OR ticket_id = ? ORDER BY thread_key")) {
            ps.setString(1, conversation);
            ps.setString(2, conversation.replaceFirst("^#", ""));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The platform of a thread key ({@code instagram:dm:...} → {@code instagram}). */
    private static String channelOf(String threadKey) {
        int colon = threadKey.indexOf(':');
        return colon > 0 ? threadKey.substring(0, colon) : WEB;
    }

    /** The lead as the ticket shows it: contact, consent, campaign, message. */
    static String describe(LeadSubmission lead) {
        StringBuilder b = new StringBuilder("Lead form ").append(lead.leadId()).append('\n');
        line(b, "Name", lead.name());
        line(b, "Email", lead.email());
        line(b, "Phone", lead.phone());
        line(b, "Consent to be contacted", lead.consent() ? "yes, given " + lead.receivedAt() : "no");
        line(b, "Campaign", lead.campaign());
        line(b, "utm_source", lead.utm().source());
        line(b, "utm_medium", lead.utm().medium());
        line(b, "utm_campaign", lead.utm().campaign());
        line(b, "utm_content", lead.utm().content());
        line(b, "utm_term", lead.utm().term());
        line(b, "Link code", lead.code());
        line(b, "Conversation", lead.conversation());
        if (lead.message() != null) {
            b.append('\n').append(lead.message()).append('\n');
        }
        return b.toString().strip();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append(": ").append(value).append('\n');
        }
    }
}
