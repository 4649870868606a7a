-- Residents per civil servant for each pilot ward (2021-07) in each period with a per-ward staffing
-- figure; one row per (ward, period, staffing figure). Estimates: a city figure stands in for the
-- ward's own count; a lower bound on staff makes this an upper bound ("at most").
-- Columns: snapshot_id, period_id, unit_code, unit_name, district_name, population, staff_per_unit,
-- staff_metric_id, staff_kind, staff_qualifier, staff_fact_id, population_per_staff, qualifier.
-- Parameters: $districts (list; empty = all).
select snapshot_id, period_id, unit_code, unit_name, district_name, population, staff_per_unit,
    staff_metric_id, staff_kind, staff_qualifier, staff_fact_id, population_per_staff, qualifier,
from ward_staffing
where len($districts) = 0 or list_contains($districts, district_code)
order by snapshot_id, period_id, population_per_staff desc
