-- People.message asks whether a person already has a touch in a thread (its first message there is recorded once):
-- with only (person_id, touched_at) indexed that scanned all of the person's touches, so a customer with thousands
-- of threads (an author commenting on many ads) made every message slower.
CREATE INDEX ix_touch_person_thread ON person_touch (person_id, thread_key);
