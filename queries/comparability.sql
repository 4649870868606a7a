-- What can and cannot be compared across the periods: one row per metric that has figures (any kind)
-- in at least two periods, with each computed period pair or the reason there is none.
-- Columns: topic, metric_id, name_vi, name_en, series_id, scale, periods (periods with a figure),
-- period_a, period_b (the pair, when one is computed), comparable (true when a change is computed),
-- reason (null when comparable | method_break | bound | kinds_differ | scopes_differ | several_in_a_period
-- | norm_or_plan | by_year), pct_change, pp_change, abs_change. No parameters.
with figures as (
    select f.*, m.topic, m.series_id, m.scale, m.name_vi, m.name_en, k.comparable as kind_comparable,
    from facts as f
    join metrics as m using (metric_id)
    join fact_kinds as k using (fact_kind)
    where f.period_id is not null and f.scope_level <> 'peer'
),
per_metric as (
    select
        metric_id,
        any_value(topic) as topic,
        any_value(name_vi) as name_vi,
        any_value(name_en) as name_en,
        any_value(series_id) as series_id,
        any_value(scale) as scale,
        list(distinct period_id order by period_id) as periods,
        count(distinct period_id) as n_periods,
        count(distinct fact_kind) filter (where kind_comparable) as n_kinds,
        count(distinct period_id) filter (where kind_comparable) as n_comparable_periods,
        count(distinct scope_name) filter (where kind_comparable) as n_scopes,
        max(n_in_period) as max_in_period,
    from (
        select *, count(*) over (partition by metric_id, fact_kind, scope_name, period_id) as n_in_period,
        from figures
    )
    group by metric_id
    having count(distinct period_id) >= 2
),
pairs as (
    select metric_id, period_a, period_b, not_computed_reason, pct_change, pp_change, abs_change,
    from period_comparison
)
select
    m.topic, m.metric_id, m.name_vi, m.name_en, m.series_id, m.scale, m.periods, p.period_a, p.period_b,
    p.metric_id is not null and p.not_computed_reason is null as comparable,
    case
        when p.metric_id is not null then p.not_computed_reason
        when m.topic = 'governance_index' then 'by_year'
        when m.n_comparable_periods < 2 then 'norm_or_plan'
        when m.n_kinds > 1 then 'kinds_differ'
        when m.n_scopes > 1 then 'scopes_differ'
        when m.max_in_period > 1 then 'several_in_a_period'
    end as reason,
    p.pct_change, p.pp_change, p.abs_change,
from per_metric as m
left join pairs as p using (metric_id)
order by comparable desc, m.topic, m.metric_id, p.period_a
