-- Indexes for the pages of the fixed paths: a round's updates and a contributor's history are
-- listed in chain order, one page at a time. Without these the store read every update of the
-- round (or of the contributor) and sorted them to return the first 50. Indexes only.
-- (Version 3.1, not 4, so that a parallel branch's V4 can merge without renumbering either.)

-- /v1/models/{modelId}/rounds/{round}/updates: the round's updates in chain order
CREATE INDEX updates_by_round_in_order ON updates (model_id, round, block_number, log_index);

-- /v1/contributors/{address}: each kind of the history in chain order (rewards have theirs)
CREATE INDEX updates_by_contributor_in_order ON updates (contributor, block_number, log_index);
CREATE INDEX reputation_changes_by_contributor_in_order
  ON reputation_changes (contributor, block_number, log_index);
