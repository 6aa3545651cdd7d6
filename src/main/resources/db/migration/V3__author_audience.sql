-- Follower counts looked up for authors whose webhooks do not carry them (Instagram Business Discovery), so
-- that follower rules (VIP & Partners) work, with a negative entry (NULL count) for authors the platform has
-- no data on. A cache: rows are refreshed after a while and can be deleted at any time.
CREATE TABLE author_audience (
    platform       VARCHAR(32)  NOT NULL,
    handle         VARCHAR(255) NOT NULL,
    follower_count BIGINT,
    looked_up_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_author_audience PRIMARY KEY (platform, handle)
);
