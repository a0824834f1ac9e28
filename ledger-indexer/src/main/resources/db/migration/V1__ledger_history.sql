-- The indexer's schema, shared by SQLite and PostgreSQL. ${uint} is the type of 256-bit integers:
-- NUMERIC(78,0) on PostgreSQL (exact, summable), TEXT holding the decimal digits on SQLite (whose
-- numbers stop at 64 bits). Hashes, ids and addresses are lower-case 0x-hex TEXT.
--
-- Every table fed by events carries the log's natural key (block_number, log_index) as its
-- primary key and the transaction hash; rows read from the genesis state by calls carry block 0,
-- a log index counted per table from 0, and no transaction hash.

CREATE TABLE chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  chain_id BIGINT NOT NULL,
  genesis_hash TEXT NOT NULL
);

CREATE TABLE cursor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  block_number BIGINT NOT NULL,
  block_hash TEXT NOT NULL
);

CREATE TABLE blocks (
  block_number BIGINT PRIMARY KEY,
  block_hash TEXT NOT NULL UNIQUE,
  parent_hash TEXT NOT NULL,
  block_timestamp BIGINT NOT NULL
);

CREATE TABLE outbox (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  contract TEXT NOT NULL,
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- Permissions (0x…1000): each table is a history; the latest action per key is the current state.

CREATE TABLE members (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  member_id TEXT NOT NULL,
  account TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('added', 'removed')),
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX members_by_account ON members (account);
CREATE INDEX members_by_member ON members (member_id);

CREATE TABLE roles (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  role TEXT NOT NULL,
  role_name TEXT,
  account TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('granted', 'revoked')),
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX roles_by_account ON roles (account);

CREATE TABLE nodes (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  node TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('added', 'removed')),
  PRIMARY KEY (block_number, log_index)
);

CREATE TABLE validators (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  validator TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('added', 'removed')),
  PRIMARY KEY (block_number, log_index)
);

-- ModelRegistry (0x…1001)

CREATE TABLE models (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  model_id TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  aggregator TEXT NOT NULL,
  metadata_uri TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

CREATE TABLE rounds (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  base_model_hash TEXT NOT NULL,
  reward_pool ${uint} NOT NULL,
  deadline_block ${uint} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'finalized')),
  aggregate_hash TEXT,
  accepted_count ${uint},
  finalized_block_number BIGINT,
  finalized_log_index INTEGER,
  finalized_tx_hash TEXT,
  PRIMARY KEY (block_number, log_index),
  UNIQUE (model_id, round)
);

CREATE TABLE updates (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  contributor TEXT NOT NULL,
  update_hash TEXT NOT NULL,
  sample_count ${uint} NOT NULL,
  metrics_hash TEXT,
  PRIMARY KEY (block_number, log_index),
  UNIQUE (model_id, round, contributor)
);
CREATE INDEX updates_by_contributor ON updates (contributor);

CREATE TABLE update_datasets (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  contributor TEXT NOT NULL,
  dataset_id TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index, position)
);
CREATE INDEX update_datasets_by_dataset ON update_datasets (dataset_id);
CREATE INDEX update_datasets_by_update ON update_datasets (model_id, round, contributor);

CREATE TABLE rewards (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  model_id TEXT NOT NULL,
  round BIGINT NOT NULL,
  contributor TEXT NOT NULL,
  weight ${uint} NOT NULL,
  reward ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX rewards_by_contributor ON rewards (contributor);
CREATE INDEX rewards_by_round ON rewards (model_id, round);

CREATE TABLE reputation_changes (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  contributor TEXT NOT NULL,
  delta ${uint} NOT NULL,
  reputation ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX reputation_changes_by_contributor ON reputation_changes (contributor);

-- DataProvenance (0x…1002)

CREATE TABLE datasets (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  dataset_id TEXT NOT NULL UNIQUE,
  owner TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  uri TEXT NOT NULL,
  license TEXT NOT NULL,
  relayer TEXT,
  relay_nonce ${uint},
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX datasets_by_owner ON datasets (owner);

CREATE TABLE lineage (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  dataset_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index, position)
);
CREATE INDEX lineage_by_dataset ON lineage (dataset_id);
CREATE INDEX lineage_by_parent ON lineage (parent_id);

CREATE TABLE endorsements (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  dataset_id TEXT NOT NULL,
  auditor TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX endorsements_by_dataset ON endorsements (dataset_id);

CREATE TABLE revocations (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  dataset_id TEXT NOT NULL UNIQUE,
  revoked_by TEXT NOT NULL,
  reason_hash TEXT NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- ContributionToken (0x…1003)

CREATE TABLE token_allocations (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  account TEXT NOT NULL,
  amount ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

CREATE TABLE token_transfers (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  from_address TEXT NOT NULL,
  to_address TEXT NOT NULL,
  amount ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX token_transfers_by_from ON token_transfers (from_address);
CREATE INDEX token_transfers_by_to ON token_transfers (to_address);

CREATE TABLE token_approvals (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  owner TEXT NOT NULL,
  spender TEXT NOT NULL,
  amount ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index)
);

-- QuadraticGovernor (0x…1004)

CREATE TABLE proposals (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  proposal_id BIGINT NOT NULL UNIQUE,
  proposer TEXT NOT NULL,
  member_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  payload TEXT NOT NULL,
  description TEXT NOT NULL,
  snapshot_block BIGINT NOT NULL,
  vote_start BIGINT NOT NULL,
  vote_end BIGINT NOT NULL,
  quadratic_total ${uint} NOT NULL,
  eta BIGINT,
  expires_at BIGINT,
  quorum ${uint},
  cap ${uint},
  outcome TEXT CHECK (outcome IN ('executed', 'canceled')),
  outcome_block_number BIGINT,
  outcome_log_index INTEGER,
  outcome_tx_hash TEXT,
  PRIMARY KEY (block_number, log_index)
);

CREATE TABLE votes (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  proposal_id BIGINT NOT NULL,
  voter TEXT NOT NULL,
  member_id TEXT NOT NULL,
  support INTEGER NOT NULL,
  weight ${uint} NOT NULL,
  raw_balance ${uint} NOT NULL,
  PRIMARY KEY (block_number, log_index),
  UNIQUE (proposal_id, member_id)
);

CREATE TABLE parameters (
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  tx_hash TEXT,
  name TEXT NOT NULL,
  value ${uint} NOT NULL,
  previous_value ${uint},
  PRIMARY KEY (block_number, log_index)
);
CREATE INDEX parameters_by_name ON parameters (name);
