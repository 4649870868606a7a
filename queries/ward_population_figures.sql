-- Every population figure of a pilot ward (1-7-2021) that has one besides the 2019 census, and the
-- 2025 unit(s) the ward went into as a separate mark (a merged unit is not the ward: never joined into
-- one line, never apportioned); one row per (ward, figure).
-- Columns: ward_code, ward_name, district_code, district_name, mark (census | sourced | unit_2025),
-- basis (label of the figure's basis), value (persons), qualifier, fact_kind, as_of_start, as_of_end,
-- source_id, ref (fact or unit), verified, reliability_rank, unit_name (for unit_2025), relation
-- (whole | part, for unit_2025). Parameters: $districts (list of codes; empty = all).
with wards as (
    select unit_code as ward_code, unit_name_short as ward_name, district_code, district_name, population,
        population_basis, population_source_id,
    from units
    where snapshot_id = '2021-07' and is_pilot_ward
        and (len($districts) = 0 or list_contains($districts, district_code))
),
sourced as (
    select w.ward_code, f.value, f.qualifier, f.fact_kind, f.as_of_start, f.as_of_end, f.source_id,
        f.fact_id as ref, f.verified, s.reliability_rank, s.publisher as basis,
    from facts as f
    join wards as w on w.ward_code = f.scope_code
    join sources as s using (source_id)
    -- aggregator and blog copies (reliability rank 4) stay in the tables, not on the chart
    where f.metric_id = 'ward_population' and f.scope_level = 'ward' and s.reliability_rank <= 3
),
with_any as (
    select distinct ward_code from sourced
),
census as (
    select w.ward_code, w.population::double as value, '' as qualifier, 'census' as fact_kind,
        null::date as as_of_start, null::date as as_of_end, w.population_source_id as source_id,
        w.ward_code as ref, true as verified, 2 as reliability_rank, w.population_basis as basis,
    from wards as w
    join with_any using (ward_code)
    where w.population is not null
),
units_2025 as (
    -- the approved Đề án's figure: an official document's value, not a census
    select c.from_code as ward_code, u.population::double as value, '' as qualifier, 'reported' as fact_kind,
        null::date as as_of_start, null::date as as_of_end, u.population_source_id as source_id,
        u.unit_code as ref, true as verified, 2 as reliability_rank, u.population_basis as basis,
        u.unit_name, c.relation,
    from crosswalk as c
    join with_any as a on a.ward_code = c.from_code
    join units as u on u.snapshot_id = '2025-07' and u.unit_code = c.to_code
    where c.from_snapshot = '2021-07' and c.to_snapshot = '2025-07' and u.population is not null
),
marks as (
    select *, 'census' as mark, null as unit_name, null as relation, from census
    union all
    select *, 'sourced', null, null, from sourced
    union all
    select ward_code, value, qualifier, fact_kind, as_of_start, as_of_end, source_id, ref, verified,
        reliability_rank, basis, 'unit_2025', unit_name, relation,
    from units_2025
)
select w.ward_code, w.ward_name, w.district_code, w.district_name, m.mark, m.basis, m.value, m.qualifier,
    m.fact_kind, m.as_of_start, m.as_of_end, m.source_id, m.ref, m.verified, m.reliability_rank, m.unit_name,
    m.relation,
from marks as m
join wards as w using (ward_code)
order by w.district_name collate vi, w.ward_name collate vi, m.mark, m.value
