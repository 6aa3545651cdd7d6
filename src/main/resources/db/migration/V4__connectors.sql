-- Connectors as plug-ins: journal sources name a connector and an endpoint (telegram/<bot>), statuses of the
-- messages we sent (WhatsApp sent/delivered/read/failed) are kept with them, and a thread remembers when its
-- customer can no longer be reached (blocked the bot) until they write again.
ALTER TABLE inbox_item ALTER COLUMN source SET DATA TYPE VARCHAR(128);
ALTER TABLE sent_message ADD COLUMN thread_key VARCHAR(512);
ALTER TABLE sent_message ADD COLUMN delivery_status VARCHAR(16);
ALTER TABLE sent_message ADD COLUMN status_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sent_message ADD COLUMN status_detail VARCHAR(1000);
ALTER TABLE social_thread ADD COLUMN unreachable_reason VARCHAR(1000);
ALTER TABLE social_thread ADD COLUMN unreachable_at TIMESTAMP WITH TIME ZONE;
