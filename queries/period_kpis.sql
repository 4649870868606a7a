-- Headline figures per period for the overview; one row per (metric, period) with a figure.
-- Columns: metric_id, name_vi, name_en, unit, scale, period_id, value, qualifier, fact_kind, scope_name,
-- source_id, ref, formula (derived figures), as_of_start, as_of_end, ord, linked (comparable with the
-- previous period's figure). Parameters: $periods (list of period ids; empty = all).
select * exclude (sort_order),
from period_headlines
where len($periods) = 0 or list_contains($periods, period_id)
order by ord, sort_order
