package dev.socialbridge.host.rt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code rt-apply-cf.pl}, the perl helper that applies an existing custom field globally through
 * RT's own API (REST2 cannot). It runs only when allowed ({@code apply-helper=auto}), RT's perl library
 * is installed on this machine, {@code RT_SITE_CONFIG} is set and the RT base URL points at this machine,
 * i.e. the plugin runs on the RT host; otherwise callers show {@link #command} to the admin.
 */
final class RtApplyHelper {
    static final String SCRIPT = "rt-apply-cf.pl";
    /** Grants the contacts' group and the queues' Requestor/Cc roles their rights. */
    static final String GRANT_SCRIPT = "rt-grant-contacts.pl";
    /** Sets {@code LinkValueTo} of existing custom fields (REST2 can neither read nor change it). */
    static final String LINK_SCRIPT = "rt-link-cf.pl";
    /** Checks that the owners of a queue's tickets may own them (REST2 shows no user's rights). */
    static final String OWNERS_SCRIPT = "rt-owners.pl";
    /** Role groups, their rights, saved searches and dashboards; the plugin user's rights. */
    static final String ROLES_SCRIPT = "rt-roles.pl";
    /** Field groupings, priority names and collapsed boxes of the social queues (RT's database configuration). */
    static final String WORKPLACE_SCRIPT = "rt-workplace.pl";
    static final Path RT_LIB = Path.of("/usr/share/request-tracker5/lib");
    private static final Logger LOG = LoggerFactory.getLogger(RtApplyHelper.class);
    private static final long TIMEOUT_SECONDS = 120;

    /** Outcome of one run: whether the field is applied now, and what the helper printed. */
    record Result(boolean applied, String output) { }

    private final boolean allowed;
    private final String rtHost;
    private final Map<String, String> environment;
    private final Optional<Path> script;

    /**
     * @param allowed     setting {@code apply-helper} is {@code auto}
     * @param rtHost      host name of the RT base URL; the helper writes to the local RT only
     * @param environment environment of the helper process (RT_SITE_CONFIG, RT_SITE_CONFIG_DIR, RT_LIB)
     * @param script      the helper script, if found
     */
    RtApplyHelper(boolean allowed, String rtHost, Map<String, String> environment, Optional<Path> script) {
        this.allowed = allowed;
        this.rtHost = rtHost;
        this.environment = Map.copyOf(environment);
        this.script = script;
    }

    /** Helper for these settings, locating the script from {@code socialbridge.home} or {@code ./plugin/rt}. */
    static RtApplyHelper forSettings(RtSettings settings, Map<String, String> environment) {
        return new RtApplyHelper(settings.applyHelperAuto(), settings.baseUrl().getHost(), environment, locateScript());
    }

    /** {@code <socialbridge.home>/rt/rt-apply-cf.pl} in a bundle, {@code ./plugin/rt/rt-apply-cf.pl} in dev. */
    static Optional<Path> locateScript() {
        return locate(SCRIPT);
    }

    /** A helper script of the bundle ({@code <socialbridge.home>/rt/}) or of the source tree ({@code ./plugin/rt/}). */
    private static Optional<Path> locate(String name) {
        String home = System.getProperty("socialbridge.home");
        List<Path> candidates = home == null
                ? List.of(Path.of("plugin", "rt", name))
                : List.of(Path.of(home, "rt", name), Path.of("plugin", "rt", name));
        return candidates.stream().filter(Files::isRegularFile).map(Path::toAbsolutePath).findFirst();
    }

    /**
     * The arguments of {@value #GRANT_SCRIPT} for the contacts' group (the API user may add members), the social
     * queues and the plugin's fields.
     */
    static List<String> grantArguments(String group, String apiUser, List<String> queues, List<String> ticketFields,
                                       List<String> transactionFields) {
        List<String> args = new java.util.ArrayList<>(List.of(group));
        if (apiUser != null && !"Nobody".equals(apiUser)) {   // Nobody: the API user could not be told from its token
            args.addAll(List.of("--admin", apiUser));
        }
        queues.forEach(q -> args.addAll(List.of("--queue", q)));
        ticketFields.forEach(f -> args.addAll(List.of("--ticket-cf", f)));
        transactionFields.forEach(f -> args.addAll(List.of("--txn-cf", f)));
        return args;
    }

    /** The arguments of {@value #LINK_SCRIPT}: {@code <lookup type> "<field>=<template>"...}. */
    static List<String> linkArguments(String lookupType, Map<String, String> templates) {
        List<String> args = new java.util.ArrayList<>(List.of(lookupType));
        templates.forEach((field, template) -> args.add(field + "=" + template));
        return args;
    }

    /** The exact command an admin runs on the RT host: {@code perl <script> <arguments>}. */
    String scriptCommand(String name, List<String> arguments) {
        String path = script.map(p -> p.resolveSibling(name).toString()).orElse("<social-bridge bundle>/rt/" + name);
        StringBuilder b = new StringBuilder("perl ").append(shellQuote(path));
        arguments.forEach(a -> b.append(' ').append(shellQuote(a)));
        return b.toString();
    }

    /**
     * Runs helper {@code name} (beside {@value #SCRIPT}) with {@code arguments}; never throws. {@link Result#applied()}:
     * it exited 0.
     */
    Result runScript(String name, List<String> arguments) {
        if (!canRun()) {
            return new Result(false, "helper not available here");
        }
        Path path = script.orElseThrow().resolveSibling(name);
        if (!Files.isRegularFile(path)) {
            return new Result(false, name + " not found beside " + SCRIPT);
        }
        List<String> command = new java.util.ArrayList<>(List.of("perl", path.toString()));
        command.addAll(arguments);
        return run(name, command);
    }

    /** Whether {@link #apply} may run here. */
    boolean canRun() {
        String siteConfig = environment.get("RT_SITE_CONFIG");
        return allowed && script.isPresent() && Files.isDirectory(RT_LIB) && siteConfig != null && !siteConfig.isBlank()
                && isThisMachine(rtHost);
    }

    private static boolean isThisMachine(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The exact command an admin runs on the RT host to apply {@code fieldName} globally. */
    String command(String fieldName, String lookupType) {
        String path = script.map(Path::toString).orElse("<social-bridge bundle>/rt/" + SCRIPT);
        return "perl " + shellQuote(path) + " " + shellQuote(fieldName) + " " + lookupType + " global";
    }

    /** Applies the field globally; never throws. */
    Result apply(String fieldName, String lookupType) {
        if (!canRun()) {
            return new Result(false, "apply helper not available here");
        }
        return run(SCRIPT, List.of("perl", script.orElseThrow().toString(), fieldName, lookupType, "global"));
    }

    private Result run(String name, List<String> command) {
        Path log = null;
        try {
            log = Files.createTempFile("rt-helper", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(false, name + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).trim();
            LOG.info("{} '{}': exit {}: {}", name, command.get(2), process.exitValue(),
                    output.lines().filter(l -> !l.startsWith("already:")).limit(20).collect(java.util.stream.Collectors.joining("; ")));
            return new Result(process.exitValue() == 0, output);
        } catch (IOException e) {
            return new Result(false, "cannot run perl: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        } finally {
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", file, e);
            }
        }
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:@=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
