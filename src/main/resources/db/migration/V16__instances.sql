-- Several instances on one store (issue 12). Work is split into a fixed number of partitions by thread (inbox) and
-- by lane (outbox); an instance processes only the partitions it holds a lease on, so items of one thread are never
-- processed by two instances at once. Rows stored before this migration are in partition 0.
ALTER TABLE inbox_item ADD COLUMN partition_no INT DEFAULT 0 NOT NULL;
CREATE INDEX ix_inbox_partition ON inbox_item (status, partition_no, id);
ALTER TABLE outbox_item ADD COLUMN partition_no INT DEFAULT 0 NOT NULL;
CREATE INDEX ix_outbox_partition ON outbox_item (status, target, partition_no, next_attempt_at);

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
