-- The lineage's transitive closure: one row per (ancestor, descendant) pair, the dataset itself
-- included as its own ancestor at depth 0, so a blast radius is one indexed range read by ancestor
-- and a taint check one join by descendant, instead of a recursive walk per request.
-- depth is the shortest number of lineage edges from the descendant up to the ancestor (a diamond
-- reaches its shared ancestor along several paths; the nearest one counts, as in a walk breadth
-- first). block_number and log_index are the descendant's attestation, so the datasets at one
-- depth come in chain order. descendant_cited is 1 once an update cites the descendant: a radius
-- looks up the citations of those only (most datasets of a wide lineage are never cited, and a
-- lookup per dataset was most of a radius's cost). The ingester writes a dataset's rows in the
-- transaction that writes its attestation and lineage edges, and sets the flag in the one that
-- writes its first citation.
-- (Version 3.2, not 4, so that a parallel branch's V4 can merge without renumbering either.)

CREATE TABLE lineage_closure (
  ancestor_id TEXT NOT NULL,
  descendant_id TEXT NOT NULL,
  depth INTEGER NOT NULL,
  block_number BIGINT NOT NULL,
  log_index INTEGER NOT NULL,
  descendant_cited INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (descendant_id, ancestor_id)
);

-- a radius: the descendants of one dataset, nearest generations first, then in chain order
CREATE INDEX lineage_closure_by_ancestor
  ON lineage_closure (ancestor_id, depth, block_number, log_index, descendant_id, descendant_cited);

-- an existing store upgrades in place: the closure of the datasets already indexed. UNION (not
-- UNION ALL) keeps each (descendant, ancestor, depth) once, so a DAG's many paths of one length
-- are walked once.
INSERT INTO lineage_closure
  (ancestor_id, descendant_id, depth, block_number, log_index, descendant_cited)
WITH RECURSIVE up(descendant_id, ancestor_id, depth) AS (
  SELECT dataset_id, dataset_id, 0 FROM datasets
  UNION
  SELECT u.descendant_id, l.parent_id, u.depth + 1
  FROM up u JOIN lineage l ON l.dataset_id = u.ancestor_id
)
SELECT u.ancestor_id, u.descendant_id, MIN(u.depth), d.block_number, d.log_index,
  CASE WHEN EXISTS (SELECT 1 FROM update_datasets c WHERE c.dataset_id = u.descendant_id)
    THEN 1 ELSE 0 END
FROM up u JOIN datasets d ON d.dataset_id = u.descendant_id
GROUP BY u.descendant_id, u.ancestor_id, d.block_number, d.log_index;
