package dev.socialbridge.host.rt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The role groups ({@link RtRoles}: sales, support, admins) with their rights, saved searches and dashboards, and the
 * rights of the plugin's own RT user, through {@code rt-roles.pl} (REST2 can neither read nor grant rights, nor share
 * searches with a group). The helper reads a spec built from the descriptor, so queue and field names are declared
 * once. Without the helper here, the admin gets the command to run on the RT host.
 */
final class RtRoleViews implements RtRemovable {
    static final String KIND = "role-views";
    private static final String KEY = "roles";

    private final RtApplyHelper helper;
    private final Optional<String> prefix;
    private final Optional<String> contactGroup;
    private final String apiUserRef;

    /**
     * @param prefix       prefix of the role groups; empty: no role views (the plugin user's rights are still checked)
     * @param contactGroup the contacts' group, on which the plugin user adds members
     * @param apiUserRef   the plugin's RT user (name, or id from its token)
     */
    RtRoleViews(RtApplyHelper helper, Optional<String> prefix, Optional<String> contactGroup, String apiUserRef) {
        this.helper = helper;
        this.prefix = prefix;
        this.contactGroup = contactGroup;
        this.apiUserRef = apiUserRef;
    }

    /** The helper's spec: {@code roles} (unless role views are off) and {@code plugin}. */
    ObjectNode spec(Descriptor descriptor) {
        ObjectNode spec = RtClient.JSON.createObjectNode();
        spec.set("roles", prefix.map(p -> RtRoles.spec(descriptor, p)).orElseGet(RtClient.JSON::createArrayNode));
        spec.set("plugin", RtPluginRights.spec(descriptor, contactGroup));
        return spec;
    }

    /** Install (or, in a dry run, check) the role groups and their views: one finding. */
    void provision(RtProvisioningContext ctx, Descriptor descriptor) {
        if (prefix.isEmpty()) {
            return;
        }
        String label = String.join(", ", RtRoles.groups(prefix.get()));
        String spec = specFile(descriptor);
        List<String> args = ctx.write ? List.of("--spec", spec) : List.of("--spec", spec, "--check");
        String command = helper.scriptCommand(RtApplyHelper.ROLES_SCRIPT, List.of("--spec", spec));
        if (!helper.canRun()) {
            ctx.add(ctx.write
                    ? RtFinding.conflict(KIND, KEY, label, command, "REST2 cannot create role groups, their rights and"
                            + " shared searches", "on the RT host run: " + command)
                    : RtFinding.present(KIND, KEY, label, "cannot be read over REST2; if the groups or their dashboards"
                            + " are missing in RT, on the RT host run: " + command));
            return;
        }
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.ROLES_SCRIPT, args);
        if (result.applied()) {
            ctx.add(result.output().contains("ok:")
                    ? RtFinding.created(KIND, KEY, label, changed(result.output()) + " change(s) with " + RtApplyHelper.ROLES_SCRIPT)
                    : RtFinding.present(KIND, KEY, label, "groups, rights, saved searches and dashboards in place"));
        } else if (!ctx.write && !result.output().contains("FAILED") && result.output().contains("missing:")) {
            ctx.add(RtFinding.toCreate(KIND, KEY, label, "would apply with " + RtApplyHelper.ROLES_SCRIPT,
                    lines(result.output(), "missing:") + " missing or changed: " + first(result.output(), "missing: ")));
        } else {
            ctx.add(RtFinding.conflict(KIND, KEY, label, command, RtApplyHelper.ROLES_SCRIPT + " failed: "
                    + result.output(), "on the RT host run: " + command));
        }
    }

    /**
     * Removes the role views: the groups' saved searches and dashboards, their rights, and disables the groups (RT
     * never deletes a group; tickets are untouched). {@link RtApplyHelper.Result#applied()}: all gone; otherwise the
     * output says what failed, or gives the command to run on the RT host.
     */
    /**
     * {@link #remove(Descriptor)} as a part of {@code uninstall}: one finding for the role views. A dry run runs nothing
     * (the helper has no dry run of its removal) and says what would go.
     */
    @Override
    public List<RtFinding> remove(Descriptor descriptor, boolean dryRun) {
        String kind = "role-views";
        String label = prefix.map(p -> p + " Sales, " + p + " Support, " + p + " Admins").orElse("role views");
        if (prefix.isEmpty()) {
            return List.of(RtFinding.absent(kind, kind, label, "role views are off (" + RtSettings.PREFIX
                    + RtSettings.ROLE_GROUPS + ")"));
        }
        if (dryRun) {
            return List.of(RtFinding.toRemove(kind, kind, label,
                    "would delete the groups' saved searches and dashboards, revoke their rights and disable the groups"));
        }
        RtApplyHelper.Result result = remove(descriptor);
        if (!result.applied()) {
            String command = helper.scriptCommand(RtApplyHelper.ROLES_SCRIPT,
                    List.of("--spec", specFile(descriptor), "--remove"));
            return List.of(RtFinding.conflict(kind, kind, label, command, RtApplyHelper.ROLES_SCRIPT + ": "
                    + result.output().strip(), "on the RT host run: " + command));
        }
        return List.of(result.output().contains("ok:")
                ? RtFinding.removed(kind, kind, label, "saved searches and dashboards deleted, rights revoked, groups disabled")
                : RtFinding.absent(kind, kind, label, "nothing left to remove"));
    }

    RtApplyHelper.Result remove(Descriptor descriptor) {
        if (prefix.isEmpty()) {
            return new RtApplyHelper.Result(true, "role views are off (" + RtSettings.PREFIX + RtSettings.ROLE_GROUPS + ")");
        }
        List<String> args = List.of("--spec", specFile(descriptor), "--remove");
        if (!helper.canRun()) {
            return new RtApplyHelper.Result(false, "on the RT host run: "
                    + helper.scriptCommand(RtApplyHelper.ROLES_SCRIPT, args));
        }
        return helper.runScript(RtApplyHelper.ROLES_SCRIPT, args);
    }

    /** What {@code verify} says of the plugin user's rights: missing ones are problems, excessive ones warnings. */
    List<HostProblem> pluginRights(Descriptor descriptor) {
        String subject = "rights of the API user '" + apiUserRef + "'";
        if ("Nobody".equals(apiUserRef)) {
            return List.of(HostProblem.warning(subject, "cannot tell the API user from its token",
                    "use a token of the form <id>-<user id>-<secret>"));
        }
        String spec = specFile(descriptor);
        String grant = helper.scriptCommand(RtApplyHelper.ROLES_SCRIPT, List.of("--spec", spec, "--grant-plugin", apiUserRef));
        String check = helper.scriptCommand(RtApplyHelper.ROLES_SCRIPT, List.of("--spec", spec, "--rights", apiUserRef));
        if (!helper.canRun()) {
            return List.of(HostProblem.warning(subject, "REST2 cannot read rights, and the perl helper cannot run here",
                    "on the RT host run: " + check + " (and to grant exactly the rights the plugin needs: " + grant + ")"));
        }
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.ROLES_SCRIPT, List.of("--spec", spec, "--rights", apiUserRef));
        if (result.output().contains("FAILED") || !(result.output().contains("has:") || result.output().contains("missing:"))) {
            return List.of(HostProblem.warning(subject, RtApplyHelper.ROLES_SCRIPT + " could not read them: " + result.output(),
                    "on the RT host run: " + check));
        }
        return RtPluginRights.problems(result.output(), apiUserRef, grant);
    }

    /**
     * The spec, written once per content to the temp directory (named by its hash, so concurrent runs with other
     * descriptors never share a file), and left there for the command shown to the admin.
     */
    String specFile(Descriptor descriptor) {
        try {
            byte[] json = RtClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec(descriptor));
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 12);
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "social-bridge-rt-roles-" + hash + ".json");
            if (!Files.isRegularFile(file)) {
                Path tmp = Files.createTempFile(file.getParent(), "social-bridge-rt-roles", ".tmp");
                Files.write(tmp, json);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return file.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the role spec", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the role spec to the temp directory", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long changed(String output) {
        return lines(output, "ok:");
    }

    private static long lines(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).count();
    }

    private static String first(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length())).orElse("");
    }
}
