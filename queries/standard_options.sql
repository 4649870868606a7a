-- The what-if population standards the Workload slider offers: a 1,000-person grid from the lowest
-- ward standard in the data to a third above the highest; one row per option (persons).
-- Columns: standard. No parameters.
with bounds as (
    select min(min_value) as lo, max(min_value) as hi,
    from standards
    where measure = 'population'
)
select s.standard::integer as standard,
from bounds, range(lo::bigint, (hi * 4 / 3)::bigint + 1, 1000) as s (standard)
order by standard
