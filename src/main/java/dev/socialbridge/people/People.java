package dev.socialbridge.people;

import dev.socialbridge.attribution.CampaignSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * People and their touches: who a message, a referral, a lead form or a conversion is from, across social identities.
 *
 * <p>Identity: a social identity ({@code platform:authorId}) belongs to one person; an email address or phone number
 * belongs to one person too. When an identity gives an address another person already has, the two are one person
 * (merged: identities, threads, touches and conversions move to the person that had the address; the earlier first
 * touch and the newer last touch stay). A person keeps the first address and number it gave. Unique constraints make
 * duplicates impossible under concurrent events: an insert that loses a race reads the winner's row and goes on.
 *
 * <p>Touches: every campaign signal is recorded; an organic message only when it is the person's first in its thread,
 * so the history shows where each conversation came in. The first touch never changes once set (a merge keeps the
 * earlier of two); the last touch follows the newest signal (else it is the first touch).
 *
 * <p>Every method works in the caller's transaction. Thread-safe.
 */
public final class People {
    private final PersonStore store = new PersonStore();
    private final PhoneNumbers phones;

    /** @param phones normalises numbers found in messages and given to {@link #identify} */
    public People(PhoneNumbers phones) {
        this.phones = phones;
    }

    /** What a message or referral did to its person. */
    public record Outcome(Person person, Person before, ContactDetails given, Optional<PersonTouch> recorded) {
        /**
         * Whether the person is new, another one (merged), or its email or phone changed: then every ticket of the
         * person must show it (requestor, contact fields), not only the current thread's.
         */
        public boolean detailsChanged() {
            return before == null || before.id() != person.id() || !java.util.Objects.equals(before.email(), person.email())
                    || !java.util.Objects.equals(before.phone(), person.phone());
        }

        /** Whether the contact's details, touches or score changed (then the host contact is updated). */
        public boolean contactChanged() {
            return before == null || before.id() != person.id() || !java.util.Objects.equals(before.email(), person.email())
                    || !java.util.Objects.equals(before.phone(), person.phone())
                    || !java.util.Objects.equals(before.firstTouchId(), person.firstTouchId())
                    || !java.util.Objects.equals(before.lastTouchId(), person.lastTouchId())
                    || !java.util.Objects.equals(before.leadScore(), person.leadScore());
        }
    }

    /**
     * The person of an email address, phone number and/or social identity, created on first sight, merged when they
     * name two people. For the lead form ({@code POST /leads}): call it in the transaction that stores the lead.
     *
     * @param email    an email address, or null; normalised (lower case)
     * @param phone    a phone number, or null; normalised to E.164 with the default country
     * @param identity {@code platform:authorId}, or null
     * @throws IllegalArgumentException naming {@code email} or {@code phone} when it is not valid, or when all are null
     */
    public Person identify(Connection c, String email, String phone, String identity, Instant now) throws SQLException {
        String e = email == null || email.isBlank() ? null : ContactDetails.email(email)
                .orElseThrow(() -> new IllegalArgumentException("email: '" + email + "' is not a valid email address"));
        String p = phone == null || phone.isBlank() ? null : phones.normalise(phone)
                .orElseThrow(() -> new IllegalArgumentException("phone: '" + phone + "' is not a valid phone number"));
        if (e == null && p == null && (identity == null || identity.isBlank())) {
            throw new IllegalArgumentException("email, phone or identity: one is required");
        }
        return resolve(c, e, p, identity, identity == null ? null : store.byIdentity(c, identity).orElse(null), now);
    }

    /**
     * A customer message: resolves its person (the author's identity; an email address or phone number in the text
     * joins or merges it), links the thread, records the touch (a signal, or the person's first message in the thread)
     * and the lead score when known.
     */
    public Outcome message(Connection c, String identity, String threadKey, String text, CampaignSignal touch,
                           Integer leadScore, Instant now) throws SQLException {
        Person before = store.byIdentity(c, identity).orElse(null);
        ContactDetails given = ContactDetails.find(text, phones);
        Person person = resolve(c, given.email(), given.phone(), identity, before, now);
        store.linkThread(c, threadKey, person.id());
        Optional<PersonTouch> recorded = touch.isSignal() || !store.hasTouchIn(c, person.id(), threadKey)
                ? Optional.of(record(c, person, threadKey, touch, leadScore, now)) : Optional.empty();
        if (leadScore != null && recorded.isEmpty()) {
            store.setScore(c, person.id(), leadScore, now);
        }
        return new Outcome(store.byId(c, person.id()).orElseThrow(), before, given, recorded);
    }

    /** A referral without a message: the touch of the author's person (when it carries a signal). */
    public Outcome referral(Connection c, String identity, String threadKey, CampaignSignal touch, Instant now)
            throws SQLException {
        Person before = store.byIdentity(c, identity).orElse(null);
        Person person = resolve(c, null, null, identity, before, now);
        store.linkThread(c, threadKey, person.id());
        Optional<PersonTouch> recorded = touch.isSignal() ? Optional.of(record(c, person, threadKey, touch, null, now))
                : Optional.empty();
        return new Outcome(store.byId(c, person.id()).orElseThrow(), before, ContactDetails.none(), recorded);
    }

    /**
     * A lead form: the person of the email and phone given, joined with the person of the conversation the form names
     * ({@code identity}, or null), its thread linked ({@code threadKey}, or null) and the form recorded as its touch.
     *
     * @throws IllegalArgumentException naming {@code email} or {@code phone} when it is not valid
     */
    public Outcome form(Connection c, String email, String phone, String identity, String threadKey, CampaignSignal touch,
                        Instant now) throws SQLException {
        Person before = identity == null ? null : store.byIdentity(c, identity).orElse(null);
        Person person = identify(c, email, phone, identity, now);
        if (threadKey != null) {
            store.linkThread(c, threadKey, person.id());
        }
        PersonTouch recorded = record(c, person, threadKey, touch, null, now);
        return new Outcome(store.byId(c, person.id()).orElseThrow(), before,
                new ContactDetails(person.email(), person.phone()), Optional.of(recorded));
    }

    /** Records the person's latest lead score (for the lead score computed outside the message flow). */
    public void score(Connection c, long personId, int score, Instant now) throws SQLException {
        store.setScore(c, personId, score, now);
    }

    /** Remembers the host contact the person was written to. */
    public void contact(Connection c, long personId, String contactId, Instant now) throws SQLException {
        store.setContactId(c, personId, contactId, now);
    }

    public Optional<Person> byId(Connection c, long id) throws SQLException {
        return store.byId(c, id);
    }

    public Optional<Person> byEmail(Connection c, String email) throws SQLException {
        Optional<String> e = ContactDetails.email(email);
        return e.isEmpty() ? Optional.empty() : store.by(c, PersonStore.Detail.EMAIL, e.get());
    }

    public Optional<Person> byPhone(Connection c, String phone) throws SQLException {
        Optional<String> p = phones.normalise(phone);
        return p.isEmpty() ? Optional.empty() : store.by(c, PersonStore.Detail.PHONE, p.get());
    }

    public Optional<Person> byIdentity(Connection c, String identity) throws SQLException {
        return store.byIdentity(c, identity);
    }

    public Optional<Person> byThread(Connection c, String threadKey) throws SQLException {
        return store.byThread(c, threadKey);
    }

    public List<String> identities(Connection c, long personId) throws SQLException {
        return store.identities(c, personId);
    }

    public List<String> threads(Connection c, long personId) throws SQLException {
        return store.threads(c, personId);
    }

    /** The person's touches, oldest first. */
    public List<PersonTouch> touches(Connection c, long personId) throws SQLException {
        return store.touches(c, personId);
    }

    public Optional<PersonTouch> touch(Connection c, Long touchId) throws SQLException {
        return store.touch(c, touchId);
    }

    /** Records the touch and sets the person's first and last touch, and its lead score when not null. */
    private PersonTouch record(Connection c, Person person, String threadKey, CampaignSignal touch, Integer leadScore,
                               Instant now) throws SQLException {
        PersonTouch t = store.insertTouch(c, person.id(), threadKey, touch);
        Long first = person.firstTouchId() != null ? person.firstTouchId() : t.id();
        Optional<PersonTouch> last = store.touch(c, person.lastTouchId());
        boolean newer = last.isEmpty() || touch.isSignal() && !touch.at().isBefore(last.get().touch().at());
        store.setTouches(c, person.id(), first, newer ? t.id() : person.lastTouchId(), leadScore, now);
        return t;
    }

    /**
     * The person of the details and identity. {@code ofIdentity} is the identity's person as just read in this
     * transaction (null: none). Every path ends on a row read after its last write, so the result is current.
     */
    private Person resolve(Connection c, String email, String phone, String identity, Person ofIdentity, Instant now)
            throws SQLException {
        Person p = ofIdentity;
        p = join(c, p, PersonStore.Detail.EMAIL, email, now);
        p = join(c, p, PersonStore.Detail.PHONE, phone, now);
        if (identity == null) {
            return p;
        }
        if (p == null) {
            p = insertOrFind(c, null, null, now);
        }
        if (ofIdentity != null && ofIdentity.id() == p.id()) {
            // still the identity's person (a merge keeps the identity with the person kept): nothing to attach
            return p;
        }
        if (!store.attach(c, identity, p.id(), now)) {
            Person owner = store.byIdentity(c, identity).orElseThrow();
            if (owner.id() != p.id()) {
                // the identity's person stays: under concurrency it is the committed one, p the one just made
                p = merge(c, owner, p, now);
            }
        }
        return store.byId(c, p.id()).orElseThrow();
    }

    /** {@code p} (or a new person) with the detail: the person that has it already, merged with {@code p}. */
    private Person join(Connection c, Person p, PersonStore.Detail detail, String value, Instant now) throws SQLException {
        if (value == null) {
            return p;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Person> owner = store.by(c, detail, value);
            if (owner.isPresent()) {
                return p == null || owner.get().id() == p.id() ? owner.get() : merge(c, owner.get(), p, now);
            }
            if (p == null) {
                Optional<Person> created = store.insert(c, detail, value, now);
                if (created.isPresent()) {
                    return created.get();
                }
            } else if (current(p, detail) != null || store.setContact(c, p.id(), detail, value, now)) {
                return store.byId(c, p.id()).orElseThrow();   // a person keeps the first address it gave
            }
            // a concurrent transaction gave the value to someone first: read it and join that person
        }
        throw new IllegalStateException("cannot settle the person of " + detail.column() + " after 3 attempts");
    }

    private Person insertOrFind(Connection c, PersonStore.Detail detail, String value, Instant now) throws SQLException {
        return store.insert(c, detail, value, now).orElseThrow(() -> new IllegalStateException("person not created"));
    }

    /** Merges {@code gone} into {@code keep}; returns the merged person. */
    private Person merge(Connection c, Person keep, Person gone, Instant now) throws SQLException {
        Person k = store.byId(c, keep.id()).orElseThrow();
        Person g = store.byId(c, gone.id()).orElseThrow();
        Long first = earlier(c, k.firstTouchId(), g.firstTouchId());
        Long last = newer(c, k.lastTouchId(), g.lastTouchId());
        store.merge(c, k, g, first, last, now);
        return store.byId(c, k.id()).orElseThrow();
    }

    private Long earlier(Connection c, Long a, Long b) throws SQLException {
        Optional<PersonTouch> x = store.touch(c, a);
        Optional<PersonTouch> y = store.touch(c, b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.isPresent() ? a : b;
        }
        return y.get().touch().at().isBefore(x.get().touch().at()) ? b : a;
    }

    private Long newer(Connection c, Long a, Long b) throws SQLException {
        Optional<PersonTouch> x = store.touch(c, a);
        Optional<PersonTouch> y = store.touch(c, b);
        if (x.isEmpty() || y.isEmpty()) {
            return x.isPresent() ? a : b;
        }
        // a signal beats an organic first touch; else the newer
        if (x.get().touch().isSignal() != y.get().touch().isSignal()) {
            return x.get().touch().isSignal() ? a : b;
        }
        return y.get().touch().at().isAfter(x.get().touch().at()) ? b : a;
    }

    private static String current(Person p, PersonStore.Detail detail) {
        return detail == PersonStore.Detail.EMAIL ? p.email() : p.phone();
    }
}
