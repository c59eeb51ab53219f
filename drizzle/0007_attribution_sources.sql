CREATE TABLE "attribution_targets" (
	"article_id" uuid NOT NULL,
	"analyzer_version" text NOT NULL,
	"ordinal" integer NOT NULL,
	"actor_id" text NOT NULL,
	"score" real NOT NULL,
	"label" text NOT NULL,
	"source_key" text,
	CONSTRAINT "attribution_targets_article_id_analyzer_version_ordinal_actor_id_pk" PRIMARY KEY("article_id","analyzer_version","ordinal","actor_id")
);
--> statement-breakpoint
CREATE TABLE "source_aliases" (
	"alias" text NOT NULL,
	"source_key" text NOT NULL,
	CONSTRAINT "source_aliases_alias_source_key_pk" PRIMARY KEY("alias","source_key")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"actor_id" text,
	"surname" text,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attributions" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "attributions" ADD COLUMN "source_name" text;--> statement-breakpoint
ALTER TABLE "attributions" ADD COLUMN "via_key" text;--> statement-breakpoint
ALTER TABLE "attribution_targets" ADD CONSTRAINT "attribution_targets_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribution_targets" ADD CONSTRAINT "attribution_targets_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_aliases" ADD CONSTRAINT "source_aliases_source_key_sources_key_fk" FOREIGN KEY ("source_key") REFERENCES "public"."sources"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attribution_targets_actor_id_label_index" ON "attribution_targets" USING btree ("actor_id","label");--> statement-breakpoint
CREATE INDEX "attribution_targets_source_key_index" ON "attribution_targets" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "source_aliases_source_key_index" ON "source_aliases" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "sources_surname_index" ON "sources" USING btree ("surname");--> statement-breakpoint
CREATE INDEX "sources_actor_id_index" ON "sources" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "attributions_source_key_index" ON "attributions" USING btree ("source_key");