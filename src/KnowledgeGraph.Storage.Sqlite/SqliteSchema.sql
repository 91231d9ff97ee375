-- Embedded store schema. Nodes and relationships keep their properties as JSON (the model table in Core says
-- what is allowed); indexes serve lookups by id, label and both endpoints; FTS5 serves name and alias search.
CREATE TABLE IF NOT EXISTS nodes (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL,
    properties TEXT NOT NULL,
    sources    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_by_label ON nodes (label, id);

CREATE TABLE IF NOT EXISTS relationships (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    from_id    TEXT NOT NULL REFERENCES nodes (id),
    to_id      TEXT NOT NULL REFERENCES nodes (id),
    properties TEXT NOT NULL,
    sources    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relationships_by_from ON relationships (from_id, type);
CREATE INDEX IF NOT EXISTS relationships_by_to ON relationships (to_id, type);
CREATE INDEX IF NOT EXISTS relationships_by_type ON relationships (type);

CREATE VIRTUAL TABLE IF NOT EXISTS node_names USING fts5 (
    id UNINDEXED,
    names,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Prefix indexes for 1-3 characters: "jones 12" would otherwise merge the lists of every token starting "12".
    prefix = '1 2 3'
);

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
