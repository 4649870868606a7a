-- Pilot ward → 2025 unit pieces, one row per piece, for the chosen districts and/or one ward or unit.
-- Columns: pilot_ward_code, pilot_ward_name, district_code, district_name, census_population,
-- unit_code, unit_name, unit_type, relation (whole/part), certainty (certain/possible).
-- Parameters: $districts (list; empty = all), $ward ('' = any), $unit ('' = any).
select
    c.from_code as pilot_ward_code,
    w.unit_name_short as pilot_ward_name,
    w.district_code,
    w.district_name,
    w.population as census_population,
    c.to_code as unit_code,
    u.unit_name,
    u.unit_type,
    c.relation,
    c.certainty,
from crosswalk as c
join units as w on w.snapshot_id = '2021-07' and w.unit_code = c.from_code
join units as u on u.snapshot_id = '2025-07' and u.unit_code = c.to_code
where c.from_snapshot = '2021-07' and c.to_snapshot = '2025-07'
    and (len($districts) = 0 or list_contains($districts, w.district_code))
    and ($ward = '' or c.from_code = $ward)
    and ($unit = '' or c.to_code = $unit)
order by w.district_name collate vi, w.unit_name_short collate vi, u.unit_name collate vi
