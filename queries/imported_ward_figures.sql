-- Figures users imported (kept apart from published facts), one row per imported figure, with the
-- source the importer cited. Columns: import_id, snapshot_id, unit_code, unit_name, district_name,
-- period_id, metric_id, name_vi, name_en, value, population, population_per_staff, as_of_start, as_of_end,
-- source_title, source_date, supplied_by. Parameters: $topics (list; empty = all), $districts (list; empty = all).
select import_id, snapshot_id, unit_code, unit_name, district_name, period_id, metric_id, name_vi, name_en, value,
    population, population_per_staff, as_of_start, as_of_end, source_title, source_date, supplied_by,
from imported_ward_figures
where (len($topics) = 0 or list_contains($topics, topic))
    and (len($districts) = 0 or list_contains($districts, district_code))
order by import_id, district_name collate vi, unit_name collate vi
