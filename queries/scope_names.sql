-- Each scope a figure names, in both languages; one row per scope name as the data writes it.
-- Columns: scope_name, name_vi, name_en. No parameters.
select scope_name, name_vi, name_en,
from scope_names
order by scope_name
