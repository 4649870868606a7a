-- Each district's place among the 13 on census workload measures; one row per district.
-- Columns: district_code, district_name, wards, population_total, population_mean, population_max, standard,
-- wards_over_standard, rank_mean, rank_max, rank_over. No parameters.
select district_code, district_name, wards, population_total, population_mean, population_max, standard,
    wards_over_standard,
    rank() over (order by population_mean desc) as rank_mean,
    rank() over (order by population_max desc) as rank_max,
    rank() over (order by wards_over_standard desc) as rank_over,
from district_workload
order by district_name collate vi
