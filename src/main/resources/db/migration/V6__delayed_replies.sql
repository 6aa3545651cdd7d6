-- Delayed acknowledgements: a reply a rule schedules for later is not sent when an agent answered the thread after
-- it was scheduled; this is when an agent last did.
ALTER TABLE social_thread ADD COLUMN last_agent_reply_at TIMESTAMP WITH TIME ZONE;
