-- What a blast radius answers, kept per ancestor at ingest, so that a radius costs a few indexed
-- reads and its page one index range, instead of aggregating every citation of the radius on
-- every request. The writer keeps the three tables in the transaction that writes the rows they
-- summarise (docs/indexer.md, "The blast radius, kept at ingest"); migration V3_4 (Java) fills
-- them for a store written before this one.

-- How many datasets each dataset's radius holds, itself included (its lineage_closure rows), and
-- for a radius of more than 10 000 (the most one answer covers) where it is cut: the closure
-- position (depth, block, log index) of the 10 000th dataset, nearest generation first, so that
-- a request need not count its way there.
CREATE TABLE radius_sizes (
  ancestor_id TEXT NOT NULL PRIMARY KEY,
  dataset_count BIGINT NOT NULL,
  cut_depth INTEGER,
  cut_block BIGINT,
  cut_log INTEGER
);

-- One row per (ancestor, update) where the update cites at least one dataset of the ancestor's
-- radius: block_number and log_index are the update's (UpdateSubmitted), so a radius's updates
-- page is one range of radius_hits_in_order. cited counts the update's citations of datasets of
-- the radius; nearest_* is the closure position (depth, block, log index) of the nearest of them,
-- so that a radius cut at its first N datasets knows which updates fall beyond the cut.
CREATE TABLE radius_hits (
  ancestor_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  contributor TEXT NOT NULL,
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  cited INTEGER NOT NULL,
  nearest_depth INTEGER NOT NULL,
  nearest_block BIGINT NOT NULL,
  nearest_log INTEGER NOT NULL,
  PRIMARY KEY (ancestor_id, model_id, round, contributor)
);
CREATE INDEX radius_hits_in_order ON radius_hits (ancestor_id, block_number, log_index);
CREATE INDEX radius_hits_by_nearest
  ON radius_hits (ancestor_id, nearest_depth, nearest_block, nearest_log);
-- a reward paid later finds the radii its update is in
CREATE INDEX radius_hits_by_update ON radius_hits (model_id, round, contributor);

-- Per (ancestor, model, round): the updates of radius_hits in that round and the rewards paid to
-- them. The reward total is kept as nine sums of 9-digit slices (reward_0 the lowest digits) so
-- that it adds up exactly on both engines (SQLite's integers stop at 64 bits); a reader
-- recombines sum(reward_k * 10^(9k)).
CREATE TABLE radius_rounds (
  ancestor_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  update_count BIGINT NOT NULL,
  reward_count BIGINT NOT NULL,
  reward_0 BIGINT NOT NULL,
  reward_1 BIGINT NOT NULL,
  reward_2 BIGINT NOT NULL,
  reward_3 BIGINT NOT NULL,
  reward_4 BIGINT NOT NULL,
  reward_5 BIGINT NOT NULL,
  reward_6 BIGINT NOT NULL,
  reward_7 BIGINT NOT NULL,
  reward_8 BIGINT NOT NULL,
  PRIMARY KEY (ancestor_id, model_id, round)
);

-- A radius's datasets page in chain order is one range of the closure by ancestor and attestation.
CREATE INDEX lineage_closure_in_order ON lineage_closure (ancestor_id, block_number, log_index);
