CREATE TABLE "frame_rollups" (
	"grain" text NOT NULL,
	"actor_id" text NOT NULL,
	"outlet_id" text NOT NULL,
	"period" date NOT NULL,
	"frame" text NOT NULL,
	"articles" integer NOT NULL,
	"frame_mentions" numeric NOT NULL,
	CONSTRAINT "frame_rollups_grain_actor_id_outlet_id_period_frame_pk" PRIMARY KEY("grain","actor_id","outlet_id","period","frame")
);
--> statement-breakpoint
CREATE TABLE "stance_rollups" (
	"grain" text NOT NULL,
	"actor_id" text NOT NULL,
	"outlet_id" text NOT NULL,
	"period" date NOT NULL,
	"articles" integer NOT NULL,
	"mentions" integer NOT NULL,
	"sum_score" numeric NOT NULL,
	"sum_sq_score" numeric NOT NULL,
	"positive" integer NOT NULL,
	"neutral" integer NOT NULL,
	"negative" integer NOT NULL,
	"mean_stance" double precision GENERATED ALWAYS AS (CASE WHEN articles > 0 THEN round(sum_score / articles, 4)::float8 END) STORED,
	"ci_low" double precision GENERATED ALWAYS AS (CASE WHEN articles > 1 THEN round(greatest(-1, sum_score / articles - 1.96 * sqrt(greatest(0, (sum_sq_score - sum_score * sum_score / articles) / (articles - 1))) / sqrt(articles::numeric)), 4)::float8 END) STORED,
	"ci_high" double precision GENERATED ALWAYS AS (CASE WHEN articles > 1 THEN round(least(1, sum_score / articles + 1.96 * sqrt(greatest(0, (sum_sq_score - sum_score * sum_score / articles) / (articles - 1))) / sqrt(articles::numeric)), 4)::float8 END) STORED,
	CONSTRAINT "stance_rollups_grain_actor_id_outlet_id_period_pk" PRIMARY KEY("grain","actor_id","outlet_id","period")
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "cluster_id" text;--> statement-breakpoint
CREATE INDEX "stance_rollups_grain_outlet_id_period_index" ON "stance_rollups" USING btree ("grain","outlet_id","period");--> statement-breakpoint
CREATE INDEX "articles_cluster_id_index" ON "articles" USING btree ("cluster_id");