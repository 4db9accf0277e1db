-- Resource search needs trigram matching (typo tolerance) and accent folding. Both ship with
-- PostgreSQL (contrib) and PGlite (passed in at creation, src/db/connect.ts). They live in
-- public, which every connection's search_path includes, so a ?schema= install finds them too.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('pending', 'approved', 'declined');

-- DropIndex
DROP INDEX "Resource_country_subdivision_idx";

-- AlterTable
ALTER TABLE "Resource" DROP COLUMN "country",
DROP COLUMN "subdivision",
ADD COLUMN     "city" TEXT,
ADD COLUMN     "cost" TEXT,
ADD COLUMN     "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "editedAt" TIMESTAMPTZ(3),
ADD COLUMN     "extras" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "organizationName" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'admin',
ADD COLUMN     "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "searchDoc" tsvector,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active',
ADD COLUMN     "teamId" TEXT,
ADD COLUMN     "verifiedBy" TEXT,
ADD COLUMN     "workspaceId" TEXT;

-- CreateTable
CREATE TABLE "ResourceWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "ResourceWord_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "ResourceSuggestion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "teamId" TEXT,
    "suggestedById" TEXT NOT NULL,
    "proposal" JSONB NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "resourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResourceWord_word_trgm_idx" ON "ResourceWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ResourceSuggestion_workspaceId_status_idx" ON "ResourceSuggestion"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "ResourceSuggestion_suggestedById_idx" ON "ResourceSuggestion"("suggestedById");

-- CreateIndex
CREATE INDEX "Resource_countries_idx" ON "Resource" USING GIN ("countries");

-- CreateIndex
CREATE INDEX "Resource_searchDoc_idx" ON "Resource" USING GIN ("searchDoc");

-- CreateIndex
CREATE INDEX "Resource_searchText_idx" ON "Resource" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Resource_workspaceId_teamId_idx" ON "Resource"("workspaceId", "teamId");

-- AddForeignKey
ALTER TABLE "ResourceSuggestion" ADD CONSTRAINT "ResourceSuggestion_suggestedById_fkey" FOREIGN KEY ("suggestedById") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The search fields, kept by a trigger: a generated column cannot call unaccent() or
-- array_to_string() (neither is immutable). Weights: name and tags (A) above organisation and
-- category (B) above the description (C). Every word also lands in "ResourceWord", the list
-- that typo correction matches against.
-- The body is an E'' string with each semicolon written \x3b: @prisma/adapter-pg runs a
-- migration script by splitting it at every semicolon, which would cut a dollar-quoted body apart.
CREATE FUNCTION "resource_search_fields"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."countries" := ARRAY(
    SELECT DISTINCT split_part(r, ''-'', 1) FROM unnest(COALESCE(NEW."regions", ARRAY[]::text[])) AS r ORDER BY 1)\x3b
  NEW."searchText" := lower(unaccent(concat_ws('' '', NEW."title", NEW."organizationName",
    array_to_string(NEW."tags", '' ''), replace(NEW."category", ''-'', '' ''), NEW."summary")))\x3b
  NEW."searchDoc" :=
       setweight(to_tsvector(''english'', lower(unaccent(COALESCE(NEW."title", '''')))), ''A'')
    || setweight(to_tsvector(''english'', lower(unaccent(COALESCE(array_to_string(NEW."tags", '' ''), '''')))), ''A'')
    || setweight(to_tsvector(''english'', lower(unaccent(concat_ws('' '', NEW."organizationName",
         replace(NEW."category", ''-'', '' ''))))), ''B'')
    || setweight(to_tsvector(''english'', lower(unaccent(COALESCE(NEW."summary", '''')))), ''C'')\x3b
  INSERT INTO "ResourceWord" ("word")
    SELECT DISTINCT w FROM regexp_split_to_table(NEW."searchText", ''[^a-z0-9]+'') AS w
    WHERE length(w) >= 3
    ON CONFLICT DO NOTHING\x3b
  RETURN NEW\x3b
END
';

CREATE TRIGGER "resource_search_fields"
  BEFORE INSERT OR UPDATE ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION "resource_search_fields"();
