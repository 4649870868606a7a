-- Residents per civil servant for each pilot ward (2021-07) and each 2025 unit; one row per ward.
-- Estimates: the period's city average or norm stands in for the ward's own count.
-- Columns: snapshot_id, period_id, unit_code, unit_name, district_name, population, staff_per_unit,
-- staff_basis, staff_fact_id, population_per_staff. Parameters: $districts (list; empty = all;
-- 2025 units have no district and are kept only when no district is chosen).
select snapshot_id, period_id, unit_code, unit_name, district_name, population, staff_per_unit,
    staff_basis, staff_fact_id, population_per_staff,
from ward_staffing
where len($districts) = 0 or list_contains($districts, district_code)
order by snapshot_id, population_per_staff desc
