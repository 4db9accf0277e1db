-- Spanish words in resource search (issue 24). PostgreSQL's Spanish snowball stemmer does not
-- join a word's forms the way a reader expects ("línea" and "líneas" stem apart), so a small
-- folding of the plural and gender endings, written out here, is indexed beside the English
-- stems: "líneas" finds "línea", "adicciones" finds "adicción", "gratuita" finds "gratuito".
-- It runs on already lower-cased, unaccented text (so "crísis" is "crisis" before it starts),
-- and the same function folds the query's words (src/features/resources/search.ts).
-- A SQL-standard body (RETURN ...): no dollar quotes and no semicolon, which
-- @prisma/adapter-pg would split a migration script at. Only built-in regexp_replace: it runs
-- on PGlite as on PostgreSQL.
CREATE FUNCTION "resource_spanish_fold"(words text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(
    regexp_replace(
      regexp_replace(
        regexp_replace(words, '([a-z])([cs])iones\M', '\1\2ion', 'g'),
        '([a-z]{2}[aeiou][lnrdjy])es\M', '\1', 'g'),
      '([a-z]{3}[a-z]*[aeiou])s\M', '\1', 'g'),
    '([a-z]{3}[a-z]*)[ao]\M', '\1', 'g');

-- The search fields as before, plus each field's Spanish folding (same weights) in "searchDoc".
CREATE OR REPLACE FUNCTION "resource_search_fields"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  title text := lower(unaccent(COALESCE(NEW."title", '''')))\x3b
  tags text := lower(unaccent(COALESCE(array_to_string(NEW."tags", '' ''), '''')))\x3b
  org text := lower(unaccent(concat_ws('' '', NEW."organizationName", replace(NEW."category", ''-'', '' ''))))\x3b
  summary text := lower(unaccent(COALESCE(NEW."summary", '''')))\x3b
BEGIN
  NEW."countries" := ARRAY(
    SELECT DISTINCT split_part(r, ''-'', 1) FROM unnest(COALESCE(NEW."regions", ARRAY[]::text[])) AS r ORDER BY 1)\x3b
  NEW."searchText" := lower(unaccent(concat_ws('' '', NEW."title", NEW."organizationName",
    array_to_string(NEW."tags", '' ''), replace(NEW."category", ''-'', '' ''), NEW."summary")))\x3b
  NEW."searchDoc" :=
       setweight(to_tsvector(''english'', title), ''A'')
    || setweight(to_tsvector(''english'', tags), ''A'')
    || setweight(to_tsvector(''english'', org), ''B'')
    || setweight(to_tsvector(''english'', summary), ''C'')
    || setweight(to_tsvector(''simple'', "resource_spanish_fold"(title)), ''A'')
    || setweight(to_tsvector(''simple'', "resource_spanish_fold"(tags)), ''A'')
    || setweight(to_tsvector(''simple'', "resource_spanish_fold"(org)), ''B'')
    || setweight(to_tsvector(''simple'', "resource_spanish_fold"(summary)), ''C'')\x3b
  INSERT INTO "ResourceWord" ("word")
    SELECT DISTINCT w FROM regexp_split_to_table(NEW."searchText", ''[^a-z0-9]+'') AS w
    WHERE length(w) >= 3
    ON CONFLICT DO NOTHING\x3b
  RETURN NEW\x3b
END
';

-- Entries already stored get their Spanish words now (the trigger runs on this update).
UPDATE "Resource" SET "title" = "title";
