ALTER TABLE "partners" ADD COLUMN "liaison_id" uuid;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "activated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "last_contribution_at" timestamp with time zone;