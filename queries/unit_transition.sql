-- 2025 units against the pilot wards that formed them, one row per 2025 unit that took in a pilot ward.
-- Columns: unit_code, unit_name, unit_type, population_2025, pilot_wards_whole, pilot_wards_part,
-- census_population_whole_wards, pilot_ward_names. Parameters: $units (list of 2025 codes; empty = all).
select * from unit_transition
where pilot_wards_whole + pilot_wards_part > 0
    and (len($units) = 0 or list_contains($units, unit_code))
order by population_2025 desc
