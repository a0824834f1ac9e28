-- The event stream's outbox keeps only the latest blocks' entries (the writer prunes older ones in
-- the same transaction as each batch). This row says from which block on the outbox is complete,
-- so a stream asked to resume before it can say that events are missing instead of skipping them.
-- (Version 2.1, not 2: parallel branches may each add a version 2.)

CREATE TABLE outbox_retention (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  retained_from_block BIGINT NOT NULL
);

INSERT INTO outbox_retention (id, retained_from_block) VALUES (1, 0);
