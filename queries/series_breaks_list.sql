-- Method breaks of the series, one row per break. Columns: series_id, break_on, note_vi, note_en,
-- source_id. No parameters.
select series_id, break_on, note_vi, note_en, source_id,
from series_breaks
order by series_id, break_on
