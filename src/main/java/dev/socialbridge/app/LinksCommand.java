package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.errors.ApiException;
import dev.socialbridge.links.FieldErrors;
import dev.socialbridge.links.LinkStore;
import dev.socialbridge.links.Links;
import dev.socialbridge.links.NewLink;
import dev.socialbridge.links.TrackedLink;
import dev.socialbridge.resources.LinkAdminResource;
import dev.socialbridge.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code links create --target URL [--campaign C] [--utm-source S] ...} and {@code links list [--minted]}: campaign
 * links (e.g. the Instagram bio link) in the operational store, as {@code POST /admin/links} and
 * {@code GET /admin/links} do.
 */
@Command(name = "links", mixinStandardHelpOptions = true, description = "Tracked links (/r/<code>): create campaign links, list links with their clicks.",
        subcommands = {LinksCommand.Create.class, LinksCommand.ListLinks.class})
final class LinksCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_CONFIG;
    }

    /** {@code links create}: a campaign link on an allowed domain; prints its code and public URL. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a campaign link to --target (on a domain of socialbridge.links.allowed-domains); prints its code and URL.")
    static final class Create implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();
        @Option(names = "--target", required = true, paramLabel = "URL", description = "Where the link leads, e.g. https://ig.me/m/brand.")
        String target;
        @Option(names = "--campaign", description = "Campaign it names (default: --utm-campaign).")
        String campaign;
        @Option(names = "--utm-source") String utmSource;
        @Option(names = "--utm-medium") String utmMedium;
        @Option(names = "--utm-campaign", description = "Default: --campaign.") String utmCampaign;
        @Option(names = "--utm-content") String utmContent;
        @Option(names = "--utm-term") String utmTerm;
        @Option(names = "--creator", description = "Creator or partner it is for.") String creator;
        @Option(names = "--channel", description = "Channel it is published on, e.g. instagram.") String channel;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LoadedConfig config = common.load();   // problems: exit 2, printed by Main
            NewLink request = new NewLink();
            request.target = target;
            request.campaign = campaign;
            request.utm_source = utmSource;
            request.utm_medium = utmMedium;
            request.utm_campaign = utmCampaign;
            request.utm_content = utmContent;
            request.utm_term = utmTerm;
            request.creator = creator;
            request.channel = channel;
            try (Database db = CommonOptions.openStore(config)) {
                Links links = new Links(new LinkStore(db), LinksSetup.domains(config.typed()), Clock.systemUTC());
                TrackedLink link;
                try {
                    link = links.create(request, "cli");
                } catch (ApiException e) {
                    PrintWriter err = spec.commandLine().getErr();
                    @SuppressWarnings("unchecked")
                    List<FieldErrors.FieldError> errors = (List<FieldErrors.FieldError>) e.details();
                    errors.forEach(f -> err.println("--" + f.field().replace('_', '-') + ": " + f.message()));
                    return Main.BAD_CONFIG;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(dev.socialbridge.support.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        LinkAdminResource.view(link, config.typed().links().baseUrl().orElse(null), 0, null)));
                out.flush();
                return Main.OK;
            }
        }
    }

    /** {@code links list}: links, newest first, with their clicks. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List links, newest first, with their clicks.")
    static final class ListLinks implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();
        @Option(names = "--minted", description = "Also the links {link} minted for threads.")
        boolean minted;
        @Option(names = "--limit", defaultValue = "200", description = "At most this many (default 200).")
        int limit;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig config = common.load();
            String base = config.typed().links().baseUrl().orElse("");
            try (Database db = CommonOptions.openStore(config)) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-10s %7s  %-24s %-20s %s%n", "CODE", "CLICKS", "CAMPAIGN", "CREATED", "URL -> TARGET");
                for (LinkStore.Summary s : new LinkStore(db).list(Math.max(1, limit), minted)) {
                    TrackedLink l = s.link();
                    out.printf("%-10s %7d  %-24s %-20s %s -> %s%n", l.code(), s.clicks(),
                            l.campaign() == null ? "-" : l.campaign(), l.createdAt().toString().substring(0, 19),
                            base.replaceAll("/+$", "") + "/r/" + l.code(), l.target());
                }
                out.flush();
                return Main.OK;
            }
        }
    }
}
