-- Agents hide comments from the host too: who hid a comment (null: automation), so that only undone automated hides
-- count as moderation false positives.
ALTER TABLE moderation_action ADD COLUMN hidden_by VARCHAR(128);
