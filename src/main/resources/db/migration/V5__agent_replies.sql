-- Agents answer from the host: what a reply to a thread needs (the customer's latest item, its kind, the post and
-- the platform conversation), since when a person owns the thread (automation stays silent), and where the plugin
-- is in the host's history (the agent replies it has already queued).
ALTER TABLE social_thread ADD COLUMN conversation_id VARCHAR(512);
ALTER TABLE social_thread ADD COLUMN last_kind VARCHAR(32);
ALTER TABLE social_thread ADD COLUMN last_post_id VARCHAR(512);
ALTER TABLE social_thread ADD COLUMN human_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_thread_ticket ON social_thread (ticket_id);

CREATE TABLE host_cursor (
    cursor_name VARCHAR(64) PRIMARY KEY,
    position    BIGINT      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
