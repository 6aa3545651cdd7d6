package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dead-letters [--retry ID]}: lists dead outbox/inbox items and quarantined inbox items, or retries one. */
@Command(name = "dead-letters", description = "List dead-lettered outbox items, dead and quarantined inbox items; --retry ID puts an outbox item back in the queue.")
final class DeadLettersCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--retry", paramLabel = "ID", description = "Retry this dead (or not-sendable) outbox item.")
    Long retryOutbox;

    @Option(names = "--retry-inbox", paramLabel = "ID", description = "Retry this dead inbox item.")
    Long retryInbox;

    @Parameters(arity = "0", hidden = true)
    String unused;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig config = common.load();   // problems: exit 2, printed by Main
        try (Database db = CommonOptions.openStore(config)) {
            OutboxStore outbox = new OutboxStore(db);
            InboxStore inbox = new InboxStore(db);
            if (retryOutbox != null) {
                boolean ok = outbox.retry(retryOutbox);
                (ok ? out : err).println(ok ? "outbox item " + retryOutbox + " queued again" : "outbox item " + retryOutbox + " is not dead");
                return ok ? Main.OK : Main.FAILURE;
            }
            if (retryInbox != null) {
                boolean ok = inbox.retry(retryInbox);
                (ok ? out : err).println(ok ? "inbox item " + retryInbox + " queued again" : "inbox item " + retryInbox + " is not dead");
                return ok ? Main.OK : Main.FAILURE;
            }
            out.println("Dead outbox items:");
            outbox.byStatus(OutboxStatus.DEAD, 1000).forEach(i -> out.printf("  #%d %s lane=%s attempts=%d error=%s%n",
                    i.id(), i.type(), i.lane(), i.attempts(), i.lastError()));
            out.println("Not sendable outbox items:");
            outbox.byStatus(OutboxStatus.NOT_SENDABLE, 1000).forEach(i -> out.printf("  #%d %s lane=%s reason=%s%n",
                    i.id(), i.type(), i.lane(), i.lastError()));
            out.println("Dead inbox items:");
            inbox.byStatus(InboxStatus.DEAD, 1000).forEach(i -> out.printf("  #%d %s reason=%s%n", i.id(), i.dedupeKey(), i.reason()));
            out.println("Quarantined inbox items:");
            inbox.byStatus(InboxStatus.QUARANTINED, 1000).forEach(i -> out.printf("  #%d %s reason=%s%n", i.id(), i.dedupeKey(), i.reason()));
            return Main.OK;
        }
    }
}
