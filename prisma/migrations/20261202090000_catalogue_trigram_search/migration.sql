-- The catalogue's ranked search: pg_trgm (a trusted contrib extension, shipped with the embedded
-- server) for word similarity and "did you mean", and a trigram index on item names that serves it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "ItemVersion_name_trgm_idx" ON "ItemVersion" USING GIN ("name" gin_trgm_ops);
