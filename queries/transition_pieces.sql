-- Pilot ward → 2025 unit pieces, one row per piece, for the chosen districts and/or one ward or unit.
-- Columns: pilot_ward_code, pilot_ward_name, district_code, district_name, census_population,
-- unit_code, unit_name, unit_type, relation (whole/part), certainty (certain/possible).
-- Parameters: $districts (list; empty = all), $ward ('' = any), $unit ('' = any).
select *
from transition_pieces
where (len($districts) = 0 or list_contains($districts, district_code))
    and ($ward = '' or pilot_ward_code = $ward)
    and ($unit = '' or unit_code = $unit)
order by district_name collate vi, pilot_ward_name collate vi, unit_name collate vi
