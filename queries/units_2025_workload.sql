-- The 126 units of 1-7-2025 with Đề án 2025 population against a chosen ward threshold;
-- one row per unit. Communes (xã) have no threshold in the data: threshold is null for them.
-- Columns: unit_code, unit_name, unit_type, population, area_km2, threshold, ratio_to_threshold, over_threshold.
-- Parameters: $threshold (persons; 45000 = 2025 arrangement, 21000 = from 1-1-2026).
select
    u.unit_code,
    u.unit_name_short as unit_name,
    u.unit_type,
    u.population,
    u.area_km2,
    case when u.unit_type = 'phường' then $threshold::double end as threshold,
    case when u.unit_type = 'phường' then round(u.population / $threshold::double, 3) end as ratio_to_threshold,
    case when u.unit_type = 'phường' then u.population > $threshold::double end as over_threshold,
from units as u
where u.snapshot_id = '2025-07'
order by u.population desc
