-- Period-over-period changes for comparable figures; one row per (metric, scope, period pair).
-- Columns: metric_id, name_vi, name_en, unit, period_a, period_b, value_a, value_b, abs_change,
-- pct_change, pp_change (rates only), ref_a, ref_b. Parameters: $periods (list; empty = all).
select c.*, m.name_vi, m.name_en, m.unit,
from period_comparison as c
join metrics as m using (metric_id)
where c.scope_level = 'city' and c.scope_code = '01'
    and (len($periods) = 0 or (list_contains($periods, c.period_a) and list_contains($periods, c.period_b)))
order by m.topic, c.metric_id, c.period_a
