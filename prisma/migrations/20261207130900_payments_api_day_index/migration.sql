-- "Payments known up to" falls back to the newest payment the API recorded. Its
-- max(created_at) over every payment was a sequential scan of the whole table on each
-- worklist, Today and dashboard view (about 200 ms at 876,651 payments); this partial
-- index answers it from one index entry.
CREATE INDEX "payments_org_id_created_at_api_idx" ON "payments" ("org_id", "created_at") WHERE "source" = 'api';
