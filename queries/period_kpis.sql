-- Headline figures per period for the overview cards; one row per (metric, period) with a figure.
-- Published facts of the 175-ward series and city staffing, plus derived rates.
-- Columns: metric_id, name_vi, name_en, unit, period_id, value, qualifier, source_id, ref, as_of_start, as_of_end.
-- Parameters: $periods (list of period ids; empty = all).
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
    where f.fact_kind = 'reported' and f.scope_level = 'city' and f.period_id is not null
),
best as (
    -- several figures for one metric and period: keep the most reliable, then the latest
    select * from published
    qualify row_number() over (
        partition by metric_id, period_id order by reliability_rank, as_of_end desc nulls last, ref
    ) = 1
),
staffing as (
    select 'civil_servants_per_ward' as metric_id, period_id, staff_per_unit as value, qualifier,
        null as source_id, fact_id as ref, null::date as as_of_start, null::date as as_of_end,
    from staffing_by_period
    where period_id <> 'pilot'
),
figures as (
    select metric_id, period_id, value, qualifier, source_id, ref, as_of_start, as_of_end, from best
    union all
    select * from staffing
)
select m.metric_id, m.name_vi, m.name_en, m.unit, f.period_id, f.value, f.qualifier, f.source_id, f.ref,
    f.as_of_start, f.as_of_end, w.ord,
from figures as f
join wanted as w using (metric_id)
join metrics as m using (metric_id)
join periods as p using (period_id)
where len($periods) = 0 or list_contains($periods, f.period_id)
order by w.ord, p.sort_order
