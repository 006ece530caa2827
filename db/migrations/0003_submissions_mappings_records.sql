CREATE TYPE "public"."submission_status" AS ENUM('received', 'profiling', 'profiled', 'harmonizing', 'harmonized', 'failed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."mapping_status" AS ENUM('draft', 'in_review', 'changes_requested', 'approved', 'superseded');--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" "submission_status" DEFAULT 'received' NOT NULL,
	"original_name" text NOT NULL,
	"format" text,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"duplicate_of" uuid,
	"blob_key" text,
	"uploaded_by" uuid,
	"profile" jsonb,
	"failure_reason" text,
	"failure_details" jsonb,
	"mapping_version_id" uuid,
	"record_count" integer,
	"harmonization_report" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"profiled_at" timestamp with time zone,
	"harmonized_at" timestamp with time zone,
	"raw_deleted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_version_id" uuid NOT NULL,
	"variable" text,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "mapping_status" DEFAULT 'draft' NOT NULL,
	"standard_id" text NOT NULL,
	"spec" jsonb NOT NULL,
	"based_on_submission_id" uuid,
	"copied_from_id" uuid,
	"author_id" uuid,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"year_of_registration" smallint,
	"datasource" text,
	"gender" text,
	"age_broad" text,
	"majority_status" text,
	"majority_status_at_exploit" text,
	"majority_entry" text,
	"citizenship" text,
	"means_of_control_debt_bondage" smallint,
	"means_of_control_takes_earnings" smallint,
	"means_of_control_restricts_financial_access" smallint,
	"means_of_control_threats" smallint,
	"means_of_control_psychological_abuse" smallint,
	"means_of_control_physical_abuse" smallint,
	"means_of_control_sexual_abuse" smallint,
	"means_of_control_false_promises" smallint,
	"means_of_control_psychoactive_substances" smallint,
	"means_of_control_restricts_movement" smallint,
	"means_of_control_restricts_medical_care" smallint,
	"means_of_control_excessive_working_hours" smallint,
	"means_of_control_uses_children" smallint,
	"means_of_control_threat_of_law_enforcement" smallint,
	"means_of_control_withholds_necessities" smallint,
	"means_of_control_withholds_documents" smallint,
	"means_of_control_other" smallint,
	"means_of_control_not_specified" smallint,
	"means_of_control_concatenated" text,
	"is_forced_labour" smallint,
	"is_sexual_exploit" smallint,
	"is_other_exploit" smallint,
	"is_sex_and_labour" smallint,
	"is_forced_marriage" smallint,
	"is_forced_military" smallint,
	"is_organ_removal" smallint,
	"is_slavery_and_practices" smallint,
	"type_of_exploit_concatenated" text,
	"type_of_labour_agriculture" smallint,
	"type_of_labour_aquafarming" smallint,
	"type_of_labour_begging" smallint,
	"type_of_labour_construction" smallint,
	"type_of_labour_domestic_work" smallint,
	"type_of_labour_hospitality" smallint,
	"type_of_labour_illicit_activities" smallint,
	"type_of_labour_manufacturing" smallint,
	"type_of_labour_mining_or_drilling" smallint,
	"type_of_labour_peddling" smallint,
	"type_of_labour_transportation" smallint,
	"type_of_labour_other" smallint,
	"type_of_labour_not_specified" smallint,
	"type_of_labour_concatenated" text,
	"type_of_sex_prostitution" smallint,
	"type_of_sex_pornography" smallint,
	"type_of_sex_remote_interactive_services" smallint,
	"type_of_sex_private_sexual_services" smallint,
	"type_of_sex_concatenated" text,
	"is_abduction" smallint,
	"recruiter_relationship" text,
	"country_of_exploitation" text,
	"recruiter_relation_intimate_partner" smallint,
	"recruiter_relation_friend" smallint,
	"recruiter_relation_family" smallint,
	"recruiter_relation_other" smallint,
	"recruiter_relation_unknown" smallint
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_comments" ADD CONSTRAINT "mapping_comments_mapping_version_id_mapping_versions_id_fk" FOREIGN KEY ("mapping_version_id") REFERENCES "public"."mapping_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_comments" ADD CONSTRAINT "mapping_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_versions" ADD CONSTRAINT "mapping_versions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_versions" ADD CONSTRAINT "mapping_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_versions" ADD CONSTRAINT "mapping_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_versions" ADD CONSTRAINT "mapping_versions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_records" ADD CONSTRAINT "standard_records_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_records" ADD CONSTRAINT "standard_records_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_partner_idx" ON "submissions" USING btree ("partner_id","received_at");--> statement-breakpoint
CREATE INDEX "submissions_status_idx" ON "submissions" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "submissions_sha_idx" ON "submissions" USING btree ("partner_id","sha256");--> statement-breakpoint
CREATE INDEX "mapping_comments_version_idx" ON "mapping_comments" USING btree ("mapping_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_versions_partner_version" ON "mapping_versions" USING btree ("partner_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_versions_one_approved" ON "mapping_versions" USING btree ("partner_id") WHERE "mapping_versions"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "standard_records_submission_idx" ON "standard_records" USING btree ("submission_id","id");--> statement-breakpoint
CREATE INDEX "standard_records_partner_idx" ON "standard_records" USING btree ("partner_id");