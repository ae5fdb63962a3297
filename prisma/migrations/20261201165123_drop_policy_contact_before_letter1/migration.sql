-- The first-letter rule (a logged reminder or call before letter 1) lives in law_settings.contact_before_letter1
-- (/settings/law, lib/law/check-letter.ts); the letters branch had added a second copy on the policy.
-- AlterTable
ALTER TABLE "collection_policies" DROP COLUMN "require_contact_before_letter1";
