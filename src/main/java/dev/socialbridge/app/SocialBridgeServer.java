package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.errors.ApiExceptionMapper;
import dev.socialbridge.errors.CatchAllExceptionMapper;
import dev.socialbridge.errors.JsonParseExceptionMapper;
import dev.socialbridge.errors.ValidationExceptionMapper;
import dev.socialbridge.errors.WebApplicationExceptionMapper;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAdapterFactory;
import dev.socialbridge.host.spi.HostHealth;
import dev.socialbridge.inbox.InboxDrainer;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.inbox.WebhookJournal;
import dev.socialbridge.outbox.OutboxCommand;
import dev.socialbridge.outbox.OutboxDispatcher;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.outbox.RetryPolicy;
import dev.socialbridge.pipeline.AccountStatusStore;
import dev.socialbridge.pipeline.AgentReplyWatcher;
import dev.socialbridge.pipeline.HumanReplyStore;
import dev.socialbridge.pipeline.SlaClocks;
import dev.socialbridge.pipeline.SlaWatcher;
import dev.socialbridge.pipeline.AuditStore;
import dev.socialbridge.pipeline.AuthorAudienceStore;
import dev.socialbridge.pipeline.HostCommandHandler;
import dev.socialbridge.pipeline.InteractionProcessor;
import dev.socialbridge.pipeline.ModerationStore;
import dev.socialbridge.pipeline.SatisfactionSurvey;
import dev.socialbridge.pipeline.SurveyFlow;
import dev.socialbridge.pipeline.PlatformCommandHandler;
import dev.socialbridge.pipeline.SentMessageStore;
import dev.socialbridge.pipeline.ThreadStore;
import dev.socialbridge.resources.AdminAuthFilter;
import dev.socialbridge.resources.AdminResource;
import dev.socialbridge.resources.HealthResource;
import dev.socialbridge.resources.MediaResource;
import dev.socialbridge.media.MediaLinks;
import dev.socialbridge.resources.ReadinessCheck;
import dev.socialbridge.resources.WebhookHandler;
import dev.socialbridge.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running plugin: store, journal, drainer, pipeline, outbox dispatchers and the HTTP server,
 * wired from the configuration. Data flow: webhook → journal (durable ack) → inbox items →
 * pipeline (classify, automation) → outbox → host / platform.
 */
public final class SocialBridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocialBridgeServer.class);

    private final SocialBridgeConfig config;
    private final Database db;
    private final WebhookJournal journal;
    private final HostAdapter host;
    private final Connectors connectors;
    private final InboxDrainer drainer;
    private final InteractionProcessor processor;
    private final OutboxDispatcher hostDispatcher;
    private final OutboxDispatcher platformDispatcher;
    private final AgentReplyWatcher agentReplies;
    private final SlaWatcher slaWatcher;
    private final dev.socialbridge.pipeline.QualifierTimeouts qualifierTimeouts;
    private final dev.socialbridge.store.Retention retention;
    private final dev.socialbridge.learning.ModelFollower modelFollower;
    private final java.util.Optional<dev.socialbridge.learning.ScheduledLearning> scheduledLearning;
    private final dev.socialbridge.cluster.Cluster cluster;
    private final java.util.Optional<MediaLinks> mediaLinks;
    private final HttpServer http;
    private final URI baseUri;

    private SocialBridgeServer(LoadedConfig loaded, Descriptor descriptor, HostAdapter host, Connectors connectors,
                               Database db, Automation automation, dev.socialbridge.sla.SlaPolicy slaPolicy,
                               dev.socialbridge.attribution.CampaignSignals signals,
                               dev.socialbridge.people.PhoneNumbers phones) {
        this.config = loaded.typed();
        this.host = host;
        this.connectors = connectors;
        long t0 = System.nanoTime();
        this.db = db;
        this.journal = WebhookJournal.open(Path.of(config.inbox().journalDir()), config.inbox().fsync(), config.inbox().maxBatch());
        InboxStore inbox = new InboxStore(db, config.instance().id());
        OutboxStore outbox = new OutboxStore(db);
        ThreadStore threads = new ThreadStore(db);
        dev.socialbridge.learning.ActiveClassifier classifier = automation.classifier();
        LearningSetup learning = LearningSetup.of(config.learning(), db, classifier);
        classifier.follow(learning.models());
        this.modelFollower = learning.follower(config.learning());
        this.scheduledLearning = learning.schedule(config.learning());
        AuditStore audit = new AuditStore(db, classifier::version);
        AccountStatusStore accountStatus = new AccountStatusStore(db);
        dev.socialbridge.telemetry.Telemetry telemetry = new dev.socialbridge.telemetry.Telemetry();
        this.cluster = new dev.socialbridge.cluster.Cluster(db, config.instance().id(), config.instance().lease(),
                java.time.Clock.systemUTC());
        telemetry.watchInstance(cluster.view());
        RetryPolicy retry = new RetryPolicy(config.outbox().maxAttempts(), config.outbox().initialBackoff(), config.outbox().maxBackoff());
        SentMessageStore sent = new SentMessageStore(db);
        dev.socialbridge.people.People people = new dev.socialbridge.people.People(phones);
        this.hostDispatcher = new OutboxDispatcher(outbox, OutboxCommand.HOST,
                new HostCommandHandler(host, threads, connectors, config.media().maxBytes(),
                        (person, contact) -> db.inTransaction(c -> {
                            people.contact(c, person, contact, java.time.Instant.now());
                            return null;
                        }),
                        person -> db.inTransaction(c -> people.byId(c, person).map(p -> {
                            try {
                                return dev.socialbridge.people.ContactFields.contact(p,
                                        people.touch(c, p.firstTouchId()).orElse(null),
                                        people.touch(c, p.lastTouchId()).orElse(null));
                            } catch (java.sql.SQLException e) {
                                throw new dev.socialbridge.store.StoreException(e);
                            }
                        }))).withOwners(new dev.socialbridge.owners.TicketOwners(descriptor, host,
                                new dev.socialbridge.owners.OwnerRotationStore(db, java.time.Clock.systemUTC()))), retry,
                config.outbox().pollInterval(), journal.meter(), telemetry);
        dev.socialbridge.sla.SlaStore slaStore = new dev.socialbridge.sla.SlaStore(db);
        SlaClocks slaClocks = new SlaClocks(slaStore, slaPolicy, descriptor, new dev.socialbridge.sla.SpikeDetector(
                config.sla().crisisNegativeMessages(), config.sla().crisisMessages(), config.sla().crisisWindow()));
        this.platformDispatcher = new OutboxDispatcher(outbox, OutboxCommand.PLATFORM,
                new PlatformCommandHandler(connectors, accountStatus, threads, sent, outbox, inbox, new AuthorAudienceStore(db),
                        slaClocks).withProfiles(new dev.socialbridge.pipeline.AuthorProfileStore(db)),
                retry, config.outbox().pollInterval(), journal.meter(), telemetry);
        ModerationStore moderation = new ModerationStore(db);
        HumanReplyStore humanReplies = new HumanReplyStore(db);
        SurveyFlow surveys = new SurveyFlow(new SatisfactionSurvey(
                java.util.Set.copyOf(config.automation().surveyQueues().orElse(List.of())), config.automation().surveyNps(),
                config.automation().disclosure()), humanReplies, threads, outbox, audit);
        this.mediaLinks = config.media().publicUrl().flatMap(url -> config.admin().token().map(token ->
                new MediaLinks(java.net.URI.create(url), token.reveal(), config.media().linkTtl(), java.time.Clock.systemUTC())));
        this.slaWatcher = new SlaWatcher(slaStore, outbox, threads, descriptor, slaPolicy, config.sla().zone(),
                config.sla().checkInterval(), java.time.Clock.systemUTC());
        this.agentReplies = new AgentReplyWatcher(host, humanReplies, threads, outbox, moderation, audit, surveys,
                slaClocks, connectors.actionPolicy(), mediaLinks, config.pipeline().agentReplyPollInterval(),
                platformDispatcher::wake).withCorrections(learning.recorder());
        dev.socialbridge.pipeline.LeadPipeline leads = LeadSetup.pipeline(config, automation.step().qualifierFlows(),
                descriptor, threads, outbox, audit, slaClocks, connectors.actionPolicy(), phones);
        this.qualifierTimeouts = new dev.socialbridge.pipeline.QualifierTimeouts(db, leads.qualifier(),
                java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC(), () -> hostDispatcher.wake());
        this.processor = new InteractionProcessor(inbox, outbox, threads, audit, moderation, new AuthorAudienceStore(db),
                sent, connectors, classifier::classify, automation.step(),
                descriptor, config.pipeline().defaultQueue(), config.automation().humanTakeover(), surveys, slaClocks,
                signals, people, leads, journal.meter(), () -> {
                    hostDispatcher.wake();
                    platformDispatcher.wake();
                });
        java.time.Clock clock = java.time.Clock.systemUTC();
        dev.socialbridge.links.LinkStore linkStore = new dev.socialbridge.links.LinkStore(db);
        processor.withClassifiedMessages(learning.classified(), classifier::version);
        processor.withProfiles(new dev.socialbridge.pipeline.AuthorProfileStore(db));
        processor.withLinks(new dev.socialbridge.pipeline.LinkEvents(linkStore,
                LinksSetup.threadLinks(config).orElse(null), threads, outbox, inbox, config.leads().queue(), people));
        this.retention = new dev.socialbridge.store.Retention(db, config.store().retention(), java.time.Duration.ofHours(1),
                java.time.Clock.systemUTC());
        this.drainer = new InboxDrainer(journal, inbox, connectors.parsers(), processor::wake);
        this.baseUri = URI.create("http://" + config.http().host() + ":" + config.http().port() + "/");
        dev.socialbridge.learning.ClassifierQuality quality = learning.quality(moderation);
        List<Object> resources = new java.util.ArrayList<>(List.of(
                new HealthResource(readiness(accountStatus)),
                new AdminResource(inbox, outbox, threads, audit, accountStatus),
                new dev.socialbridge.resources.KpiResource(new dev.socialbridge.kpi.KpiStore(db)),
                new dev.socialbridge.resources.MetricsResource(new dev.socialbridge.kpi.MetricsStore(db),
                        new dev.socialbridge.telemetry.StoreGauges(inbox, outbox, journal, drainer::position), telemetry)
                        .with(new dev.socialbridge.telemetry.ClassifierGauges(quality))));
        resources.add(new dev.socialbridge.resources.RedirectResource(linkStore, clock));
        resources.add(new dev.socialbridge.resources.LinkAdminResource(new dev.socialbridge.links.Links(linkStore,
                LinksSetup.domains(config), clock), config.links().baseUrl().orElse(null)));
        resources.add(new dev.socialbridge.resources.LeadResource(new dev.socialbridge.links.LeadStore(db,
                config.leads().duplicateWindow()), new dev.socialbridge.links.RateLimiter(config.leads().rateLimit(), clock),
                db, clock));
        resources.add(new dev.socialbridge.resources.PeopleResource(db, people));
        resources.add(new dev.socialbridge.resources.ClassifierResource(quality));
        resources.add(new dev.socialbridge.resources.AttributionReportResource(
                new dev.socialbridge.people.AttributionReportStore(db)));
        resources.add(new dev.socialbridge.resources.ConversionResource(new dev.socialbridge.people.Conversions(db,
                people, dev.socialbridge.pipeline.PersonUpdates.conversions(outbox)), phones,
                config.attribution().conversionsToken().orElse(null), config.admin().token().orElse(null)));
        String version = java.util.Objects.requireNonNullElse(SocialBridgeServer.class.getPackage().getImplementationVersion(), "dev");
        dev.socialbridge.report.ReportPage reportPage = new dev.socialbridge.report.ReportPage(version,
                dev.socialbridge.resources.AssetsResource.CHART_JS_PATH);
        dev.socialbridge.resources.ReportAccess reportAccess = new dev.socialbridge.resources.ReportAccess(
                config.admin().token().orElse(null), host.sessions().orElse(null), config.admin().reportGroups(), clock);
        resources.add(new dev.socialbridge.resources.ReportResource(new dev.socialbridge.report.ReportCharts(
                new dev.socialbridge.kpi.KpiStore(db), new dev.socialbridge.people.AttributionReportStore(db), moderation),
                reportPage, reportAccess, clock));
        resources.add(new dev.socialbridge.resources.AssetsResource());
        mediaLinks.ifPresent(links -> resources.add(new MediaResource(links, host)));
        resources.add(new dev.socialbridge.resources.OpenApiResource(dev.socialbridge.resources.OpenApiDocument.of(
                java.util.stream.Stream.concat(resources.stream().map(Object::getClass),
                        java.util.stream.Stream.of(dev.socialbridge.resources.OpenApiResource.class)).toList(),
                java.util.Objects.requireNonNullElse(SocialBridgeServer.class.getPackage().getImplementationVersion(), "dev"))));
        ResourceConfig rc = new ResourceConfig()
                .register(JacksonFeature.class)
                .register(new JacksonConfig())
                .register(ApiExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class)
                .register(ValidationExceptionMapper.class)
                .register(JsonParseExceptionMapper.class)
                .register(CatchAllExceptionMapper.class)
                .register(new AdminAuthFilter(config.admin().token().orElse(null), reportAccess, reportPage))
                .registerInstances(resources.toArray())
                .register(new dev.socialbridge.resources.LeadCorsFilter(config.leads().allowedOrigins().orElse(List.of())))
                .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        this.http = GrizzlyHttpServerFactory.createHttpServer(baseUri, rc, false);
        http.getServerConfiguration().addHttpHandler(new WebhookHandler(connectors.ingresses(),
                connectors.parsers().keySet(), journal, config.http().maxBodyBytes(), telemetry),
                org.glassfish.grizzly.http.server.HttpHandlerRegistration.fromString(WebhookHandler.PATH + "/*"));
        LOG.debug("startup: HTTP server built in {} ms", (System.nanoTime() - t0) / 1_000_000);
        for (NetworkListener l : http.getListeners()) {
            l.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setCorePoolSize(16).setMaxPoolSize(16).setPoolName("http-worker"));
        }
    }

    /** Validates everything serve needs; returns null (with {@code problems} filled) when anything is wrong. */
    static SocialBridgeServer build(LoadedConfig loaded, List<String> problems) {
        long t0 = System.nanoTime();
        SocialBridgeConfig.Store s = loaded.typed().store();
        // the slow, independent parts start in parallel: schema migration, classifier + rules, descriptor
        CompletableFuture<Database> db = CompletableFuture.supplyAsync(() -> CommonOptions.openStore(s, s.poolSize()));
        Connectors connectors = ServeRequirements.connectors(loaded, problems);
        List<String> automationProblems = Automation.fileProblems(loaded);
        CompletableFuture<Automation> automation = automationProblems.isEmpty() && connectors != null
                ? CompletableFuture.supplyAsync(() -> Automation.build(loaded, connectors)) : null;
        Descriptor descriptor = Components.descriptor(loaded.typed(), problems);
        HostAdapterFactory factory = Components.hostFactory(loaded, problems).orElse(null);
        problems.addAll(ServeRequirements.check(loaded));
        problems.addAll(automationProblems);
        dev.socialbridge.sla.SlaPolicy slaPolicy = Components.slaPolicy(loaded.typed(), problems);
        if (loaded.typed().store().retention().compareTo(java.time.Duration.ofDays(dev.socialbridge.store.Retention.MIN_DAYS)) < 0) {
            problems.add("socialbridge.store.retention: '" + loaded.typed().store().retention() + "' is shorter than "
                    + dev.socialbridge.store.Retention.MIN_DAYS + " days: redelivered webhooks would be processed again");
        }
        dev.socialbridge.attribution.CampaignSignals signals = AttributionSetup.signals(loaded.typed(), problems);
        LinksSetup.check(loaded.typed(), descriptor, problems);
        dev.socialbridge.people.PhoneNumbers phones = AttributionSetup.phones(loaded.typed(), problems);
        if (descriptor != null) {
            loaded.typed().automation().surveyQueues().orElse(List.of()).stream()
                    .filter(q -> descriptor.queue(q).isEmpty())
                    .forEach(q -> problems.add("socialbridge.automation.survey-queues: '" + q + "' is not a queue of the"
                            + " descriptor (" + String.join(", ", descriptor.queues().stream().map(d -> d.key()).toList()) + ")"));
        }
        Automation built = null;
        if (automation != null) {
            try {
                built = automation.join();
            } catch (java.util.concurrent.CompletionException e) {
                problems.addAll(Automation.problemsOf(e.getCause()));
            }
        }
        Database store;
        try {
            store = db.join();
        } catch (java.util.concurrent.CompletionException e) {
            problems.add("socialbridge.store.jdbc-url: store not usable: " + e.getCause().getMessage());
            return null;
        }
        LOG.debug("startup: store, classifier, rules and descriptor in {} ms", (System.nanoTime() - t0) / 1_000_000);
        if (!problems.isEmpty()) {
            store.close();
            if (connectors != null) {
                connectors.close();
            }
            return null;
        }
        HostAdapter host = Components.host(loaded, factory, descriptor);
        return new SocialBridgeServer(loaded, descriptor, host, connectors, store, built, slaPolicy, signals, phones);
    }

    private ReadinessCheck readiness(AccountStatusStore accounts) {
        return () -> {
            Map<String, String> checks = new LinkedHashMap<>();
            checks.put("store", db.ping() ? "UP" : "store not reachable");
            HostHealth h = host.health();
            checks.put("host", h.up() ? "UP" : h.detail());
            Map<String, String> invalid = accounts.invalidAccounts();
            checks.put("accounts", invalid.isEmpty() ? "UP" : "invalid token for " + String.join(", ", invalid.keySet()));
            return checks;
        };
    }

    /** Acknowledged webhook bytes not yet stored as inbox items. */
    long journalLag() {
        return journal.bytesBehind(drainer.position());
    }

    public void start() {
        cluster.start();
        drainer.start();
        processor.sharing(cluster).withWorkers(config.pipeline().workers()).start();
        hostDispatcher.sharing(cluster).start();
        platformDispatcher.sharing(cluster).start();
        // singleton jobs: on the instance that holds the leader lease
        agentReplies.onlyWhile(cluster::leader);
        slaWatcher.onlyWhile(cluster::leader);
        qualifierTimeouts.onlyWhile(cluster::leader);
        retention.onlyWhile(cluster::leader);
        scheduledLearning.ifPresent(s -> s.onlyWhile(cluster::leader).startWorker());
        modelFollower.start();
        agentReplies.start();
        slaWatcher.start();
        qualifierTimeouts.start();
        retention.start();
        try {
            http.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot listen on " + baseUri, e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Ids of the running connectors. */
    public java.util.Set<String> connectorIds() {
        return connectors.ids();
    }

    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(List.of(modelFollower, agentReplies, slaWatcher, qualifierTimeouts,
                retention, drainer,
                processor, hostDispatcher, platformDispatcher, cluster, journal, host, connectors, db));
        scheduledLearning.ifPresent(s -> parts.add(0, s));
        http.shutdownNow();
        for (AutoCloseable p : parts) {
            try {
                p.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", p.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
