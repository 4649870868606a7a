-- The 126 units of 1-7-2025 with Đề án 2025 population against a chosen ward threshold; one row per
-- unit. Communes (xã) have no threshold in the data: threshold is null for them. A ward formed from as
-- many old units as the law's waiver names (standards.waived_if_units_merged) is not held to it.
-- Columns: unit_code, unit_name, unit_type, population, area_km2, threshold, units_merged (old units or
-- pieces that formed it), waived (the threshold does not apply), ratio_to_threshold, over_threshold.
-- Parameters: $threshold (persons: one of the ward thresholds in standards).
with merged as (
    select to_code as unit_code, count(*) as units_merged,
    from crosswalk
    where from_snapshot = '2025-01' and to_snapshot = '2025-07'
    group by to_code
),
waiver as (
    select max(waived_if_units_merged) as waived_if_units_merged,
    from standards
    where unit_kind = 'phuong_moi' and measure = 'population' and min_value = $threshold::double
),
scored as (
    select
        u.unit_code,
        u.unit_name_short as unit_name,
        u.unit_type,
        u.population,
        u.area_km2,
        case when u.unit_type = 'phường' then $threshold::double end as threshold,
        m.units_merged,
        u.unit_type = 'phường' and coalesce(m.units_merged >= w.waived_if_units_merged, false) as waived,
    from units as u
    left join merged as m using (unit_code)
    cross join waiver as w
    where u.snapshot_id = '2025-07'
)
select
    *,
    case when unit_type = 'phường' then round(population / threshold, 3) end as ratio_to_threshold,
    case when unit_type = 'phường' then population > threshold end as over_threshold,
from scored
order by population desc
