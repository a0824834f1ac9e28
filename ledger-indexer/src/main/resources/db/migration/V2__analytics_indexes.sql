-- Indexes for the analyst reads of issue 12 (blast radius, PROV lineage, members and permission
-- history, rewards over time, block and time ranges). Indexes only: no table changes shape.
-- (Version 3, not 2, so that a parallel branch's V2 can merge without renumbering either.)

-- the lineage walk down (blast radius) and up (PROV ancestors): covering, so each step of the
-- recursion reads one index and never the table
CREATE INDEX lineage_down ON lineage (parent_id, dataset_id);
CREATE INDEX lineage_up ON lineage (dataset_id, parent_id);

-- the rewards of one update (model, round, contributor), and a contributor's or a model's rewards
-- in chain order for the series bucketed by blocks or days
CREATE INDEX rewards_by_update ON rewards (model_id, round, contributor);
CREATE INDEX rewards_by_contributor_in_order ON rewards (contributor, block_number, log_index);
CREATE INDEX rewards_by_model_in_order ON rewards (model_id, block_number, log_index);

-- fromTime/toTime become a block range by looking up the first and last block in the time span
CREATE INDEX blocks_by_time ON blocks (block_timestamp);

-- the current state of each key (its latest row) of the permission histories
CREATE INDEX members_by_account_in_order ON members (account, block_number, log_index);
CREATE INDEX members_by_member_in_order ON members (member_id, block_number, log_index);
CREATE INDEX roles_by_holder_in_order ON roles (account, role, block_number, log_index);
CREATE INDEX nodes_in_order ON nodes (node, block_number, log_index);
CREATE INDEX validators_in_order ON validators (validator, block_number, log_index);

-- a permission change links to the proposal whose execution (same transaction) caused it
CREATE INDEX proposals_by_outcome_tx ON proposals (outcome_tx_hash);

