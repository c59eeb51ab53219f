CREATE TABLE "feeds" (
	"outlet_id" text NOT NULL,
	"url" text NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetched_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"disabled_reason" text,
	CONSTRAINT "feeds_outlet_id_url_pk" PRIMARY KEY("outlet_id","url")
);
--> statement-breakpoint
CREATE TABLE "outlets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"homepage" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demonyms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"affiliation" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_failures" (
	"run_id" uuid NOT NULL,
	"url" text NOT NULL,
	"stage" text NOT NULL,
	"reason" text NOT NULL,
	"status" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crawl_failures_run_id_url_stage_pk" PRIMARY KEY("run_id","url","stage")
);
--> statement-breakpoint
CREATE TABLE "crawl_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outlet_id" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"feeds_read" integer DEFAULT 0 NOT NULL,
	"discovered" integer DEFAULT 0 NOT NULL,
	"fetched" integer DEFAULT 0 NOT NULL,
	"articles" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outlet_id" text NOT NULL,
	"url" text NOT NULL,
	"canonical_url" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"published_at" timestamp with time zone,
	"language" text,
	"text" text NOT NULL,
	"content_hash" text NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"analyzer_version" text,
	"analyzed_at" timestamp with time zone,
	CONSTRAINT "articles_canonicalUrl_unique" UNIQUE("canonical_url")
);
--> statement-breakpoint
CREATE TABLE "article_actors" (
	"article_id" uuid NOT NULL,
	"actor_id" text NOT NULL,
	"analyzer_version" text NOT NULL,
	"score" real NOT NULL,
	"label" text NOT NULL,
	"confidence" real NOT NULL,
	"mentions" integer NOT NULL,
	"frames" jsonb NOT NULL,
	CONSTRAINT "article_actors_article_id_actor_id_analyzer_version_pk" PRIMARY KEY("article_id","actor_id","analyzer_version")
);
--> statement-breakpoint
CREATE TABLE "attributions" (
	"article_id" uuid NOT NULL,
	"analyzer_version" text NOT NULL,
	"ordinal" integer NOT NULL,
	"source_text" text,
	"source_kind" text,
	"source_actor" text,
	"source_start" integer,
	"source_end" integer,
	"via_text" text,
	"via_kind" text,
	"cue" text NOT NULL,
	"cue_start" integer NOT NULL,
	"cue_end" integer NOT NULL,
	"content" text NOT NULL,
	"content_start" integer NOT NULL,
	"content_end" integer NOT NULL,
	"direct" boolean NOT NULL,
	"targets" jsonb NOT NULL,
	CONSTRAINT "attributions_article_id_analyzer_version_ordinal_pk" PRIMARY KEY("article_id","analyzer_version","ordinal")
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"article_id" uuid NOT NULL,
	"analyzer_version" text NOT NULL,
	"actor_id" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"score" real NOT NULL,
	"label" text NOT NULL,
	"confidence" real NOT NULL,
	"frames" jsonb NOT NULL,
	"sentence" text NOT NULL,
	"sentence_start" integer NOT NULL,
	"sentence_end" integer NOT NULL,
	"cues" jsonb NOT NULL,
	CONSTRAINT "mentions_article_id_analyzer_version_actor_id_start_pk" PRIMARY KEY("article_id","analyzer_version","actor_id","start")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"outlet_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"kind" text NOT NULL,
	"change_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"articles" jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"send_error" text,
	CONSTRAINT "alerts_ruleId_outletId_actorId_kind_changeAt_unique" UNIQUE("rule_id","outlet_id","actor_id","kind","change_at")
);
--> statement-breakpoint
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_failures" ADD CONSTRAINT "crawl_failures_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_outlet_id_outlets_id_fk" FOREIGN KEY ("outlet_id") REFERENCES "public"."outlets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_actors" ADD CONSTRAINT "article_actors_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_actors" ADD CONSTRAINT "article_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attributions" ADD CONSTRAINT "attributions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crawl_runs_outlet_id_started_at_index" ON "crawl_runs" USING btree ("outlet_id","started_at");--> statement-breakpoint
CREATE INDEX "articles_outlet_id_published_at_index" ON "articles" USING btree ("outlet_id","published_at");--> statement-breakpoint
CREATE INDEX "articles_content_hash_index" ON "articles" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "article_actors_actor_id_index" ON "article_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "mentions_actor_id_index" ON "mentions" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "alerts_outlet_id_actor_id_index" ON "alerts" USING btree ("outlet_id","actor_id");