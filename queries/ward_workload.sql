-- Pilot wards of 1-7-2021 with 2019 census population against their standard; one row per ward.
-- Columns: unit_code, unit_name, district_code, district_name, population, standard, standard_basis,
-- ratio_to_standard, over_standard, is_town_ward. Parameters: $districts (list of codes; empty = all).
select unit_code, unit_name, district_code, district_name, population, standard, standard_basis,
    ratio_to_standard, over_standard, standard_kind = 'phuong_thi_xa' as is_town_ward,
from ward_workload
where snapshot_id = '2021-07'
    and (len($districts) = 0 or list_contains($districts, district_code))
order by population desc, unit_name collate vi
