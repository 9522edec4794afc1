-- The planner's statistics of customers are refreshed after 1% of the table (plus 1,000 rows) has changed, not
-- autovacuum's default 10%: at a million customers, a partner who creates 50,000 through the API would otherwise stay
-- "one customer" to the planner, which then reads all of them for each line of their next import (docs/bulk-jobs.md).
ALTER TABLE customers SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 1000);
