-- Published staffing figures (reported and norms) for Hanoi, one row per fact, by period.
-- Columns: fact_id, period_id, metric_id, name_vi, name_en, value, unit, qualifier, fact_kind, scope_name,
-- as_of_start, as_of_end, source_id, reliability_rank, verified. No parameters.
select f.fact_id, f.period_id, f.metric_id, m.name_vi, m.name_en, f.value, f.unit, f.qualifier, f.fact_kind,
    f.scope_name, f.as_of_start, f.as_of_end, f.source_id, s.reliability_rank, f.verified,
from facts as f
join metrics as m using (metric_id)
join sources as s using (source_id)
left join periods as p using (period_id)
where m.topic = 'staffing' and (f.scope_level in ('ward', 'unit') or (f.scope_level = 'city' and f.scope_code = '01'))
order by p.sort_order nulls last, f.as_of_end nulls last, f.fact_id
