-- Civil servants per ward in each period, one row per (period, figure): the before-pilot headcount
-- (derived lower bound) and the pilot staffing quota are separate series with their kinds.
-- Columns: period_id, period_name_vi, period_name_en, metric_id, name_vi, name_en (the metric), series_id,
-- fact_kind, staff_per_unit (persons/ward), qualifier, fact_id, source_id, basis (scope or formula).
-- No parameters.
select s.period_id, p.name_vi as period_name_vi, p.name_en as period_name_en, s.metric_id, m.name_vi, m.name_en,
    s.series_id, s.fact_kind, s.staff_per_unit, s.qualifier, s.fact_id, s.source_id, s.basis,
from staffing_by_period as s
join periods as p using (period_id)
join metrics as m using (metric_id)
order by p.sort_order, s.series_id
