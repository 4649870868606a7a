-- The 13 districts of the pilot (12 quận + thị xã Sơn Tây), one row per district, Vietnamese order.
-- Columns: district_code, district_name, district_type, wards. No parameters.
select district_code, district_name, any_value(district_type) as district_type, count(*) as wards,
from units
where snapshot_id = '2021-07' and is_pilot_ward
group by all
order by district_name collate vi
