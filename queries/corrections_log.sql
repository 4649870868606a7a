-- Figures corrected after they were first published here, for anyone who quoted the old value; one row
-- per corrected field. Columns: corrected_on, fact_id, metric_id, name_vi, name_en, field, old_value,
-- new_value, reason. No parameters.
select c.corrected_on, c.fact_id, f.metric_id, m.name_vi, m.name_en, c.field, c.old_value, c.new_value, c.reason,
from corrections as c
left join facts as f using (fact_id)
left join metrics as m on m.metric_id = f.metric_id
order by c.corrected_on desc, c.fact_id, c.field
