-- Hanoi's governance indices by year (province-level measures of Hanoi as a whole, not of wards); one row
-- per published figure. segment counts the series' method breaks up to the figure's date: a chart joins
-- figures of one segment only. Columns: metric_id, name_vi, name_en, series_id, scale, unit, value, out_of
-- (for a rank: how many were ranked), qualifier, as_of_start, as_of_end, year, fact_kind, verified,
-- source_id, fact_id, period_id, segment. Parameters: $metrics (list of metric ids; empty = all).
select
    f.metric_id, m.name_vi, m.name_en, m.series_id, m.scale, m.unit, f.value, f.out_of, f.qualifier,
    f.as_of_start, f.as_of_end, year(f.as_of_start) as year, f.fact_kind, f.verified, f.source_id, f.fact_id,
    f.period_id,
    (
        select count(*) from series_breaks as b
        where b.series_id = m.series_id and b.break_on <= f.as_of_start
    ) as segment,
from facts as f
join metrics as m using (metric_id)
where m.topic = 'governance_index' and f.scope_level = 'city' and f.scope_code = '01'
    and f.as_of_start is not null and f.fact_kind in ('reported', 'census')
    -- one year (or month) a figure: a figure for two years together is no year's value
    and date_diff('day', f.as_of_start, coalesce(f.as_of_end, f.as_of_start)) <= 366
    and (len($metrics) = 0 or list_contains($metrics, f.metric_id))
order by f.metric_id, f.as_of_start
