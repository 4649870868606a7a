-- Every metric's names, unit, series and scale; one row per metric.
-- Columns: metric_id, name_vi, name_en, unit, series_id, scale, higher_is_better. No parameters.
select metric_id, name_vi, name_en, unit, series_id, scale, higher_is_better,
from metrics
order by metric_id
