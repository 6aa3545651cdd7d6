-- Names of authors looked up on the platform when the webhook names only an id (Messenger PSIDs, Instagram
-- IGSIDs in DMs), with a negative entry (no name, no handle) for authors the platform will not name. A cache:
-- rows are refreshed after their time to live and can be deleted at any time.
CREATE TABLE author_profile (
    platform      VARCHAR(32)  NOT NULL,
    author_id     VARCHAR(255) NOT NULL,
    display_name  VARCHAR(255),
    handle        VARCHAR(255),
    looked_up_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_author_profile PRIMARY KEY (platform, author_id)
);
