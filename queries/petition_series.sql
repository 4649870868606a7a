-- The 175-ward petition series (TCCS article): receptions, petitions received and resolved;
-- one row per (metric, period): where several figures exist, the most reliable source, then the latest.
-- Columns: metric_id, name_vi, name_en, period_id, value, fact_id, as_of_start, as_of_end, locator.
-- Parameters: $periods (list; empty = all).
select f.metric_id, m.name_vi, m.name_en, f.period_id, f.value, f.fact_id, f.as_of_start, f.as_of_end, f.locator,
from facts as f
join metrics as m using (metric_id)
join periods as p using (period_id)
join sources as s using (source_id)
where f.scope_level = 'city' and f.scope_code = '01' and f.fact_kind = 'reported'
    and f.metric_id in ('ward_citizen_receptions', 'ward_petitions_received', 'ward_petitions_resolved')
    and (len($periods) = 0 or list_contains($periods, f.period_id))
qualify row_number() over (
    partition by f.metric_id, f.period_id order by s.reliability_rank, f.as_of_end desc nulls last, f.fact_id
) = 1
order by f.metric_id, p.sort_order
