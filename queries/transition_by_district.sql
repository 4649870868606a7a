-- Per 2021 district: how many pilot wards it had and into how many 2025 units they went, one row per
-- district in Vietnamese order. Columns: district_code, district_name, pilot_wards, units_2025,
-- whole_pieces, part_pieces (a ward split between units counts once per unit it went into).
-- Parameters: $districts (list; empty = all).
select
    district_code,
    district_name,
    count(distinct pilot_ward_code) as pilot_wards,
    count(distinct unit_code) as units_2025,
    count(*) filter (where relation = 'whole') as whole_pieces,
    count(*) filter (where relation = 'part') as part_pieces,
from transition_pieces
where len($districts) = 0 or list_contains($districts, district_code)
group by district_code, district_name
order by district_name collate vi
