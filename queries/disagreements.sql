-- Where figures for the same thing differ: the article vs the census, and stated vs computed rates.
-- One row per comparison. Columns: kind, item, value_published, value_other, other_basis, difference, fact_id.
-- No parameters.
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
select * from changes
