-- Staff per commune-level unit in the two-tier period: norms, plans, and per-unit averages derived
-- from city totals; one row per figure. Columns: metric_id, name_vi, name_en, value, qualifier,
-- fact_kind (norm / reported / derived), ref, source_id, formula. No parameters.
select s.*, m.name_vi, m.name_en,
from staffing_2025_per_unit as s
join metrics as m using (metric_id)
order by s.value
