ALTER TABLE "feeds" ADD COLUMN "kind" text DEFAULT 'feed' NOT NULL;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_status" integer;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_run_id" uuid;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feeds" ADD COLUMN "last_new_articles_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "poll_interval_ms" integer;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "last_crawl_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outlets" ADD COLUMN "last_new_articles_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "quality_flags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "analysis_skipped_reason" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "simhash" bigint;