package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Checks, in order, connectivity, credentials, rights and every provisioned object, and returns all
 * problems found. When RT cannot be reached or refuses the credentials, later checks are skipped:
 * they would only repeat that problem.
 */
final class RtVerifier {
    private final RtClient client;
    private final RtSettings settings;
    private final RtProvisioner provisioner;

    RtVerifier(RtClient client, RtSettings settings, RtProvisioner provisioner) {
        this.client = client;
        this.settings = settings;
        this.provisioner = provisioner;
    }

    List<HostProblem> verify(Descriptor descriptor) {
        List<HostProblem> problems = new ArrayList<>();
        try {
            client.get("/rt");
            checkRights(descriptor, problems);
            provisioner.roleViews().ifPresent(views -> problems.addAll(views.pluginRights(descriptor)));
            provisioner.inspect(descriptor).stream().map(RtFinding::problem).filter(Objects::nonNull)
                    .forEach(problems::add);
        } catch (RtException e) {
            problems.add(problemFor(e));
        }
        return problems;
    }

    private HostProblem problemFor(RtException e) {
        if (e.unreachable()) {
            return new HostProblem(RtSettings.PREFIX + RtSettings.BASE_URL, e.getMessage(),
                    "start RT (rt-server / the web server running RT) or correct " + RtSettings.PREFIX
                            + RtSettings.BASE_URL);
        }
        if (e.credentialsRejected()) {
            return new HostProblem(settings.credentialKey(), "RT rejected the credentials (HTTP 401)",
                    settings.usesToken()
                            ? "create an auth token for the API user in RT (Logged in as > Settings > Auth Tokens) and set "
                                    + settings.credentialKey()
                            : "check " + RtSettings.PREFIX + RtSettings.USER + " and " + settings.credentialKey());
        }
        return new HostProblem("RT REST2 API", e.getMessage(), "check the RT logs and the API user's rights");
    }

    private void checkRights(Descriptor descriptor, List<HostProblem> problems) {
        try {
            client.get("/queues/all?per_page=1");
        } catch (RtException e) {
            if (e.unreachable() || e.credentialsRejected()) {
                throw e;
            }
            problems.add(new HostProblem("rights", "the API user cannot list queues (HTTP " + e.status() + ")",
                    "grant the API user SeeQueue (and the ticket rights) on the Social queues"));
        }
        for (QueueDef queue : descriptor.queues()) {
            Optional<JsonNode> json = client.find("/queue/" + RtClient.segment(queue.label()));
            if (json.isPresent() && !canCreateTickets(json.get())) {
                problems.add(new HostProblem("queue '" + queue.label() + "'",
                        "the API user may not create tickets in this queue",
                        "grant the API user CreateTicket, ShowTicket, ModifyTicket, ReplyToTicket and CommentOnTicket"
                                + " on queue '" + queue.label() + "'"));
            }
        }
    }

    /** REST2 adds a {@code create} link to a queue only when the current user has CreateTicket on it. */
    private static boolean canCreateTickets(JsonNode queue) {
        return StreamSupport.stream(queue.path("_hyperlinks").spliterator(), false)
                .anyMatch(link -> "create".equals(link.path("ref").asText()));
    }
}
