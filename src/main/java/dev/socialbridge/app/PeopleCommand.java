package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.people.People;
import dev.socialbridge.people.PersonHistory;
import dev.socialbridge.people.PersonTouch;
import dev.socialbridge.people.PhoneNumbers;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code people touches <id|email|platform:id|phone> [--json]}: a person's identities and touch history. */
@Command(name = "people", mixinStandardHelpOptions = true, description = "People: customers across their social identities.",
        subcommands = {PeopleCommand.Touches.class})
final class PeopleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_CONFIG;
    }

    /** {@code people touches}: the person, its identities and every touch, oldest first. */
    @Command(name = "touches", mixinStandardHelpOptions = true,
            description = "A person's email, phone, identities, first and last touch, and every touch (oldest first).")
    static final class Touches implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Parameters(index = "0", paramLabel = "PERSON", description = "Person id, email address, platform:authorId or phone number.")
        String person;

        @Option(names = "--json", description = "Print JSON (as GET /admin/people/{id}/touches).")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LoadedConfig config = common.load();   // problems: exit 2, printed by Main
            SocialBridgeConfig.Store s = config.typed().store();
            PhoneNumbers phones;
            try {
                phones = new PhoneNumbers(config.typed().attribution().defaultCountry());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), AttributionSetup.DEFAULT_COUNTRY + ": " + e.getMessage());
            }
            Optional<PersonHistory> history;
            try (Database db = CommonOptions.openStore(s, 2)) {
                history = PersonHistory.find(db, new People(phones), person);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (history.isEmpty()) {
                spec.commandLine().getErr().println("social-bridge: no person " + person);
                return Main.FAILURE;
            }
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(history.get()));
            } else {
                print(out, history.get());
            }
            out.flush();
            return Main.OK;
        }

        private static void print(PrintWriter out, PersonHistory h) {
            out.printf("person %d  email=%s  phone=%s  contact=%s  lead score=%s%n", h.person().id(),
                    dash(h.person().email()), dash(h.person().phone()), dash(h.person().contactId()),
                    h.person().leadScore() == null ? "-" : h.person().leadScore());
            out.println("identities: " + String.join(", ", h.identities()));
            out.println("first touch: " + (h.firstTouch() == null ? "-" : line(h.firstTouch())));
            out.println("last touch:  " + (h.lastTouch() == null ? "-" : line(h.lastTouch())));
            out.println("touches:");
            h.touches().forEach(t -> out.println("  " + line(t)));
        }

        private static String line(PersonTouch t) {
            return "#" + t.id() + " " + t.touch().describe() + (t.threadKey() == null ? "" : " [" + t.threadKey() + "]");
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }
}
