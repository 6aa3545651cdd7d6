-- A thread in crisis (a rule's `tag: crisis`, a spike on its account) counts its SLA clocks in the crisis class.
ALTER TABLE social_thread ADD COLUMN crisis_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE social_thread ADD COLUMN crisis_reason VARCHAR(300);
