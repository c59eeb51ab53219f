ALTER TABLE "alerts" ADD COLUMN "sending_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "send_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "sent_via" text;--> statement-breakpoint
CREATE INDEX "alerts_detected_at_index" ON "alerts" USING btree ("detected_at");