-- Per-district aggregates of pilot-ward census population; one row per district, Vietnamese order.
-- Columns: district_code, district_name, wards, population_total, population_mean, population_median,
-- population_max, wards_over_30000, wards_under_standard, wards_over_standard, standard.
-- Parameters: $districts (list; empty = all).
select * exclude (snapshot_id),
from district_workload
where len($districts) = 0 or list_contains($districts, district_code)
order by district_name collate vi
