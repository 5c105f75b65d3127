-- Issue 11 · 案号 per agency, action type and year (罚、强、检… each from 1).
-- The old unique key (agency, year, seq) held one sequence for all kinds.
ALTER TABLE cases DROP CONSTRAINT cases_agency_id_number_year_number_seq_key;
ALTER TABLE cases ADD CONSTRAINT cases_agency_type_year_seq_key UNIQUE (agency_id, action_type, number_year, number_seq);

-- Counters of the new scopes start after the highest number already given,
-- so no case number is given twice (the old shared series keeps its gaps).
INSERT INTO number_counters (scope, last)
SELECT 'case:' || agency_id || ':' || action_type || ':' || number_year, max(number_seq)
FROM cases
GROUP BY agency_id, action_type, number_year
ON CONFLICT (scope) DO UPDATE SET last = GREATEST(number_counters.last, EXCLUDED.last);
