-- The counts, standards and dates the interface text quotes, from the data (never typed into the text);
-- one row. Columns: pilot_wards, pilot_districts, units_2025 (counts from the official unit lists),
-- std_quan, std_thi_xa (population standards of 1-7-2021 for wards of a quận / a thị xã, persons),
-- before_ends, pilot_starts, two_tier_starts (period dates), before_year_start, before_year_end,
-- pilot_year_start, pilot_year_end (the dates of the ward reception counts compared). No parameters.
with pilot as (
    select count(*) as pilot_wards, count(distinct district_code) as pilot_districts,
    from units
    where snapshot_id = '2021-07' and is_pilot_ward
),
units_2025 as (
    select count(*) as units_2025, from units where snapshot_id = '2025-07'
),
standards_2021 as (
    select
        max(st.min_value) filter (where st.unit_kind = 'phuong_quan') as std_quan,
        max(st.min_value) filter (where st.unit_kind = 'phuong_thi_xa') as std_thi_xa,
    from standards as st
    join snapshots as s on s.snapshot_id = '2021-07'
    where st.measure = 'population'
        and s.snapshot_date between st.valid_from and coalesce(st.valid_to, date '9999-12-31')
),
dates as (
    select
        max(ends_on) filter (where period_id = 'before_pilot') as before_ends,
        max(starts_on) filter (where period_id = 'pilot') as pilot_starts,
        max(starts_on) filter (where period_id = 'two_tier') as two_tier_starts,
    from periods
),
petition_years as (
    select
        min(as_of_start) filter (where period_id = 'before_pilot') as before_year_start,
        max(as_of_end) filter (where period_id = 'before_pilot') as before_year_end,
        min(as_of_start) filter (where period_id = 'pilot') as pilot_year_start,
        max(as_of_end) filter (where period_id = 'pilot') as pilot_year_end,
    from facts
    where metric_id = 'ward_citizen_receptions' and scope_level = 'city' and period_basis = 'dates'
)
select * from pilot, units_2025, standards_2021, dates, petition_years
