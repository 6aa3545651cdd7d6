-- The satisfaction survey sent when a conversation's ticket is resolved: where it stands per thread (the question
-- asked last, when) and the answers, so that the customer's next message is read as an answer, once.
CREATE TABLE survey (
    thread_key  VARCHAR(512) PRIMARY KEY,
    ticket_id   VARCHAR(64),
    step        VARCHAR(16)  NOT NULL,    -- csat, nps (waiting for that answer), done
    language    VARCHAR(8)   NOT NULL,
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    csat        INT,
    nps         INT
);
