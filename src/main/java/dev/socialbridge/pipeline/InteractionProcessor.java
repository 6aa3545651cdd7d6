package dev.socialbridge.pipeline;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.attribution.CampaignSignals;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.TicketUpdate;
import dev.socialbridge.inbox.InboxItem;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.interaction.DeliveryStatus;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.leads.LeadFields;
import dev.socialbridge.leads.LeadScores;
import dev.socialbridge.leads.LeadScoring;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import dev.socialbridge.support.BackgroundWorker;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline step between inbox and outbox: for each pending inbox item, applies the loop guard,
 * classifies, derives its campaign signal (so that campaign rules see it from the thread's first message), lets
 * automation decide, and writes — in one transaction with marking the item done — the thread state and touches, the
 * author's person and its touch (an email or phone in the text joins or merges people: {@code people.People}), the
 * audit records and the outbox commands for the host and the platform. A referral (an ad click, a ref link on an
 * existing conversation) restarts the messaging window and becomes the thread's last touch, on its ticket with a note.
 * Items of one thread are processed in arrival order, by one worker thread ({@link #withWorkers(int)}) of the one
 * instance that holds their partition ({@link dev.socialbridge.cluster.WorkShare}); a transaction takes
 * {@value #BATCH} items.
 */
public final class InteractionProcessor extends BackgroundWorker {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionProcessor.class);
    private static final int MAX_ATTEMPTS = 5;
    /** Automation outcomes after which a person owns the thread. */
    private static final java.util.Set<String> HUMAN_STATUSES = java.util.Set.of("escalated", "handed_off");
    /** Dedupe-key suffix of an interaction queued again after its author's follower count was looked up. */
    static final String AUDIENCE_SUFFIX = "#audience";
    /** Dedupe-key suffix of an interaction queued again after its author's name was looked up. */
    static final String PROFILE_SUFFIX = "#profile";
    /** How long a looked-up follower count (or its absence) is trusted. */
    private static final Duration AUDIENCE_TTL = Duration.ofDays(7);

    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final AuditStore audit;
    private final ModerationStore moderation;
    private final Function<String, Classification> classifier;
    private final AutomationStep automation;
    private final Descriptor descriptor;
    private final String defaultQueue;
    private final Runnable onEnqueued;
    private final dev.socialbridge.inbox.IngestMeter meter;
    private final AuthorAudienceStore audiences;
    private final Connectors connectors;
    private final SentMessageStore sent;
    private final boolean humanTakeover;
    private final SurveyFlow surveys;
    private final SlaClocks sla;
    private final CampaignSignals signals;
    private final TouchStore touches = new TouchStore();
    private final LeadPipeline leads;
    /** Cache of authors' names looked up on the platform; null when names are not looked up (tests). */
    private AuthorProfileStore profiles;
    /** Tracked links and lead forms; null when the server has none (tests). */
    private LinkEvents links;
    /** Where each thread's latest classified message is kept for agents' corrections, and the model's name. */
    private dev.socialbridge.learning.ClassifiedMessages classified;
    private java.util.function.Supplier<String> modelVersion;
    private final dev.socialbridge.people.People people;
    private dev.socialbridge.cluster.WorkShare share = dev.socialbridge.cluster.WorkShare.ALL;
    private int workers = 1;
    private final List<BackgroundWorker> others = new java.util.ArrayList<>();
    /** Items per transaction: a commit is paid once for them. */
    private static final int BATCH = 25;

    public InteractionProcessor(InboxStore inbox, OutboxStore outbox, ThreadStore threads, AuditStore audit,
                                ModerationStore moderation, AuthorAudienceStore audiences, SentMessageStore sent,
                                Connectors connectors, Function<String, Classification> classifier,
                                AutomationStep automation, Descriptor descriptor, String defaultQueue,
                                boolean humanTakeover, SurveyFlow surveys, SlaClocks sla, CampaignSignals signals,
                                dev.socialbridge.people.People people, LeadPipeline leads,
                                dev.socialbridge.inbox.IngestMeter meter, Runnable onEnqueued) {
        super("pipeline", 500);
        this.people = people;
        this.leads = leads;
        this.signals = signals;
        this.sla = sla;
        this.surveys = surveys;
        this.humanTakeover = humanTakeover;
        this.connectors = connectors;
        this.sent = sent;
        this.inbox = inbox;
        this.outbox = outbox;
        this.threads = threads;
        this.audit = audit;
        this.moderation = moderation;
        this.classifier = classifier;
        this.automation = automation;
        this.descriptor = descriptor;
        this.defaultQueue = defaultQueue;
        this.onEnqueued = onEnqueued;
        this.meter = meter;
        this.audiences = audiences;
    }

    /**
     * Tracked links and lead forms: link codes in referrals, {@code {link}} in replies, clicks and form leads queued in
     * the inbox. Set before {@link #start()}.
     */
    public InteractionProcessor withLinks(LinkEvents events) {
        this.links = events;
        return this;
    }

    /**
     * Names authors whom the webhook names only by id (Messenger, Instagram DMs): from the cache, else the platform
     * outbox looks them up before the interaction goes on ({@link LookUpProfileCommand}). Set before {@link #start()}.
     */
    public InteractionProcessor withProfiles(AuthorProfileStore store) {
        this.profiles = store;
        return this;
    }

    /**
     * Keeps each thread's latest classified message with its labels and the name of the model that gave them, so that
     * an agent's correction in the host labels that message. Set before {@link #start()}.
     */
    public InteractionProcessor withClassifiedMessages(dev.socialbridge.learning.ClassifiedMessages store,
                                                       java.util.function.Supplier<String> version) {
        this.classified = store;
        this.modelVersion = version;
        return this;
    }

    /** The partitions this instance processes (several instances on one store). Set before {@link #start()}. */
    public InteractionProcessor sharing(dev.socialbridge.cluster.WorkShare share) {
        this.share = share;
        return this;
    }

    /**
     * Processes on {@code n} threads, each taking the partitions {@code p} with {@code p % n} equal to its number, so
     * that a thread's items stay in order. Set before {@link #start()}.
     */
    public InteractionProcessor withWorkers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("socialbridge.pipeline.workers: '" + n + "' must be at least 1");
        }
        this.workers = n;
        return this;
    }

    public InteractionProcessor start() {
        for (int w = 1; w < workers; w++) {
            int slot = w;
            BackgroundWorker worker = new BackgroundWorker("pipeline-" + w, 500) {
                @Override
                protected boolean runOnce() throws InterruptedException {
                    return round(slot);
                }
            };
            others.add(worker);
            worker.startWorker();
        }
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() throws InterruptedException {
        return round(0);
    }

    /**
     * One round of worker {@code slot}: the oldest pending items of its partitions, {@value #BATCH} per transaction
     * (each item under a savepoint of its own, so that one item's failure undoes only its work).
     */
    private boolean round(int slot) throws InterruptedException {
        java.util.Set<Integer> mine = new java.util.HashSet<>();
        for (int p : share.partitions()) {
            if (p % workers == slot) {
                mine.add(p);
            }
        }
        List<InboxItem> pending = inbox.pending(mine, 200);
        java.util.Set<String> waiting = new java.util.HashSet<>();
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<InboxItem> chunk = pending.subList(from, Math.min(pending.size(), from + BATCH));
            long t0 = System.nanoTime();
            inbox.database().inBatch(c -> {
                for (InboxItem item : chunk) {
                    // not if given to another instance meanwhile, nor after an earlier item of its thread that failed
                    if (share.holds(item.partition()) && !waiting.contains(waitKey(item)) && !processSafely(item)) {
                        waiting.add(waitKey(item));
                    }
                }
                return null;
            });
            meter.pace(System.nanoTime() - t0);   // outside the transaction: its locks are not held while it yields
        }
        if (!pending.isEmpty()) {
            onEnqueued.run();
        }
        return !pending.isEmpty();
    }

    /** Items that must wait for an earlier one that failed: its thread's (an item without a thread waits alone). */
    private static String waitKey(InboxItem item) {
        return item.threadKey() != null ? item.threadKey() : "item:" + item.id();
    }

    @Override
    public void wake() {
        super.wake();
        others.forEach(BackgroundWorker::wake);
    }

    @Override
    public void close() {
        others.forEach(BackgroundWorker::close);
        super.close();
    }

    /**
     * Processes an item, recording a failure against it. Returns false when it stays pending: the items after it in
     * its thread must wait for it. A conflict with another worker's transaction (same person, same row) is not the
     * item's fault: it is tried again next round without counting an attempt.
     */
    private boolean processSafely(InboxItem item) {
        try {
            process(item);
            return true;
        } catch (InboxStore.AlreadyFinishedException e) {
            LOG.debug("{}", e.getMessage());   // nothing of this round was committed
            return true;
        } catch (RuntimeException e) {
            if (Database.isTransientConflict(e)) {
                LOG.debug("inbox item {} met a concurrent transaction; next round: {}", item.id(), e.toString());
                return false;
            }
            int attempts = inbox.recordFailure(item.id(), e.toString());
            LOG.warn("inbox item {} failed (attempt {}): {}", item.id(), attempts, e.toString());
            if (attempts >= MAX_ATTEMPTS) {
                inbox.database().inTransaction(c -> {
                    inbox.finish(c, item.id(), InboxStatus.DEAD, "processing failed: " + e);
                    return null;
                });
                return true;
            }
            return false;
        }
    }

    /** Processes one item completely, in one transaction. */
    void process(InboxItem item) {
        if (InboxStore.STATUS_KIND.equals(item.kind())) {
            applyStatus(item, Json.read(item.interactionJson(), DeliveryStatus.class));
            return;
        }
        if (LinkEvents.handles(item)) {
            if (links == null) {
                finish(item, InboxStatus.IGNORED, "tracked links and lead forms are not set up");
            } else {
                links.process(item);
            }
            return;
        }
        Interaction i = Json.read(item.interactionJson(), Interaction.class).withInboxId(item.id());
        if (i.fromSelf()) {
            finish(item, InboxStatus.IGNORED, "loop guard: authored by our own account");
            return;
        }
        Optional<Connector> connector = connectors.forPlatform(i.platform());
        Interaction received = i;
        if (connector.flatMap(Connector::interactionFetcher).filter(f -> f.needsFetch(received)).isPresent()) {
            queueFetch(item, i);
            return;
        }
        if (i.kind() == InteractionKind.REFERRAL) {
            referral(item, i);
            return;
        }
        if (!i.kind().isConversational() || i.text().isBlank() && i.attachments().isEmpty()) {
            finish(item, InboxStatus.IGNORED, "not a customer message: " + i.kind().id());
            return;
        }
        Instant now = Instant.now();
        if (needsProfile(item, i, connector)) {
            // behind a lookup of its thread still under way, so that the thread's messages keep their order
            Optional<AuthorProfileStore.Profile> known = inbox.database().inTransaction(conn ->
                    outbox.hasPending(conn, received.threadKey() + "|platform", LookUpProfileCommand.TYPE) ? Optional.empty()
                            : profiles.find(conn, received.platform(), received.author().id(), now));
            if (known.isEmpty()) {
                queuePlatformLookup(item, i, item.dedupeKey() + PROFILE_SUFFIX, LookUpProfileCommand.TYPE,
                        new LookUpProfileCommand(item.dedupeKey() + PROFILE_SUFFIX, i), "author's name looked up on the platform first");
                return;
            }
            i = i.withAuthor(i.author().withProfile(known.get().displayName(), known.get().handle()));
        }
        Interaction named = i;
        if (needsFollowerCount(item, named, connector)) {
            Optional<AuthorAudienceStore.Audience> known = inbox.database().inTransaction(conn -> audiences.find(conn,
                    named.platform(), named.author().handle(), now.minus(AUDIENCE_TTL)));
            if (known.isEmpty()) {
                queueAuthorLookup(item, i);
                return;
            }
            if (known.get().followers() != null) {
                i = i.withAuthor(i.author().withFollowerCount(known.get().followers()));
            }
        }
        Interaction in = i;
        Classification c = classifier.apply(in.text());
        CampaignSignal touch = signals.of(in, links == null ? null : links.referralLink(in));
        inbox.database().inTransaction(conn -> {
            if (surveys.takeAnswer(conn, in, item.dedupeKey(), now)) {
                threads.touch(conn, in.threadKey(), in.occurredAt());
                inbox.finish(conn, item.id(), InboxStatus.DONE, "satisfaction survey answer");
                return null;
            }
            // after the survey: a survey question is asked when the ticket is resolved, after any flow question
            if (leads.qualifier().takeAnswer(conn, in, item.dedupeKey(), now)) {
                // an email or phone given as an answer joins the person like any other message's
                String answerer = in.platform().id() + ":" + in.author().id();
                dev.socialbridge.people.People.Outcome person = people.message(conn, answerer, in.threadKey(), in.text(),
                        touch, null, now);
                if (person.contactChanged()) {
                    PersonUpdates.enqueue(conn, outbox, people, item.dedupeKey() + "#person", in.threadKey(), person,
                            contactOf(in), now);
                }
                inbox.finish(conn, item.id(), InboxStatus.DONE, "qualifier flow answer");
                return null;
            }
            ThreadState t = threads.thread(conn, in.threadKey());
            TouchAttribution attribution = TouchAttribution.of(t, touches.touches(conn, in.threadKey()), touch);
            String authorKey = in.platform().id() + ":" + in.author().id();
            AutomationStep.AuthorFacts facts = new AutomationStep.AuthorFacts(threads.optedOutAt(conn, authorKey),
                    threads.repliesSince(conn, authorKey, now.minus(Duration.ofHours(1))));
            Interaction decided = humanTakeover && t.humanSince() != null && in.automationAllowed()
                    ? in.withAutomationBlockedBy("a person is handling this conversation (since " + t.humanSince()
                            + ", until the ticket is resolved)") : in;
            // the rules see the campaign of this very message (a first message's referral included)
            AutomationOutcome decision = automation.decide(decided, c, t.withCampaignTag(attribution.campaign()), facts, now);
            LeadScores.Change score = leads.scores().update(conn, in.threadKey(), s -> leads.scores().scoring().onMessage(s,
                    new LeadScoring.Message(c.intent(), c.intentConfidence(), attribution.campaign(),
                            decision.leadScoreDelta(), in.author().followerCount(), t.messageCount() + 1)), now);
            AutomationOutcome o = score.hot() ? hotLead(t, decision, score) : decision;
            // the person carries the thread's accumulated lead score (the contact's latest score)
            dev.socialbridge.people.People.Outcome person = people.message(conn, authorKey, in.threadKey(), in.text(),
                    touch, score.score().parts().isEmpty() ? null : score.score().total(), now);
            apply(conn, item, decided, c, t, o, authorKey, attribution, score, person.person(), now);
            if ((o.ticket() || t.ticketId() != null) && person.contactChanged()) {
                PersonUpdates.enqueue(conn, outbox, people, item.dedupeKey() + "#person", in.threadKey(), person,
                        contactOf(in), now);
            }
            touches.save(conn, in.threadKey(), attribution, now);
            if (humanTakeover && HUMAN_STATUSES.contains(o.automationStatus())) {
                threads.markHuman(conn, in.threadKey(), now);
            }
            inbox.finish(conn, item.id(), InboxStatus.DONE, null);
            return null;
        });
    }

    /**
     * A referral without a message (an ad click, an m.me / ig.me link on an existing conversation): it opens the
     * messaging window like a message does, and is the thread's newest touch. A thread with a ticket gets the touch's
     * last touch and campaign fields and a note; a thread without one keeps it for its ticket (a referral before the
     * thread's first message names that message's campaign).
     */
    private void referral(InboxItem item, Interaction r) {
        CampaignSignal touch = signals.of(r, links == null ? null : links.referralLink(r));
        Instant now = Instant.now();
        inbox.database().inTransaction(conn -> {
            threads.touch(conn, r.threadKey(), r.occurredAt());
            ThreadState t = threads.thread(conn, r.threadKey());
            TouchAttribution attribution = TouchAttribution.of(t, touches.touches(conn, r.threadKey()), touch);
            touches.save(conn, r.threadKey(), attribution, now);
            dev.socialbridge.people.People.Outcome person = people.referral(conn, r.platform().id() + ":"
                    + r.author().id(), r.threadKey(), touch, now);
            if (t.ticketId() != null && person.contactChanged()) {
                PersonUpdates.enqueue(conn, outbox, people, item.dedupeKey() + "#person", r.threadKey(), person,
                        contactOf(r), now);
            }
            if (!attribution.isNewestSignal()) {
                inbox.finish(conn, item.id(), InboxStatus.IGNORED, touch.isSignal()
                        ? "referral older than the thread's last touch" : "referral without ref, ad or post");
                return null;
            }
            if (t.isNew()) {
                inbox.finish(conn, item.id(), InboxStatus.DONE, "referral: kept as the touch of the thread's first message");
                return null;
            }
            threads.recordCampaign(conn, r.threadKey(), touch.campaign());
            if (t.ticketId() == null && t.queueKey() == null) {
                inbox.finish(conn, item.id(), InboxStatus.DONE, "referral: the thread's last touch (no ticket yet)");
                return null;
            }
            outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#referral", r.threadKey() + "|host",
                    OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(r.threadKey(),
                    TicketUpdate.fields(attribution.touchFields()), "Referral: " + touch.describe())), now);
            inbox.finish(conn, item.id(), InboxStatus.DONE, "referral: the ticket's last touch");
            return null;
        });
    }

    /**
     * A follower rule needs the author's follower count, the webhook did not carry it and it is not cached: the
     * platform outbox looks it up (Instagram Business Discovery) and queues the interaction again, under its
     * dedupe key + {@value #AUDIENCE_SUFFIX}: such an item is never held a second time (a mention read back from
     * the platform can still be).
     */
    private boolean needsFollowerCount(InboxItem item, Interaction i, Optional<Connector> connector) {
        return automation.needsFollowerCounts() && i.author().followerCount() == null
                && !item.dedupeKey().endsWith(AUDIENCE_SUFFIX)
                && connector.flatMap(Connector::audienceLookup).filter(l -> l.canLookUp(i)).isPresent();
    }

    /**
     * The webhook named the author only by id and the platform can name them: the name comes from the cache, else the
     * platform outbox looks it up and queues the interaction again under its dedupe key + {@value #PROFILE_SUFFIX}
     * (never held a second time). A failed lookup lets the interaction go on with the id.
     */
    private boolean needsProfile(InboxItem item, Interaction i, Optional<Connector> connector) {
        return profiles != null && !item.dedupeKey().contains(PROFILE_SUFFIX)
                && !CustomerName.isNamed(i.author())
                && connector.flatMap(Connector::profileLookup).filter(l -> l.canLookUpProfile(i)).isPresent();
    }

    private void queueAuthorLookup(InboxItem item, Interaction i) {
        String key = item.dedupeKey() + AUDIENCE_SUFFIX;
        queuePlatformLookup(item, i, key, LookUpAuthorCommand.TYPE, new LookUpAuthorCommand(key, i),
                "follower count looked up on the platform first");
    }

    /**
     * The webhook named only ids (an Instagram @mention): the platform outbox reads the text and author back and
     * queues the completed interaction as a new inbox item, which is then processed like any other.
     */
    private void queueFetch(InboxItem item, Interaction i) {
        queuePlatformLookup(item, i, item.dedupeKey() + "#fetch", FetchInteractionCommand.TYPE,
                new FetchInteractionCommand(item.dedupeKey() + "#fetched", i), "text and author looked up on the platform");
    }

    /** In one transaction: the lookup goes to the platform outbox and this inbox item is done. */
    private void queuePlatformLookup(InboxItem item, Interaction i, String outboxKey, String type, Object command,
                                     String reason) {
        Instant now = Instant.now();
        inbox.database().inTransaction(conn -> {
            outbox.enqueue(conn, new OutboxCommand(outboxKey, i.threadKey() + "|platform", OutboxCommand.PLATFORM, type,
                    command), now);
            inbox.finish(conn, item.id(), InboxStatus.DONE, reason);
            return null;
        });
    }

    /**
     * The thread's lead score crossed the hot threshold with this message: it goes to Social Hot Leads (unless that
     * is a looser SLA than where it is or goes), with a note, and is ticketed.
     */
    private AutomationOutcome hotLead(ThreadState t, AutomationOutcome o, LeadScores.Change score) {
        String note = score.hotNote(leads.routing().threshold());
        String queue = routedQueue(t, o);
        return leads.routing().mayMoveToHot(queue) ? o.routedTo(LeadRouting.HOT_QUEUE, note + " Routed to "
                + LeadRouting.HOT_QUEUE + ".") : o.routedTo(o.queueKey(), note);
    }

    private void apply(Connection conn, InboxItem item, Interaction i, Classification c, ThreadState t,
                       AutomationOutcome o, String authorKey, TouchAttribution attribution, LeadScores.Change score,
                       dev.socialbridge.people.Person person, Instant now) throws SQLException {
        String queue = routedQueue(t, o);
        QueueDef q = descriptor.queue(queue).orElseGet(() -> descriptor.queue(defaultQueue).orElseThrow());
        String campaign = attribution.campaign();
        // the clocks start at the customer's first message (platform time), in the queue's SLA class and calendar
        String crisis = sla.crisis(i.accountId(), "negative".equals(c.sentiment()), o.tags(), now);
        Instant due = t.slaDueAt() != null ? t.slaDueAt() : sla.firstDue(crisis != null ? sla.crisisClass() : q.sla(),
                t.isNew() ? i.occurredAt() : t.firstMessageAt());
        boolean rerouted = !t.isNew() && t.queueKey() != null && !q.key().equals(t.queueKey());
        String hostLane = i.threadKey() + "|host";
        String platformLane = i.threadKey() + "|platform";
        int n = 0;
        Optional<OutboundAction> ack = connectors.forPlatform(i.platform()).flatMap(connector -> connector.acknowledgement(i));
        if (ack.isPresent()) {
            enqueue(conn, item, n++, platformLane, ack.get(), now);
        }
        if (o.hideReason() != null) {
            enqueue(conn, item, n++, platformLane, new OutboundAction.SetHidden(i.platform(), i.accountId(), i.itemId(), true), now);
            moderation.recordHidden(conn, i, o.hideReason(), now);
        }
        int replies = 0;
        for (AutomationOutcome.Reply r : o.replies()) {
            OutboundAction.Reply reply = OutboundAction.Reply.to(i, r.channel(), r.message());
            if (r.delay().isZero()) {
                enqueue(conn, item, n++, platformLane, reply, now);
            } else {
                // its own lane, so that it holds back nothing sent meanwhile; cancelled if an agent answers first
                outbox.enqueue(conn, PlatformCommandHandler.command(item.dedupeKey() + "#p" + n++,
                        i.threadKey() + PlatformCommandHandler.DELAYED_LANE, reply), now, now.plus(r.delay()));
            }
            threads.recordAutomatedReply(conn, authorKey, i.threadKey(), now);
            if (links != null) {
                links.mintIn(conn, r.message().text(), i, campaign, now);
            }
            replies++;
        }
        if (o.ticket()) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(AttributionFields.of(i, c, o, attribution.touches(),
                    campaign));
            fields.putAll(dev.socialbridge.people.ContactFields.ticket(person));
            if (!score.score().parts().isEmpty()) {
                fields.putAll(score.fields());
            }
            if (o.qualify() != null) {
                fields.put(LeadFields.QUALIFIER_STATUS, "in_progress");
            }
            boolean existing = t.queueKey() != null || t.ticketId() != null;
            String note = o.notes().isEmpty() ? null : String.join("\n", o.notes());
            HostMessageCommand msg = new HostMessageCommand(i.threadKey(), q.key(),
                    o.priority() != null ? o.priority() : q.defaultPriority(), due, TicketSubject.of(i),
                    contactOf(i).withDetails(person.email(), person.phone()),
                    i.itemId(), body(i, o), fields, note, i.platform(), i.accountId(), i.attachments(),
                    attribution.touchFields());
            outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#host", hostLane, OutboxCommand.HOST,
                    HostMessageCommand.TYPE, msg), now);
            if (existing && (score.changed() || o.qualify() != null)) {
                Map<String, String> leadFields = new java.util.LinkedHashMap<>(score.fields());
                if (o.qualify() != null) {
                    leadFields.put(LeadFields.QUALIFIER_STATUS, "in_progress");
                }
                outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#lead", hostLane, OutboxCommand.HOST,
                        HostUpdateCommand.TYPE, new HostUpdateCommand(i.threadKey(), TicketUpdate.fields(leadFields),
                        null)), now);
            }
        }
        if (o.qualify() != null) {
            leads.qualifier().start(conn, i, o.qualify(), now);
        }
        if (o.optOut()) {
            threads.recordOptOut(conn, authorKey, now, i.text());
        }
        threads.recordMessage(conn, i, t, o.ticket() ? q.key() : null, replies, campaign, o.ticket() ? due : null,
                o.automationStatus());
        if (o.ticket()) {
            threads.recordIntent(conn, i.threadKey(), c.intent());
            boolean alreadyInCrisis = sla.inCrisis(conn, i.threadKey());
            Optional<Instant> newDue = sla.customerMessage(conn, i.threadKey(), q, rerouted, crisis, i.occurredAt());
            if (crisis != null && !alreadyInCrisis) {
                Integer top = sla.crisisClass().escalationSteps().priority();
                outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#crisis", hostLane, OutboxCommand.HOST,
                        HostUpdateCommand.TYPE, new HostUpdateCommand(i.threadKey(), new TicketUpdate(null, top, null, null,
                        Map.of()), "Crisis: " + crisis + ". The SLA clocks count in the crisis class (first response "
                        + sla.crisisClass().firstResponseMinutes() + " min).")), now);
            }
            // a ticket created by this message already has its due date; an existing one is updated
            Instant update = t.queueKey() != null ? newDue.orElse(null) : null;
            if (rerouted) {
                TicketUpdate up = new TicketUpdate(q.key(), o.priority() != null ? o.priority() : q.defaultPriority(),
                        update, null, Map.of("automation_status", "escalated"));
                outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#escalate", hostLane, OutboxCommand.HOST,
                        HostUpdateCommand.TYPE, new HostUpdateCommand(i.threadKey(), up,
                        "Escalated from " + t.queueKey() + " to " + q.key() + " by automation."
                                + (update != null ? " SLA due date now " + update + "." : ""))), now);
            } else if (update != null) {
                outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#due", hostLane, OutboxCommand.HOST,
                        HostUpdateCommand.TYPE, new HostUpdateCommand(i.threadKey(),
                        new TicketUpdate(null, null, update, null, Map.of()), null)), now);
            }
        }
        String scores = Json.write(c);
        for (AutomationOutcome.Audit a : o.audit()) {
            audit.insert(conn, new AuditStore.AuditRow(0, i.threadKey(), item.id(), a.ruleId(), a.templateId(), a.variant(),
                    a.action(), a.outcome(), scores, a.detail(), now));
        }
        if (classified != null) {
            classified.record(conn, i.threadKey(), i.itemId(), i.text(), c, modelVersion.get(), now);
        }
    }

    /**
     * The thread's queue after this message: the rules' choice, except that automation never moves a thread to a
     * queue with a looser first-response target (a hot lead's next "merci" does not send it back to General); a
     * person can.
     */
    private String routedQueue(ThreadState t, AutomationOutcome o) {
        if (o.queueKey() == null) {
            return t.queueKey() != null ? t.queueKey() : defaultQueue;
        }
        if (t.isNew() || t.queueKey() == null || o.queueKey().equals(t.queueKey())) {
            return o.queueKey();
        }
        Optional<QueueDef> current = descriptor.queue(t.queueKey());
        Optional<QueueDef> proposed = descriptor.queue(o.queueKey());
        if (current.isPresent() && proposed.isPresent()
                && proposed.get().sla().firstResponseMinutes() >= current.get().sla().firstResponseMinutes()) {
            return t.queueKey();
        }
        return o.queueKey();
    }

    private static ContactUpsert contactOf(Interaction i) {
        return new ContactUpsert(i.platform().id(), i.author().id(), i.author().handle(), i.author().displayName());
    }

    private void enqueue(Connection conn, InboxItem item, int n, String lane, OutboundAction action, Instant now) throws SQLException {
        outbox.enqueue(conn, PlatformCommandHandler.command(item.dedupeKey() + "#p" + n, lane, action), now);
    }

    private static String body(Interaction i, AutomationOutcome o) {
        StringBuilder b = new StringBuilder(i.text());
        i.attachments().forEach(a -> b.append("\n[").append(a.type()).append("] ")
                .append(a.url() != null ? a.url() : a.fileName() != null ? a.fileName() : ""));
        if (i.permalink() != null) {
            b.append("\n\n").append(i.permalink());
        }
        if (o.hideReason() != null) {
            b.append("\n\n[hidden on ").append(i.platform().id()).append(": ").append(o.hideReason()).append("]");
        }
        return b.toString();
    }

    /**
     * What became of a message we sent: recorded with it; a failure is written on the thread's ticket with the
     * platform's reason.
     */
    private void applyStatus(InboxItem item, DeliveryStatus status) {
        inbox.database().inTransaction(conn -> {
            Optional<String> thread = sent.applyStatus(conn, status);
            if (thread.isPresent() && status.state() == DeliveryStatus.State.FAILED) {
                String note = "Our " + status.platform().id() + " message was not delivered"
                        + (status.errorCode() != null ? " (error " + status.errorCode() + ")" : "")
                        + (status.errorDetail() != null ? ": " + status.errorDetail() : ".");
                outbox.enqueue(conn, new OutboxCommand(item.dedupeKey() + "#host", thread.get() + "|host",
                        OutboxCommand.HOST, HostUpdateCommand.TYPE, new HostUpdateCommand(thread.get(),
                        TicketUpdate.fields(Map.of()), note)), Instant.now());
            }
            inbox.finish(conn, item.id(), InboxStatus.DONE, thread.isPresent() ? null
                    : "status of a message this plugin did not send, or no news");
            return null;
        });
    }

    private void finish(InboxItem item, InboxStatus status, String reason) {
        inbox.database().inTransaction(c -> {
            inbox.finish(c, item.id(), status, reason);
            return null;
        });
    }
}
