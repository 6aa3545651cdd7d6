-- Qualified leads. qualifier_flow: each customer's running (or last) qualifier flow, keyed by where its answers come
-- from (platform:account:author: a comment's flow is answered in the author's conversation), with the lead's thread
-- whose ticket gets the answers; lead_score: each thread's accumulated lead score as its parts (JSON), and when it
-- crossed the hot threshold (it re-routes once).
CREATE TABLE qualifier_flow (
    answer_key  VARCHAR(512) PRIMARY KEY,
    thread_key  VARCHAR(512) NOT NULL,
    flow_id     VARCHAR(128) NOT NULL,
    step        INT          NOT NULL,
    retried     BOOLEAN      NOT NULL,
    language    VARCHAR(8)   NOT NULL,
    answers     VARCHAR      NOT NULL,
    status      VARCHAR(16)  NOT NULL,    -- open, answered, timeout, handed_over, stopped
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX qualifier_flow_open ON qualifier_flow (status, asked_at);

CREATE TABLE lead_score (
    thread_key  VARCHAR(512) PRIMARY KEY,
    parts       VARCHAR      NOT NULL,
    score       INT          NOT NULL,
    hot_at      TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
