package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code verify}'s check of the queues' owner policies: the fixed owner or round-robin logins exist in RT, enabled and
 * privileged; a round-robin group exists and has such members; and, on the RT host ({@value RtApplyHelper#OWNERS_SCRIPT},
 * since REST2 shows no user's rights), that each of them has OwnTicket in the queue. Each gap is a problem naming the
 * queue; the plugin still works with it (the tickets stay unowned).
 */
final class RtOwnerCheck {
    private final RtClient client;
    private final RtOwners owners;
    private final RtApplyHelper helper;

    RtOwnerCheck(RtClient client, RtOwners owners, RtApplyHelper helper) {
        this.client = client;
        this.owners = owners;
        this.helper = helper;
    }

    List<HostProblem> problems(Descriptor descriptor) {
        List<HostProblem> problems = new ArrayList<>();
        for (QueueDef queue : descriptor.queues()) {
            QueueDef.Owner owner = queue.owner();
            if (!owner.assigns()) {
                continue;
            }
            String subject = "queue '" + queue.label() + "' owner (" + owner.describe() + ")";
            int before = problems.size();
            List<String> args = new ArrayList<>(List.of(queue.label()));
            if (owner.group() != null) {
                checkGroup(owner.group(), subject, problems);
                args.addAll(List.of("--group", owner.group()));
            }
            List<String> logins = owner.user() != null ? List.of(owner.user()) : owner.users();
            for (String login : logins) {
                checkUser(login, subject, problems);
                args.addAll(List.of("--user", login));
            }
            if (problems.size() == before && client.find("/queue/" + RtClient.segment(queue.label())).isPresent()) {
                checkRights(args, subject, problems);
            }
        }
        return problems;
    }

    private void checkGroup(String group, String subject, List<HostProblem> problems) {
        if (owners.groupId(group).isEmpty()) {
            problems.add(new HostProblem(subject, "RT has no group '" + group + "': tickets stay unowned",
                    "create the group in RT (Admin > Groups) with the people who take these tickets, or change the"
                            + " queue's owner policy in the descriptor"));
        } else if (owners.members(group).isEmpty()) {
            // a fresh install's role groups start empty: the plugin works, the tickets wait for someone to take them
            problems.add(HostProblem.warning(subject, "group '" + group + "' has no enabled privileged member: tickets"
                    + " stay unowned", "add the people who take these tickets to group '" + group + "' in RT"));
        }
    }

    private void checkUser(String login, String subject, List<HostProblem> problems) {
        Optional<JsonNode> user = client.find("/user/" + RtClient.segment(login));
        if (user.isEmpty()) {
            problems.add(new HostProblem(subject, "RT has no user '" + login + "'",
                    "create the user in RT or correct the login in the descriptor's queue owner"));
        } else if (user.get().path("Disabled").asInt(0) != 0) {
            problems.add(new HostProblem(subject, "RT user '" + login + "' is disabled: tickets stay unowned",
                    "enable the user or change the queue's owner"));
        } else if (user.get().path("Privileged").asInt(0) != 1) {
            problems.add(new HostProblem(subject, "RT user '" + login + "' is not privileged and cannot own tickets",
                    "make the user privileged (Admin > Users) or change the queue's owner"));
        }
    }

    /** OwnTicket, checked on the RT host only; elsewhere the admin is told the command (not a problem). */
    private void checkRights(List<String> args, String subject, List<HostProblem> problems) {
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.OWNERS_SCRIPT, args);
        if (result.applied() || !helper.canRun()) {
            return;
        }
        for (String line : result.output().lines().filter(l -> l.startsWith("missing:") || l.startsWith("FAILED:")).toList()) {
            problems.add(new HostProblem(subject, line.substring(line.indexOf(':') + 1).strip(),
                    "grant OwnTicket on the queue to the owners (RT: Admin > Queues > the queue > Group Rights, e.g. to"
                            + " their group); check again with: " + helper.scriptCommand(RtApplyHelper.OWNERS_SCRIPT, args)));
        }
        if (result.output().lines().noneMatch(l -> l.startsWith("missing:") || l.startsWith("FAILED:"))) {
            problems.add(new HostProblem(subject, RtApplyHelper.OWNERS_SCRIPT + " failed: " + result.output(),
                    "run on the RT host: " + helper.scriptCommand(RtApplyHelper.OWNERS_SCRIPT, args)));
        }
    }
}
