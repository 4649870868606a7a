-- The reform timeline, one row per event in date order.
-- Columns: event_id, event_date, label_vi, label_en, source_id, locator, source_title. No parameters.
select e.*, s.title as source_title,
from events as e
join sources as s using (source_id)
order by e.event_date
