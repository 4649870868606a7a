-- The public SQL interface. Every derived figure is computed here, in SQL, from the loaded tables;
-- nothing derived is typed in. Like dbt marts, the derived relations are materialized as tables when
-- the database is built (the file is rebuilt whenever data/ changes), so every read is a lookup.

-- one row per unit and snapshot (2021-07: all 579 units; 2025-01: 526; 2025-07: 126)
create table units as
with units_2021_07 as (
    select distinct
        '2021-07' as snapshot_id,
        c.old_code as unit_code,
        c.old_name as unit_name,
        lower(c.old_type) as unit_type,
        c.old_district_code as district_code,
        regexp_replace(c.old_district, '^(Quận|Huyện|Thị xã) ', '') as district_name,
        lower(regexp_extract(c.old_district, '^(Quận|Huyện|Thị xã)')) as district_type,
        c.pilot_ward as is_pilot_ward,
        p.population_2019 as population,
        case
            when p.population_note is not null then 'Tổng điều tra 2019, cộng lại theo địa giới 2020'
            when p.population_2019 is not null then 'Tổng điều tra 2019 (1-4-2019)'
        end as population_basis,
        case when p.population_2019 is not null then 'census-2019' end as population_source_id,
        p.area_km2_official as area_km2,
        coalesce(p.ward_name, regexp_replace(c.old_name, '^(Phường|Xã|Thị trấn) ', '')) as unit_name_short,
    from stg_crosswalk_2021_07_2025_01 as c
    left join stg_pilot_wards_2021 as p on p.ward_code = c.old_code
),
units_2025_01 as (
    select distinct
        '2025-01' as snapshot_id,
        old_unit_code as unit_code,
        old_unit_name as unit_name,
        lower(old_unit_type) as unit_type,
        old_district_code as district_code,
        regexp_replace(old_district_name, '^(Quận|Huyện|Thị xã) ', '') as district_name,
        lower(regexp_extract(old_district_name, '^(Quận|Huyện|Thị xã)')) as district_type,
        -- the pilot ran to 30-6-2025 in every ward of the quận and of Sơn Tây
        old_unit_type = 'Phường' as is_pilot_ward,
        null::integer as population,
        null::varchar as population_basis,
        null::varchar as population_source_id,
        null::double as area_km2,
        regexp_replace(old_unit_name, '^(Phường|Xã|Thị trấn) ', '') as unit_name_short,
    from stg_merge_2025_01_2025_07
),
units_2025_07 as (
    select
        '2025-07' as snapshot_id,
        unit_code,
        unit_name,
        unit_type,
        null::varchar as district_code,
        null::varchar as district_name,
        null::varchar as district_type,
        false as is_pilot_ward,
        population,
        case when population is not null then 'Đề án 2025' end as population_basis,
        case when population is not null then 'hn-dean-2025' end as population_source_id,
        area_km2,
        regexp_replace(unit_name, '^(Phường|Xã) ', '') as unit_name_short,
    from stg_units_2025_07
),
all_units as (
    select * from units_2021_07
    union all
    select * from units_2025_01
    union all
    select * from units_2025_07
)
select * from all_units;

create table snapshots as
select * from (
    values
        ('2021-07', date '2021-07-01', 'pilot', 'Danh mục ĐVHC 01/07/2021', 'gso-units-2021-07'),
        ('2025-01', date '2025-01-01', 'pilot', 'Danh mục ĐVHC 04/01/2025', 'gso-units-2025-01'),
        ('2025-07', date '2025-07-01', 'two_tier', 'NQ 1656/NQ-UBTVQH15', 'nq-1656-2025')
) as s (snapshot_id, snapshot_date, period_id, label, source_id);

-- one row per (from unit, to unit) piece of each step
create table crosswalk as
with step_2021_2025_01 as (
    select
        '2021-07' as from_snapshot,
        old_code as from_code,
        '2025-01' as to_snapshot,
        new_code as to_code,
        relation,
        certainty,
    from stg_crosswalk_2021_07_2025_01
),
step_2025_01_2025_07 as (
    select
        '2025-01' as from_snapshot,
        old_unit_code as from_code,
        '2025-07' as to_snapshot,
        new_unit_code as to_code,
        case when partial then 'part' else 'whole' end as relation,
        'official' as certainty,
    from stg_merge_2025_01_2025_07
),
composed_pilot_wards as (
    select
        '2021-07' as from_snapshot,
        pilot_ward_code as from_code,
        '2025-07' as to_snapshot,
        unit_2025_code as to_code,
        whole_or_part as relation,
        overlap as certainty,
    from stg_pilot_wards_to_2025_07
)
select * from step_2021_2025_01
union all
select * from step_2025_01_2025_07
union all
select * from composed_pilot_wards;

-- the population standard in force for each unit on its snapshot date
create table unit_standard as
with unit_kinds as (
    select
        u.*,
        s.snapshot_date,
        case
            when u.unit_type <> 'phường' then null
            when u.snapshot_id = '2025-07' then 'phuong_moi'
            when u.district_type = 'quận' then 'phuong_quan'
            when u.district_type = 'thị xã' then 'phuong_thi_xa'
        end as unit_kind,
    from units as u
    join snapshots as s using (snapshot_id)
),
with_standard as (
    select
        k.*,
        st.min_value as standard,
        st.legal_basis as standard_basis,
        st.standard_id,
    from unit_kinds as k
    left join standards as st
        on st.unit_kind = k.unit_kind
        and st.measure = 'population'
        and k.snapshot_date between st.valid_from and coalesce(st.valid_to, date '9999-12-31')
)
select * from with_standard;

-- one row per ward (2021-07 pilot wards; 2025-07 units) with population against its standard
create table ward_workload as
with scored as (
    select
        snapshot_id,
        unit_code,
        unit_name_short as unit_name,
        unit_type,
        district_code,
        district_name,
        population,
        population_basis,
        standard,
        standard_basis,
        round(population / standard, 3) as ratio_to_standard,
        population > standard as over_standard,
    from unit_standard
    where (snapshot_id = '2021-07' and is_pilot_ward) or snapshot_id = '2025-07'
)
select * from scored;

-- one row per snapshot and district of pilot wards
create table district_workload as
with agg as (
    select
        snapshot_id,
        district_code,
        district_name,
        count(*) as wards,
        sum(population) as population_total,
        round(avg(population), 1) as population_mean,
        median(population) as population_median,
        max(population) as population_max,
        count(*) filter (where population > 30000) as wards_over_30000,
        count(*) filter (where population < standard) as wards_under_standard,
        count(*) filter (where population > standard) as wards_over_standard,
        any_value(standard) as standard,
    from ward_workload
    where snapshot_id = '2021-07'
    group by all
)
select * from agg;

-- stated vs computed rates (ward petitions; dialogue answers), one row per period
create table petition_rates as
with pivoted as (
    select
        period_id,
        max(value) filter (where metric_id = 'ward_petitions_received') as received,
        max(value) filter (where metric_id = 'ward_petitions_resolved') as resolved,
        max(value) filter (where metric_id = 'ward_resolution_rate_pct') as stated_rate_pct,
        max(fact_id) filter (where metric_id = 'ward_resolution_rate_pct') as stated_fact_id,
        max(value) filter (where metric_id = 'dialogue_recommendations_received') as dialogue_raised,
        max(value) filter (where metric_id = 'dialogue_recommendations_answered') as dialogue_answered,
        max(value) filter (where metric_id = 'dialogue_answer_rate_pct') as dialogue_stated_rate_pct,
    from facts
    where source_id = 'tccs-2022-urban-pilot'
    group by period_id
),
computed as (
    select
        *,
        round(100 * resolved / received, 2) as computed_rate_pct,
        round(100 * dialogue_answered / dialogue_raised, 2) as dialogue_computed_rate_pct,
    from pivoted
)
select
    *,
    -- stated rates carry one decimal: a gap over 0.05 points is more than rounding
    abs(computed_rate_pct - stated_rate_pct) > 0.05 as rate_differs,
    abs(dialogue_computed_rate_pct - dialogue_stated_rate_pct) > 0.05 as dialogue_rate_differs,
from computed;

-- derived figures in the same shape as facts, with their formula
create table derived_facts as
with rates as (
    select
        period_id,
        'ward_resolution_rate_computed_pct' as metric_id,
        computed_rate_pct as value,
        '100 × ' || resolved || ' / ' || received as formula,
    from petition_rates
    where computed_rate_pct is not null
    union all
    select
        period_id,
        'dialogue_answer_rate_computed_pct',
        dialogue_computed_rate_pct,
        '100 × ' || dialogue_answered || ' / ' || dialogue_raised,
    from petition_rates
    where dialogue_computed_rate_pct is not null
)
select
    'city' as scope_level,
    '01' as scope_code,
    period_id,
    metric_id,
    value,
    '%' as unit,
    formula,
from rates;

-- one row per comparable pair of periods: same metric, same scope, one reported or derived figure each
create table period_comparison as
with figures as (
    select metric_id, scope_level, scope_code, period_id, value, unit, fact_id as ref,
    from facts
    where fact_kind = 'reported' and period_id is not null
    union all
    select metric_id, scope_level, scope_code, period_id, value, unit, 'derived' as ref,
    from derived_facts
),
single as (
    select f.*, p.sort_order,
    from figures as f
    join periods as p using (period_id)
    qualify count(*) over (partition by metric_id, scope_level, scope_code, period_id) = 1
),
pairs as (
    select
        a.metric_id,
        a.scope_level,
        a.scope_code,
        a.period_id as period_a,
        b.period_id as period_b,
        a.value as value_a,
        b.value as value_b,
        b.value - a.value as abs_change,
        case when a.value <> 0 then round(100 * (b.value - a.value) / a.value, 2) end as pct_change,
        case when a.unit = '%' then round(b.value - a.value, 2) end as pp_change,
        a.ref as ref_a,
        b.ref as ref_b,
    from single as a
    join single as b
        on a.metric_id = b.metric_id
        and a.scope_level = b.scope_level
        and a.scope_code = b.scope_code
        and a.sort_order < b.sort_order
)
select * from pairs;

-- the article's workload figures against the 2019 census, one row per claim
create table article_vs_census as
with named_wards as (
    select
        'ward_population:' || f.scope_code as claim_id,
        f.scope_name as item,
        f.scope_name as item_en,
        f.value as published_value,
        f.qualifier,
        f.fact_id,
        u.population::double as census_value,
    from facts as f
    join units as u on u.snapshot_id = '2021-07' and u.unit_code = f.scope_code
    where f.source_id = 'tccs-2022-urban-pilot' and f.metric_id = 'ward_population'
),
quan_wards as (
    select population from ward_workload
    where snapshot_id = '2021-07' and district_code <> '269'
),
aggregates as (
    select
        'avg_ward_population' as claim_id,
        'Dân số bình quân phường (12 quận)' as item,
        'Average ward population (12 urban districts)' as item_en,
        f.value as published_value,
        f.qualifier,
        f.fact_id,
        (select round(avg(population), 0) from quan_wards) as census_value,
    from facts as f
    where f.source_id = 'tccs-2022-urban-pilot' and f.metric_id = 'avg_ward_population'
    union all
    select
        'wards_over_30000',
        'Số phường trên 30.000 dân',
        'Wards over 30,000 residents',
        f.value,
        f.qualifier,
        f.fact_id,
        (select count(*) from ward_workload where snapshot_id = '2021-07' and population > 30000),
    from facts as f
    where f.source_id = 'tccs-2022-urban-pilot' and f.metric_id = 'wards_over_30000'
),
claims as (
    select * from named_wards
    union all
    select * from aggregates
)
select
    *,
    published_value - census_value as difference,
    round(100 * (published_value - census_value) / census_value, 1) as difference_pct,
from claims;

-- staff per ward by period, with the staffing figure used named; one row per period
create table staffing_by_period as
with staffing_facts as (
    select * from facts where period_id is not null and scope_level = 'city' and scope_code = '01'
),
per_period as (
    select
        'before_pilot' as period_id,
        f.value / 175 as staff_per_unit,
        'ward civil servants (reported, "more than") / 175 wards' as basis,
        f.fact_id,
        f.qualifier,
    from staffing_facts as f
    where f.metric_id = 'ward_civil_servants' and f.period_id = 'before_pilot'
    union all
    select
        'pilot',
        f.value,
        'reported average per ward (TCCS)',
        f.fact_id,
        f.qualifier,
    from staffing_facts as f
    where f.metric_id = 'civil_servants_per_ward' and f.source_id = 'tccs-2022-urban-pilot'
    union all
    select
        'two_tier',
        f.value,
        'national base framework per unit (norm)',
        f.fact_id,
        f.qualifier,
    from staffing_facts as f
    where f.metric_id = 'base_staffing_framework_per_unit' and f.period_id = 'two_tier'
),
one_per_period as (
    select * from per_period
    qualify row_number() over (partition by period_id order by fact_id) = 1
)
select * from one_per_period;

-- population per civil servant for each ward, using the period's staffing figure (an estimate:
-- a city average or norm stands in for the ward's own count)
create table ward_staffing as
with wards as (
    -- 2019 census populations serve the two periods they straddle (before the pilot and the pilot);
    -- the 2025 units carry the Đề án 2025 populations
    select w.snapshot_id, w.unit_code, w.unit_name, w.unit_type, w.district_code, w.district_name, w.population,
        p.period_id,
    from ward_workload as w
    join (values ('2021-07', 'before_pilot'), ('2021-07', 'pilot'), ('2025-07', 'two_tier')) as p (snapshot_id, period_id)
        using (snapshot_id)
)
select
    w.*,
    s.staff_per_unit,
    s.basis as staff_basis,
    s.fact_id as staff_fact_id,
    round(w.population / s.staff_per_unit, 0) as population_per_staff,
    true as is_estimate,
from wards as w
join staffing_by_period as s using (period_id);

-- staff per 2025 unit: norms, plans, and per-unit figures derived from city totals over the 126 units
create table staffing_2025_per_unit as
with published as (
    select f.metric_id, f.value, f.qualifier, f.fact_kind, f.fact_id as ref, f.source_id, null as formula,
    from facts as f
    where f.period_id = 'two_tier' and f.scope_code = '01' and f.metric_id in (
        'base_staffing_framework_per_unit', 'max_staffing_per_commune', 'max_staffing_per_ward',
        'max_staff_per_unit_proposed', 'cadres_civil_servants_per_unit_plan'
    )
),
per_unit as (
    select f.metric_id || '_per_unit' as metric_id, round(f.value / 126, 1) as value, '' as qualifier,
        'derived' as fact_kind, f.fact_id as ref, f.source_id,
        f.metric_id || ' ' || f.value::bigint || ' / 126 units' as formula,
    from facts as f
    where f.period_id = 'two_tier' and f.scope_code = '01'
        and f.metric_id in ('staffing_positions_assigned', 'officers_arranged_in_new_units')
)
select * from published
union all
select * from per_unit;

-- one row per 2025-07 unit: its population against the pilot wards that formed it
create table unit_transition as
with pieces as (
    select
        c.to_code as unit_code,
        c.from_code as pilot_ward_code,
        c.relation,
        c.certainty,
        u.unit_name_short as pilot_ward_name,
        u.district_name,
        u.population as census_population,
    from crosswalk as c
    join units as u on u.snapshot_id = '2021-07' and u.unit_code = c.from_code
    where c.from_snapshot = '2021-07' and c.to_snapshot = '2025-07'
),
agg as (
    select
        unit_code,
        count(*) filter (where relation = 'whole') as pilot_wards_whole,
        count(*) filter (where relation = 'part') as pilot_wards_part,
        sum(census_population) filter (where relation = 'whole') as census_population_whole_wards,
        string_agg(pilot_ward_name, ', ' order by pilot_ward_name collate vi) as pilot_ward_names,
    from pieces
    group by unit_code
)
select
    u.unit_code,
    u.unit_name,
    u.unit_type,
    u.population as population_2025,
    coalesce(a.pilot_wards_whole, 0) as pilot_wards_whole,
    coalesce(a.pilot_wards_part, 0) as pilot_wards_part,
    a.census_population_whole_wards,
    a.pilot_ward_names,
from units as u
left join agg as a using (unit_code)
where u.snapshot_id = '2025-07';

-- imported per-ward figures with their unit, metric and cited source; one row per imported figure
create table imported_ward_figures as
select
    i.import_id,
    f.row_number,
    f.snapshot_id,
    f.unit_code,
    u.unit_name_short as unit_name,
    u.district_code,
    u.district_name,
    u.population,
    f.period_id,
    f.metric_id,
    m.name_vi,
    m.name_en,
    m.topic,
    f.value,
    f.as_of_start,
    f.as_of_end,
    i.source_title,
    i.source_date,
    i.supplied_by,
    f.note,
    case when f.metric_id = 'ward_civil_servants_count' and f.value > 0
        then round(u.population / f.value, 0) end as population_per_staff,
from imported_facts as f
join imports as i using (import_id)
join metrics as m using (metric_id)
left join units as u on u.snapshot_id = f.snapshot_id and u.unit_code = f.unit_code;

-- how many figures each source gives; one row per source
create table source_summary as
select s.*, count(f.fact_id) as facts,
from sources as s
left join facts as f using (source_id)
group by all;

-- published figures per metric × period (coverage); one row per (topic, metric, period)
create table fact_coverage as
select m.topic, m.metric_id, m.name_vi, m.name_en, f.period_id, count(*) as facts,
from facts as f
join metrics as m using (metric_id)
where f.scope_level <> 'peer'
group by all;

-- the article against the census, and stated against computed rates and changes; one row per comparison
create table disagreements as
with census as (
    select 'census' as kind, item, published_value as value_published, census_value as value_other,
        'Tổng điều tra 2019' as other_basis, difference, fact_id,
    from article_vs_census
),
rates as (
    select 'rate', 'ward_resolution_rate_pct: ' || period_id, stated_rate_pct, computed_rate_pct,
        'resolved / received', round(stated_rate_pct - computed_rate_pct, 2), stated_fact_id,
    from petition_rates
    where received is not null
),
changes as (
    select 'change', f.metric_id, f.value, c.pct_change, 'computed from counts',
        round(f.value - c.pct_change, 2), f.fact_id,
    from facts as f
    join period_comparison as c
        on c.metric_id = replace(f.metric_id, '_change_pct', '')
        and c.period_a = 'before_pilot' and c.period_b = 'pilot'
    where f.metric_id like 'ward_%_change_pct'
)
select * from census
union all
select * from rates
union all
select * from changes;

-- the headline figure of each metric and period for the overview cards (most reliable, then latest)
create table period_headlines as
with wanted as (
    select * from (
        values
            ('ward_citizen_receptions', 1),
            ('ward_petitions_received', 2),
            ('ward_petitions_resolved', 3),
            ('ward_resolution_rate_pct', 4),
            ('number_of_wards', 5),
            ('avg_ward_population', 6),
            ('civil_servants_per_ward', 7)
    ) as w (metric_id, ord)
),
published as (
    select f.metric_id, f.period_id, f.value, f.qualifier, f.source_id, f.fact_id as ref,
        f.as_of_start, f.as_of_end, s.reliability_rank,
    from facts as f
    join sources as s using (source_id)
    where f.fact_kind = 'reported' and f.scope_level = 'city' and f.scope_code = '01' and f.period_id is not null
),
best as (
    -- several figures for one metric and period: keep the most reliable, then the latest
    select * from published
    qualify row_number() over (
        partition by metric_id, period_id order by reliability_rank, as_of_end desc nulls last, ref
    ) = 1
),
staffing as (
    -- the per-ward estimate cites the fact it divides (its source and dates)
    select 'civil_servants_per_ward' as metric_id, s.period_id, s.staff_per_unit as value, s.qualifier,
        f.source_id, s.fact_id as ref, f.as_of_start, f.as_of_end,
    from staffing_by_period as s
    join facts as f using (fact_id)
    where s.period_id <> 'pilot'
),
figures as (
    -- a published figure wins; the staffing estimate only fills a period that has none
    select metric_id, period_id, value, qualifier, source_id, ref, as_of_start, as_of_end, from (
        select metric_id, period_id, value, qualifier, source_id, ref, as_of_start, as_of_end, 1 as preference,
        from best
        union all
        select *, 2 as preference, from staffing
    )
    qualify row_number() over (partition by metric_id, period_id order by preference) = 1
)
select m.metric_id, m.name_vi, m.name_en, m.unit, f.period_id, f.value, f.qualifier, f.source_id, f.ref,
    f.as_of_start, f.as_of_end, w.ord, p.sort_order,
from figures as f
join wanted as w using (metric_id)
join metrics as m using (metric_id)
join periods as p using (period_id);

-- pilot ward → 2025 unit pieces with names and census population; one row per piece
create table transition_pieces as
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
where c.from_snapshot = '2021-07' and c.to_snapshot = '2025-07';

-- accent- and case-folded text of every fact, for the Sources page search; one row per fact
create table fact_search as
select
    f.fact_id,
    f.period_id,
    m.topic,
    s.reliability_rank,
    replace(strip_accents(lower(concat_ws(' ', f.scope_name, m.name_vi, m.name_en, f.excerpt, s.title, f.metric_id))), 'đ', 'd')
        as haystack,
from facts as f
join metrics as m using (metric_id)
join sources as s using (source_id);
