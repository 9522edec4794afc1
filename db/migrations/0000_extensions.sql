-- Trigram search on customers needs pg_trgm, on real PostgreSQL and on the embedded one alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
