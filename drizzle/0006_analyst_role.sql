-- The analysts' read-only role: it reads the v_* views and nothing else. Views run with their
-- owner's rights, so granting a view does not grant the tables under it (the article text stays
-- out of reach). No login: give people their own login role that is a member of this one
-- (`stancewatch roles --login NAME`). Roles belong to the whole server, so another database on it
-- may have created the role already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stancewatch_analyst') THEN
    CREATE ROLE stancewatch_analyst NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO stancewatch_analyst;
--> statement-breakpoint
GRANT SELECT ON
  v_article_stance, v_stance_daily, v_stance_weekly, v_stance_monthly, v_mentions,
  v_crawl_failures, v_alerts, v_frame_shares_daily, v_frame_shares_weekly, v_frame_shares_monthly,
  v_articles, v_attributions, v_sources, v_outlet_coverage, v_story_stance, v_story_stance_daily,
  v_story_stance_weekly, v_story_stance_monthly, v_actor_stance_daily, v_actor_stance_weekly,
  v_actor_stance_monthly
TO stancewatch_analyst;
