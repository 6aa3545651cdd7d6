-- Several instances on one store (issue 12). Work is split into a fixed number of partitions by thread (inbox) and
-- by lane (outbox); an instance processes only the partitions it holds a lease on, so items of one thread are never
-- processed by two instances at once. Rows stored before this migration are in partition 0.
-- Both are read in id order among the pending items (ix_inbox_status; ix_outbox_due below), the partition filtered on
-- the way: an index led by the partition would make the database sort every pending item to return the oldest few.
ALTER TABLE inbox_item ADD COLUMN partition_no INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox_item ADD COLUMN partition_no INT DEFAULT 0 NOT NULL;
-- The due items of a target, oldest first: walked in id order until a batch is found, instead of every pending item
-- of both targets fetched and sorted on each call (which made a backlog of thousands cost quadratic time).
DROP INDEX ix_outbox_due;
CREATE INDEX ix_outbox_due ON outbox_item (status, target, id);

-- Leases with expiry: 'leader' (singleton jobs) and 'partition-<n>'. A holder renews its leases; an instance that
-- stops renewing (kill -9) loses them when they expire, and another instance takes them over.
CREATE TABLE work_lease (
    name        VARCHAR(64)  PRIMARY KEY,
    holder      VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Live instances: each writes its heartbeat; partitions are shared among the instances seen within a lease period.
CREATE TABLE instance_heartbeat (
    instance_id VARCHAR(64)  PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A platform send under way: set before the call, cleared with its outcome. Found set on a pending item, it means the
-- instance stopped during the call (kill -9) and the send may have reached the platform: the item is sent again (at
-- least once) and marked in_doubt, the only case where a customer can get a reply twice.
ALTER TABLE outbox_item ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox_item ADD COLUMN in_doubt BOOLEAN DEFAULT FALSE NOT NULL;
