package dev.socialbridge.resources;

import dev.socialbridge.errors.ApiException;
import dev.socialbridge.inbox.InboxStatus;
import dev.socialbridge.inbox.InboxStore;
import dev.socialbridge.outbox.OutboxStatus;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.pipeline.AccountStatusStore;
import dev.socialbridge.pipeline.AuditStore;
import dev.socialbridge.pipeline.ThreadStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operational visibility for admins: inbox, outbox and dead letters, threads, audit, accounts. Bearer-token protected. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {
    private final InboxStore inbox;
    private final OutboxStore outbox;
    private final ThreadStore threads;
    private final AuditStore audit;
    private final AccountStatusStore accounts;

    public AdminResource(InboxStore inbox, OutboxStore outbox, ThreadStore threads, AuditStore audit, AccountStatusStore accounts) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.threads = threads;
        this.audit = audit;
        this.accounts = accounts;
    }

    @GET
    @Path("stats")
    public Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inbox", inbox.counts());
        out.put("outbox", outbox.counts());
        out.put("invalidAccounts", accounts.invalidAccounts());
        return out;
    }

    @GET
    @Path("inbox")
    public List<dev.socialbridge.inbox.InboxItem> inbox(@QueryParam("status") @DefaultValue("QUARANTINED")
                         @Pattern(regexp = "PENDING|DONE|IGNORED|QUARANTINED|DEAD", message = "must be one of PENDING, DONE, IGNORED, QUARANTINED, DEAD") String status,
                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return inbox.byStatus(InboxStatus.valueOf(status), limit);
    }

    @POST
    @Path("inbox/{id}/retry")
    public Map<String, Object> retryInbox(@PathParam("id") @Min(1) long id) {
        if (!inbox.retry(id)) {
            throw new ApiException(409, "inbox item " + id + " is not dead");
        }
        return Map.of("id", id, "status", "PENDING");
    }

    @GET
    @Path("outbox")
    public List<dev.socialbridge.outbox.OutboxItem> outbox(@QueryParam("status") @DefaultValue("DEAD")
                          @Pattern(regexp = "PENDING|DONE|NOT_SENDABLE|CANCELLED|DEAD", message = "must be one of PENDING, DONE, NOT_SENDABLE, CANCELLED, DEAD") String status,
                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return outbox.byStatus(OutboxStatus.valueOf(status), limit);
    }

    @POST
    @Path("outbox/{id}/retry")
    public Map<String, Object> retryOutbox(@PathParam("id") @Min(1) long id) {
        if (!outbox.retry(id)) {
            throw new ApiException(409, "outbox item " + id + " is neither dead nor not-sendable");
        }
        return Map.of("id", id, "status", "PENDING");
    }

    @GET
    @Path("threads")
    public List<dev.socialbridge.pipeline.ThreadState> threads(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return threads.threads(limit);
    }

    @GET
    @Path("audit")
    public List<AuditStore.AuditRow> audit(@QueryParam("thread") @NotBlank(message = "is required") String thread,
                         @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return audit.byThread(thread, limit);
    }

    @GET
    @Path("accounts")
    public Map<String, String> invalidAccounts() {
        return accounts.invalidAccounts();
    }
}
