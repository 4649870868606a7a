-- Where figures for the same thing differ; one row per pair. kind: sources (two sources, same metric and
-- scope, overlapping dates) | census (the article against the 2019 census) | rate (stated against
-- computed) | change (stated against computed % change) | draft_vs_approved (April 2025 draft against
-- the approved Đề án) | press_vs_official_list | parts_vs_total (a source's parts against its total).
-- Columns: kind, metric_id, item, value_a, value_b, qualifier_a, qualifier_b, basis_a, basis_b, fact_a,
-- fact_b. No parameters.
select kind, metric_id, item, value_a, value_b, qualifier_a, qualifier_b, basis_a, basis_b, fact_a, fact_b,
from disagreements
order by kind, metric_id, fact_a
