-- How many published figures each metric has in each period, and how many are undated or span two
-- periods (never dropped); one row per (topic, metric, period or basis, kind).
-- Columns: topic, metric_id, name_vi, name_en, series_id, period_or_basis (before_pilot | pilot |
-- two_tier | spanning | undated), fact_kind, facts. No parameters.
select topic, metric_id, name_vi, name_en, series_id, period_or_basis, fact_kind, facts,
from fact_coverage
order by topic, metric_id, period_or_basis, fact_kind
