-- Period-over-period changes of comparable figures (one series, kind and exact scope); one row per pair.
-- Columns: metric_id, series_id, scale, fact_kind, scope_name, name_vi, name_en, unit, higher_is_better,
-- period_a, period_b, value_a, value_b, qualifier_a, qualifier_b, ref_a, ref_b, not_computed_reason
-- (method_break | bound), abs_change, pct_change (counts, ratios, amounts), pp_change (rates; unrounded).
-- Parameters: $periods (list; empty = all).
select c.metric_id, c.series_id, c.scale, c.fact_kind, c.scope_name, m.name_vi, m.name_en, m.unit,
    m.higher_is_better, c.period_a, c.period_b, c.value_a, c.value_b, c.qualifier_a, c.qualifier_b, c.ref_a,
    c.ref_b, c.not_computed_reason, c.abs_change, c.pct_change, c.pp_change,
from period_comparison as c
join metrics as m using (metric_id)
where c.scope_level = 'city' and c.scope_code = '01'
    and (len($periods) = 0 or (list_contains($periods, c.period_a) and list_contains($periods, c.period_b)))
order by m.topic, c.metric_id, c.period_a
