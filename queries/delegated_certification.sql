-- Shares of certifications signed by the delegated justice officer in the pilot; one row per figure.
-- Columns: fact_id, metric_id, name_vi, name_en, value, unit, source_id, locator, excerpt. No parameters.
select f.fact_id, f.metric_id, m.name_vi, m.name_en, f.value, f.unit, f.source_id, f.locator, f.excerpt,
from facts as f
join metrics as m using (metric_id)
where m.series_id = 'delegation' and f.period_id = 'pilot' and f.scope_code = '01'
order by f.metric_id
