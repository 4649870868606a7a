-- Staff per ward or unit in each period, with the figure used; one row per period.
-- Columns: period_id, name_vi, name_en, staff_per_unit, basis, fact_id, qualifier, source_id, excerpt.
-- No parameters.
select s.*, p.name_vi, p.name_en, f.source_id, f.excerpt,
from staffing_by_period as s
join periods as p using (period_id)
join facts as f using (fact_id)
order by p.sort_order
