// Schema: constraints and indexes the store relies on. Applied before every import; each statement is
// idempotent (IF NOT EXISTS). Unlike the other files this one holds several statements, separated by ';',
// because schema changes cannot share a transaction; the store sends them one by one.
// Every node carries the label Entity as well as its own label so that a node can be found by id without
// knowing its label (labels cannot be query parameters).
// Parameters: none.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT officer_id IF NOT EXISTS FOR (n:Officer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT force_id IF NOT EXISTS FOR (n:Force) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT victim_role_id IF NOT EXISTS FOR (n:VictimRole) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// searchText is the name and every alias, one per line: one STRING property indexes both the same way on
// every server version, where LIST<STRING> support in full-text indexes is newer than some 5.x releases.
CREATE FULLTEXT INDEX node_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// Relationship ids are the upsert key of relationships; relationship uniqueness constraints need
// Enterprise Edition, so these are plain range indexes (the importer keeps ids unique).
CREATE INDEX served_in_id IF NOT EXISTS FOR ()-[r:SERVED_IN]-() ON (r.id);
CREATE INDEX part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id);
CREATE INDEX worked_with_id IF NOT EXISTS FOR ()-[r:WORKED_WITH]-() ON (r.id);
CREATE INDEX subject_of_id IF NOT EXISTS FOR ()-[r:SUBJECT_OF]-() ON (r.id);
CREATE INDEX has_victim_id IF NOT EXISTS FOR ()-[r:HAS_VICTIM]-() ON (r.id);
CREATE INDEX identified_as_id IF NOT EXISTS FOR ()-[r:IDENTIFIED_AS]-() ON (r.id);
CREATE INDEX has_event_id IF NOT EXISTS FOR ()-[r:HAS_EVENT]-() ON (r.id);
CREATE INDEX by_id IF NOT EXISTS FOR ()-[r:BY]-() ON (r.id);
CREATE INDEX reports_on_id IF NOT EXISTS FOR ()-[r:REPORTS_ON]-() ON (r.id);
CREATE INDEX comments_on_id IF NOT EXISTS FOR ()-[r:COMMENTS_ON]-() ON (r.id);
CREATE INDEX published_by_id IF NOT EXISTS FOR ()-[r:PUBLISHED_BY]-() ON (r.id);
CREATE INDEX written_by_id IF NOT EXISTS FOR ()-[r:WRITTEN_BY]-() ON (r.id);
CREATE INDEX quoted_in_id IF NOT EXISTS FOR ()-[r:QUOTED_IN]-() ON (r.id);
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.id);
CREATE INDEX represents_id IF NOT EXISTS FOR ()-[r:REPRESENTS]-() ON (r.id);
CREATE INDEX related_to_id IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.id);
// Right of reply: notes are found by fact id, by relationship base id, and listed by date.
CREATE INDEX fact_note_fact IF NOT EXISTS FOR (n:FactNote) ON (n.factId);
CREATE INDEX fact_note_base IF NOT EXISTS FOR (n:FactNote) ON (n.factBase);
CREATE INDEX fact_note_date IF NOT EXISTS FOR (n:FactNote) ON (n.date);
