-- An account whose own credit (unapplied cash, credit notes on account) covers its overdue
-- amount is on the worklist to have the credit applied, not to be sent a letter.
ALTER TABLE "account_work" DROP CONSTRAINT "account_work_kind";
ALTER TABLE "account_work" ADD CONSTRAINT "account_work_kind" CHECK ("work_kind" IN ('letter', 'handoff', 'credit', 'dispute', 'tracking'));
