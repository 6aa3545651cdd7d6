-- Campaign attribution: each thread's first touch (never changes) and last touch (the newest campaign signal), as
-- JSON touches (channel, signal type, campaign, creator, UTM, ref, ad, click and post ids, code, time). Its own table,
-- so that a referral reaching a thread before its first message (an m.me link on an old conversation) is kept for
-- that message.
CREATE TABLE thread_touch (
    thread_key  VARCHAR(512) PRIMARY KEY,
    first_touch VARCHAR      NOT NULL,
    last_touch  VARCHAR      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
