-- How many published figures each metric has in each period; one row per (topic, metric, period).
-- Columns: topic, metric_id, name_vi, name_en, period_id (null = undated or spanning), facts. No parameters.
select * from fact_coverage
order by topic, metric_id, period_id
