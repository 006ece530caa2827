CREATE TYPE "public"."artifact_kind" AS ENUM('microdata_csv', 'codebook_csv', 'codebook_pdf', 'report_pdf', 'manifest');--> statement-breakpoint
CREATE TYPE "public"."release_status" AS ENUM('draft', 'anonymizing', 'in_review', 'approved', 'publishing', 'published', 'retracted');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."signoff_decision" AS ENUM('approve', 'reject');--> statement-breakpoint
CREATE TYPE "public"."signoff_role" AS ENUM('privacy_officer', 'release_manager');--> statement-breakpoint
CREATE TYPE "public"."anonymization_run_status" AS ENUM('queued', 'running', 'completed', 'approved', 'rejected', 'failed');--> statement-breakpoint
CREATE TABLE "release_artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"kind" "artifact_kind" NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_signoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"role" "signoff_role" NOT NULL,
	"decision" "signoff_decision" NOT NULL,
	"user_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_submissions" (
	"release_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "release_submissions_release_id_submission_id_pk" PRIMARY KEY("release_id","submission_id")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"standard_id" text NOT NULL,
	"status" "release_status" DEFAULT 'draft' NOT NULL,
	"composed_by" uuid,
	"approved_run_id" uuid,
	"signoff_round" integer DEFAULT 1 NOT NULL,
	"citation" text,
	"published_at" timestamp with time zone,
	"retracted_at" timestamp with time zone,
	"retraction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"partner_id" uuid,
	"period_start" text,
	"period_end" text,
	"status" "report_status" DEFAULT 'queued' NOT NULL,
	"requested_by" uuid,
	"filename" text,
	"size" bigint,
	"sha256" text,
	"storage_key" text,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "anonymization_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"description" text,
	"policy" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anonymization_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"status" "anonymization_run_status" DEFAULT 'queued' NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_snapshot" jsonb NOT NULL,
	"started_by" uuid,
	"decided_by" uuid,
	"decision_reason" text,
	"measures" jsonb,
	"differencing" jsonb,
	"differencing_override_reason" text,
	"differencing_override_by" uuid,
	"output_key" text,
	"output_sha256" text,
	"output_rows" bigint,
	"class_counts_key" text,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_artifacts" ADD CONSTRAINT "release_artifacts_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_signoffs" ADD CONSTRAINT "release_signoffs_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_signoffs" ADD CONSTRAINT "release_signoffs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_submissions" ADD CONSTRAINT "release_submissions_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_submissions" ADD CONSTRAINT "release_submissions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_composed_by_users_id_fk" FOREIGN KEY ("composed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_policies" ADD CONSTRAINT "anonymization_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_runs" ADD CONSTRAINT "anonymization_runs_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_runs" ADD CONSTRAINT "anonymization_runs_policy_id_anonymization_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."anonymization_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_runs" ADD CONSTRAINT "anonymization_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_runs" ADD CONSTRAINT "anonymization_runs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anonymization_runs" ADD CONSTRAINT "anonymization_runs_differencing_override_by_users_id_fk" FOREIGN KEY ("differencing_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "release_artifacts_release_kind" ON "release_artifacts" USING btree ("release_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "release_signoffs_one_per_role" ON "release_signoffs" USING btree ("release_id","round","role") WHERE "release_signoffs"."decision" = 'approve';--> statement-breakpoint
CREATE INDEX "release_signoffs_release_idx" ON "release_signoffs" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "reports_partner_idx" ON "reports" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "anonymization_policies_name_version" ON "anonymization_policies" USING btree ("name","version");--> statement-breakpoint
CREATE INDEX "anonymization_runs_release_idx" ON "anonymization_runs" USING btree ("release_id","created_at");