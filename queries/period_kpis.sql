-- Headline figures per period for the overview cards; one row per (metric, period) with a figure.
-- Columns: metric_id, name_vi, name_en, unit, period_id, value, qualifier, source_id, ref, as_of_start,
-- as_of_end, ord. Parameters: $periods (list of period ids; empty = all).
select * exclude (sort_order),
from period_headlines
where len($periods) = 0 or list_contains($periods, period_id)
order by ord, sort_order
