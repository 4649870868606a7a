-- Published figures about one district, one row per fact.
-- Columns: fact_id, period_id, metric_id, name_vi, name_en, value, unit, qualifier, as_of_start, as_of_end,
-- source_id, excerpt. Parameters: $district (district code).
select f.fact_id, f.period_id, f.metric_id, m.name_vi, m.name_en, f.value, f.unit, f.qualifier, f.as_of_start,
    f.as_of_end, f.source_id, f.excerpt,
from facts as f
join metrics as m using (metric_id)
where f.scope_level = 'district' and f.scope_code = $district
order by f.as_of_start nulls last
