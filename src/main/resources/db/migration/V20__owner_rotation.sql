-- Round-robin owners (issue 14): per queue, the last person a ticket was given to. The next ticket goes to the next
-- login after it (in name order) among the current candidates, so that turns stay fair across restarts, across
-- instances sharing the store (the row is locked while a turn is taken) and when people join or leave the group.
CREATE TABLE owner_rotation (
    queue_key   VARCHAR(64)  PRIMARY KEY,
    last_owner  VARCHAR(255) NOT NULL,
    turns       BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
