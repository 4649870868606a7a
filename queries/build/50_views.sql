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
        regexp_replace(old_district_name, '^(Quận|Huyện|Thị [xX]ã) ', '') as district_name,
        lower(regexp_extract(old_district_name, '^(Quận|Huyện|Thị [xX]ã)')) as district_type,
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
        unit_kind as standard_kind,
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
        any_value(scope_name) as scope_name,
        max(value) filter (where metric_id = 'ward_petitions_received') as received,
        max(value) filter (where metric_id = 'ward_petitions_resolved') as resolved,
        max(value) filter (where metric_id = 'ward_resolution_rate_pct') as stated_rate_pct,
        max(fact_id) filter (where metric_id = 'ward_resolution_rate_pct') as stated_fact_id,
        max(value) filter (where metric_id = 'dialogue_recommendations_received') as dialogue_raised,
        max(value) filter (where metric_id = 'dialogue_recommendations_answered') as dialogue_answered,
        max(value) filter (where metric_id = 'dialogue_answer_rate_pct') as dialogue_stated_rate_pct,
        max(fact_id) filter (where metric_id = 'dialogue_answer_rate_pct') as dialogue_stated_fact_id,
    from facts
    where source_id = 'tccs-2022-urban-pilot' and period_basis in ('dates', 'stated')
        and metric_id in (
            'ward_petitions_received', 'ward_petitions_resolved', 'ward_resolution_rate_pct',
            'dialogue_recommendations_received', 'dialogue_recommendations_answered', 'dialogue_answer_rate_pct'
        )
    group by period_id
),
computed as (
    select
        *,
        -- unrounded: changes are taken from these, and rounding happens on screen only
        100 * resolved / received as computed_rate_pct,
        100 * dialogue_answered / dialogue_raised as dialogue_computed_rate_pct,
    from pivoted
)
select
    *,
    -- stated rates carry one decimal: a gap over 0.05 points is more than rounding
    abs(computed_rate_pct - stated_rate_pct) > 0.05 as rate_differs,
    abs(dialogue_computed_rate_pct - dialogue_stated_rate_pct) > 0.05 as dialogue_rate_differs,
from computed;

-- derived figures in the same shape as facts, with their formula and the facts they come from
create table derived_facts as
with rates as (
    select
        period_id,
        scope_name,
        'ward_resolution_rate_computed_pct' as metric_id,
        computed_rate_pct as value,
        '%' as unit,
        '' as qualifier,
        '100 × ' || regexp_replace(resolved::varchar, '\.0$', '') || ' / '
            || regexp_replace(received::varchar, '\.0$', '') as formula,
        stated_fact_id as ref_a,
    from petition_rates
    where computed_rate_pct is not null
    union all
    select
        period_id,
        scope_name,
        'dialogue_answer_rate_computed_pct',
        dialogue_computed_rate_pct,
        '%',
        '',
        '100 × ' || dialogue_answered || ' / ' || dialogue_raised,
        dialogue_stated_fact_id,
    from petition_rates
    where dialogue_computed_rate_pct is not null
),
ward_headcount as (
    -- civil servants of the pilot wards divided by the number of pilot wards in the official unit list
    -- of 01/07/2021; the count's own hedge ("hơn" = over) carries over, so the result is a lower bound
    select
        c.period_id,
        c.scope_name,
        'civil_servants_per_ward_headcount' as metric_id,
        c.value / w.wards as value,
        'persons/ward' as unit,
        c.qualifier,
        regexp_replace(c.value::varchar, '\.0$', '') || ' / ' || w.wards || ' (' || c.fact_id || ' / '
            || w.label || ')' as formula,
        c.fact_id as ref_a,
        w.source_id as ref_b,
        c.as_of_start,
        c.as_of_end,
    from facts as c
    cross join (
        select count(*) as wards, any_value(s.label) as label, any_value(s.source_id) as source_id,
        from units as u
        join snapshots as s using (snapshot_id)
        where u.snapshot_id = '2021-07' and u.is_pilot_ward
    ) as w
    where c.metric_id = 'ward_civil_servants' and c.fact_kind = 'reported' and c.period_basis in ('dates', 'stated')
        and c.scope_name = 'Hà Nội – 175 phường thí điểm'
),
all_derived as (
    select
        r.period_id, r.scope_name, r.metric_id, r.value, r.unit, r.qualifier, r.formula, r.ref_a,
        null as ref_b, f.as_of_start, f.as_of_end,
    from rates as r
    join facts as f on f.fact_id = r.ref_a
    union all
    select period_id, scope_name, metric_id, value, unit, qualifier, formula, ref_a, ref_b, as_of_start, as_of_end,
    from ward_headcount
)
select
    'D-' || metric_id || '-' || period_id as fact_id,
    'city' as scope_level,
    '01' as scope_code,
    scope_name,
    period_id,
    metric_id,
    value,
    unit,
    qualifier,
    'derived' as fact_kind,
    formula,
    ref_a,
    ref_b,
    as_of_start,
    as_of_end,
from all_derived;

-- one row per comparable pair of periods: one metric (so one series), one kind, one exact scope and one
-- figure in each period. The change follows the metric's scale: % for counts, ratios and amounts,
-- percentage points for rates (from unrounded values), places for ranks, points for scores; never
-- across a method break, and not computed from bounds ("over", "nearly", …).
create table period_comparison as
with figures as (
    select f.metric_id, f.scope_level, f.scope_code, f.scope_name, f.period_id, f.value, f.unit, f.qualifier,
        f.fact_kind, f.fact_id as ref, coalesce(f.as_of_start, f.as_of_end) as span_lo,
        coalesce(f.as_of_end, f.as_of_start) as span_hi,
    from facts as f
    join fact_kinds as k using (fact_kind)
    join metrics as m using (metric_id)
    -- annual index series are read year by year (their own view), never as one figure per period
    where k.comparable and f.period_basis in ('dates', 'stated') and m.topic <> 'governance_index'
    union all
    select metric_id, scope_level, scope_code, scope_name, period_id, value, unit, qualifier, fact_kind, fact_id,
        as_of_start, as_of_end,
    from derived_facts
),
single as (
    select f.*, p.sort_order,
    from figures as f
    join periods as p using (period_id)
    qualify count(*) over (partition by metric_id, fact_kind, scope_level, scope_code, scope_name, period_id) = 1
),
pairs as (
    select
        a.metric_id,
        a.fact_kind,
        a.scope_level,
        a.scope_code,
        a.scope_name,
        a.period_id as period_a,
        b.period_id as period_b,
        a.value as value_a,
        b.value as value_b,
        a.qualifier as qualifier_a,
        b.qualifier as qualifier_b,
        a.unit,
        a.ref as ref_a,
        b.ref as ref_b,
        a.span_hi as a_hi,
        b.span_lo as b_lo,
    from single as a
    join single as b
        on a.metric_id = b.metric_id
        and a.fact_kind = b.fact_kind
        and a.scope_level = b.scope_level
        and a.scope_code = b.scope_code
        and a.scope_name = b.scope_name
        and a.sort_order < b.sort_order
),
ruled as (
    select
        p.*,
        m.series_id,
        m.scale,
        exists (
            select 1 from series_breaks as sb
            where sb.series_id = m.series_id and p.a_hi < sb.break_on and p.b_lo >= sb.break_on
        ) as across_break,
        p.qualifier_a in ('', 'average') and p.qualifier_b in ('', 'average') as exact,
    from pairs as p
    join metrics as m using (metric_id)
)
select
    metric_id, series_id, scale, fact_kind, scope_level, scope_code, scope_name, period_a, period_b, value_a,
    value_b, qualifier_a, qualifier_b, unit, ref_a, ref_b,
    case
        when across_break then 'method_break'
        when not exact then 'bound'
    end as not_computed_reason,
    case when not across_break and exact then value_b - value_a end as abs_change,
    case
        when not across_break and exact and scale in ('count', 'ratio', 'amount') and value_a <> 0
            then 100 * (value_b - value_a) / value_a
    end as pct_change,
    case when not across_break and exact and scale = 'rate' then value_b - value_a end as pp_change,
from ruled;

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
    where snapshot_id = '2021-07' and standard_kind = 'phuong_quan'
),
aggregates as (
    select
        'avg_ward_population' as claim_id,
        -- not one scope: the article's figure is for the wards of the "large districts" (which, it does
        -- not say); the census figure is for every ward of the 12 quận
        'Dân số bình quân phường — bài viết: phường các quận lớn, Tổng điều tra: mọi phường của 12 quận' as item,
        'Average ward population — article: wards of the large districts, census: every ward of the 12 quận'
            as item_en,
        f.value as published_value,
        f.qualifier,
        f.fact_id,
        (select round(avg(population), 0) from quan_wards) as census_value,
    from facts as f
    where f.source_id = 'tccs-2022-urban-pilot' and f.metric_id = 'avg_ward_population'
    union all
    select
        'wards_over_30000',
        'Số phường trên 30.000 dân — bài viết: phường các quận lớn, Tổng điều tra: mọi phường thí điểm',
        'Wards over 30,000 residents — article: wards of the large districts, census: every pilot ward',
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
    -- the article's aggregates cover other wards than the census figure and one is a bound ("hơn"):
    -- both are shown, no difference is computed
    case when claim_id like 'ward_population:%' then published_value - census_value end as difference,
    case
        when claim_id like 'ward_population:%' then round(100 * (published_value - census_value) / census_value, 1)
    end as difference_pct,
from claims;

-- staff per ward figures by period, each with its series and kind; one row per (period, figure). The
-- before-pilot headcount (a lower bound) and the pilot's staffing quota are two series: shown side by side
-- with their kinds, never joined into one line; a period with no Hanoi per-ward figure has no row
create table staffing_by_period as
with quota as (
    select f.period_id, f.metric_id, f.fact_kind, f.value as staff_per_unit, f.qualifier, f.fact_id,
        f.source_id, f.scope_name as basis,
    from facts as f
    -- Hanoi's own per-ward figures of any kind (the quota is a norm: shown as its own mark, never joined)
    where f.metric_id = 'civil_servants_per_ward' and f.period_basis in ('dates', 'stated')
        and f.scope_level = 'city' and f.scope_code = '01' and f.fact_kind in ('reported', 'census', 'norm')
),
headcount as (
    select d.period_id, d.metric_id, d.fact_kind, d.value, d.qualifier, d.ref_a, f.source_id, d.formula,
    from derived_facts as d
    join facts as f on f.fact_id = d.ref_a
    where d.metric_id = 'civil_servants_per_ward_headcount'
)
select q.*, m.series_id, from quota as q join metrics as m using (metric_id)
union all
select h.*, m.series_id, from headcount as h join metrics as m using (metric_id);

-- population per civil servant for each ward, using the period's per-ward staffing figure (an estimate:
-- a city figure stands in for the ward's own count; a lower bound on staff gives an upper bound here)
create table ward_staffing as
with per_ward as (
    -- 2019 census populations serve the periods up to the one of their snapshot (before the pilot and
    -- the pilot); no later period borrows them
    select w.snapshot_id, w.unit_code, w.unit_name, w.unit_type, w.district_code, w.district_name, w.population,
        p.period_id,
    from ward_workload as w
    join snapshots as sn using (snapshot_id)
    join periods as sp on sp.period_id = sn.period_id
    join periods as p on p.sort_order <= sp.sort_order
    where w.snapshot_id = '2021-07'
)
select
    w.*,
    s.staff_per_unit,
    s.metric_id as staff_metric_id,
    s.fact_kind as staff_kind,
    s.qualifier as staff_qualifier,
    s.fact_id as staff_fact_id,
    w.population / s.staff_per_unit as population_per_staff,
    case s.qualifier when 'over' then 'at most' when 'at least' then 'at most' else '' end as qualifier,
    true as is_estimate,
from per_ward as w
join staffing_by_period as s using (period_id)
join fact_kinds as k using (fact_kind)
where k.comparable;  -- a quota (norm) is not a count of staff: residents per civil servant never use it

-- staff per 2025 unit: national norms and Hanoi's plans, one row per figure (no per-unit average is derived
-- from city totals: the totals count other people than the per-unit norms)
create table staffing_2025_per_unit as
select f.metric_id, f.value, f.qualifier, f.fact_kind, f.fact_id as ref, f.source_id, null as formula,
    f.scope_level,
from facts as f
where f.metric_id in (
    'base_staffing_framework_per_unit', 'max_staffing_per_commune', 'max_staffing_per_ward',
    'max_staff_per_unit_proposed', 'cadres_civil_servants_per_unit_plan'
);

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

-- published figures per metric and period (coverage), with the undated and the spanning in columns of
-- their own; one row per (topic, metric, period or basis, kind)
create table fact_coverage as
select
    m.topic,
    m.metric_id,
    m.name_vi,
    m.name_en,
    m.series_id,
    coalesce(f.period_id, f.period_basis) as period_or_basis,
    f.fact_kind,
    count(*) as facts,
from facts as f
join metrics as m using (metric_id)
where f.scope_level <> 'peer'
group by all;

-- where figures for the same thing differ, one row per pair: two sources giving different values for
-- the same metric and scope over overlapping dates; the article against the census; stated against
-- computed rates and changes; a draft population against the approved Đề án; press ward counts
-- against the official unit list
create table disagreements as
with dated as (
    select *, coalesce(as_of_start, as_of_end) as lo, coalesce(as_of_end, as_of_start) as hi,
    from facts
),
same_thing as (
    select
        'sources' as kind,
        a.metric_id,
        a.scope_name || ' (' || a.fact_id || ') / ' || b.scope_name || ' (' || b.fact_id || ')' as item,
        a.value as value_a,
        b.value as value_b,
        a.qualifier as qualifier_a,
        b.qualifier as qualifier_b,
        a.source_id as basis_a,
        b.source_id as basis_b,
        a.fact_id as fact_a,
        b.fact_id as fact_b,
    from dated as a
    join dated as b
        on a.metric_id = b.metric_id
        and a.scope_level = b.scope_level
        and a.scope_code = b.scope_code
        and a.fact_id < b.fact_id
        and a.source_id <> b.source_id
        and a.fact_kind = b.fact_kind
        and a.value <> b.value
        -- overlapping dates, or, where a figure is undated, the same period its source names
        and ((a.lo <= b.hi and b.lo <= a.hi) or ((a.lo is null or b.lo is null) and a.period_id = b.period_id))
    join metrics as m on m.metric_id = a.metric_id
    -- a figure that accrues over its window (a flow, a to-date total, a share) disagrees only with one
    -- of the very same window; a level (a count of procedures, a population) with any overlapping one
    where a.scope_level <> 'peer' and a.fact_kind in ('reported', 'census', 'estimate')
        and (not m.accrues or (a.lo = b.lo and a.hi = b.hi))
),
census as (
    select 'census', claim_id, item, published_value, census_value, qualifier, '', fact_id_source, 'census-2019',
        fact_id, null,
    from (select a.*, f.source_id as fact_id_source, from article_vs_census as a join facts as f using (fact_id))
    where published_value <> census_value and difference is not null
),
rates as (
    select 'rate', 'ward_resolution_rate_pct', period_id, stated_rate_pct, computed_rate_pct, '', '',
        'tccs-2022-urban-pilot', 'derived', stated_fact_id, 'D-ward_resolution_rate_computed_pct-' || period_id,
    from petition_rates
    where received is not null and rate_differs
),
changes as (
    select 'change', f.metric_id, f.scope_name, f.value, c.pct_change, f.qualifier, '', f.source_id, 'derived',
        f.fact_id, c.ref_a || ' → ' || c.ref_b,
    from facts as f
    join period_comparison as c
        on c.metric_id = replace(f.metric_id, '_change_pct', '')
        and c.scope_name = f.scope_name
        and c.period_b = f.period_id
    where f.metric_id like 'ward_%_change_pct' and c.pct_change is not null and round(c.pct_change) <> f.value
),
draft_vs_approved as (
    select 'draft_vs_approved', f.metric_id, f.scope_name, f.value, u.population::double, f.qualifier, '',
        f.source_id, u.population_source_id, f.fact_id, u.unit_code,
    from facts as f
    join units as u on u.snapshot_id = '2025-07' and u.unit_code = f.scope_code
    where f.metric_id = 'unit_population_plan' and f.scope_level = 'unit' and u.population <> f.value
),
official_ward_counts as (
    -- wards (phường) of each district in the official unit list of the first half of 2025
    select district_code, any_value(district_name) as district_name, count(*) as wards,
    from units
    where snapshot_id = '2025-01' and unit_type = 'phường'
    group by district_code
),
press_vs_list as (
    select 'press_vs_official_list', f.metric_id, f.scope_name, f.value, o.wards::double, f.qualifier, '',
        f.source_id, 'gso-units-2025-01', f.fact_id, null,
    from facts as f
    join official_ward_counts as o on o.district_code = f.scope_code
    where f.metric_id = 'number_of_wards' and f.scope_level = 'district'
        and f.as_of_start >= date '2025-01-01' and f.as_of_end <= date '2025-06-30'
        and f.value <> o.wards
),
parts_vs_total as (
    -- parts a source itemises (part_of.csv) against the total it states
    select 'parts_vs_total', t.metric_id, t.scope_name, t.value, sum(p.value), t.qualifier,
        'sum of parts', t.source_id, string_agg(distinct p.source_id, ' '), t.fact_id,
        string_agg(p.fact_id, ' ' order by p.fact_id),
    from part_of as po
    join facts as t on t.fact_id = po.total_fact_id
    join facts as p on p.fact_id = po.part_fact_id
    group by t.metric_id, t.scope_name, t.value, t.qualifier, t.source_id, t.fact_id
    -- parts given to two decimals may miss the total by their rounding, and no more
    having abs(sum(p.value) - t.value) > case when bool_and(p.value = round(p.value)) then 0 else count(*) * 0.005 end
)
select * from same_thing
union all select * from census
union all select * from rates
union all select * from changes
union all select * from draft_vs_approved
union all select * from press_vs_list
union all select * from parts_vs_total;

-- the headline figure of each metric and period for the overview (most reliable, then latest), with its
-- kind and scope; `linked` says whether the figure is comparable with the previous period's headline
-- (one series, kind and scope, computed in period_comparison), so a chart joins only those
create table period_headlines as
with wanted as (
    select * from (
        values
            ('ward_citizen_receptions', 1),
            ('ward_petitions_received', 2),
            ('ward_petitions_resolved', 3),
            -- the rate computed from the counts, unrounded: its change is exact (the stated rates are rounded)
            ('ward_resolution_rate_computed_pct', 4),
            ('number_of_wards', 5),
            ('civil_servants_per_ward_headcount', 6),
            ('civil_servants_per_ward', 7)
    ) as w (metric_id, ord)
),
candidates as (
    select f.metric_id, f.period_id, f.value, f.qualifier, f.fact_kind, f.scope_name, f.source_id,
        f.fact_id as ref, f.as_of_start, f.as_of_end, s.reliability_rank, null as formula,
    from facts as f
    join sources as s using (source_id)
    join fact_kinds as k using (fact_kind)
    where k.comparable and f.scope_level = 'city' and f.scope_code = '01' and f.period_basis in ('dates', 'stated')
    union all
    select d.metric_id, d.period_id, d.value, d.qualifier, d.fact_kind, d.scope_name, f.source_id, d.fact_id,
        d.as_of_start, d.as_of_end, s.reliability_rank, d.formula,
    from derived_facts as d
    join facts as f on f.fact_id = d.ref_a
    join sources as s on s.source_id = f.source_id
),
best as (
    select c.*, w.ord,
    from candidates as c
    join wanted as w using (metric_id)
    qualify row_number() over (
        partition by metric_id, period_id order by reliability_rank, as_of_end desc nulls last, ref
    ) = 1
),
with_previous as (
    select b.*, p.sort_order,
        lag(b.ref) over (partition by b.metric_id order by p.sort_order) as previous_ref,
    from best as b
    join periods as p using (period_id)
)
select m.metric_id, m.name_vi, m.name_en, m.unit, m.scale, w.period_id, w.value, w.qualifier, w.fact_kind,
    w.scope_name, w.source_id, w.ref, w.formula, w.as_of_start, w.as_of_end, w.ord, w.sort_order,
    exists (
        select 1 from period_comparison as c
        where c.ref_a = w.previous_ref and c.ref_b = w.ref and c.not_computed_reason is null
    ) as linked,
from with_previous as w
join metrics as m using (metric_id);

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
