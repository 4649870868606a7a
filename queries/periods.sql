-- The three periods, one row per period in time order.
-- Columns: period_id, name_vi, name_en, starts_on, ends_on, colour. No parameters.
select period_id, name_vi, name_en, starts_on, ends_on, colour,
from periods
order by sort_order
