-- Published figures of some topics for one scope level, one row per fact.
-- Columns: fact_id, period_id, metric_id, name_vi, name_en, series_id, value, unit, qualifier, fact_kind,
-- scope_name, as_of_start, as_of_end, source_id, locator, excerpt, reliability_rank, verified.
-- Parameters: $topics (list of topics), $period (period id, or '' for any), $scope_level.
select f.fact_id, f.period_id, f.metric_id, m.name_vi, m.name_en, m.series_id, f.value, f.unit, f.qualifier,
    f.fact_kind, f.scope_name, f.as_of_start, f.as_of_end, f.source_id, f.locator, f.excerpt, s.reliability_rank,
    f.verified,
from facts as f
join metrics as m using (metric_id)
join sources as s using (source_id)
where list_contains($topics, m.topic)
    and ($period = '' or f.period_id = $period)
    and f.scope_level = $scope_level
    and (f.scope_level <> 'city' or f.scope_code = '01')
order by m.topic, f.as_of_start nulls last, f.fact_id
