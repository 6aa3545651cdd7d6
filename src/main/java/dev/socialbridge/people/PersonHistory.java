package dev.socialbridge.people;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.socialbridge.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * A person with its identities, threads and touches (oldest first): {@code GET /admin/people/{id}/touches} and
 * {@code people touches}.
 *
 * @param person     the person
 * @param identities its social identities, {@code platform:authorId}
 * @param threads    its threads' keys
 * @param firstTouch its first touch, or null
 * @param lastTouch  its last touch, or null
 * @param touches    every touch, oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"person", "identities", "threads", "first_touch", "last_touch", "touches"})
public record PersonHistory(Person person, List<String> identities, List<String> threads,
                            @JsonProperty("first_touch") PersonTouch firstTouch,
                            @JsonProperty("last_touch") PersonTouch lastTouch, List<PersonTouch> touches) {

    /**
     * The history of the person {@code ref} names: a person id ({@code 42}), an email address, a social identity
     * ({@code instagram:1784...}) or a phone number.
     */
    public static Optional<PersonHistory> find(Database db, People people, String ref) {
        return db.inTransaction(c -> {
            String r = ref == null ? "" : ref.strip();
            Optional<Person> p = r.matches("\\d{1,18}") ? people.byId(c, Long.parseLong(r))
                    : r.contains("@") ? people.byEmail(c, r)
                    : r.contains(":") ? people.byIdentity(c, r)
                    : people.byPhone(c, r);
            if (p.isEmpty()) {
                return Optional.<PersonHistory>empty();
            }
            long id = p.get().id();
            return Optional.of(new PersonHistory(p.get(), people.identities(c, id), people.threads(c, id),
                    people.touch(c, p.get().firstTouchId()).orElse(null), people.touch(c, p.get().lastTouchId()).orElse(null),
                    people.touches(c, id)));
        });
    }
}
