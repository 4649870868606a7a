-- Stated vs computed resolution rates, one row per period with a ward petition series.
-- Columns: period_id, received, resolved, stated_rate_pct, computed_rate_pct, rate_differs,
-- dialogue_raised, dialogue_answered, dialogue_stated_rate_pct, dialogue_computed_rate_pct.
-- Parameters: $periods (list; empty = all).
select r.*,
from petition_rates as r
join periods as p using (period_id)
where r.received is not null and (len($periods) = 0 or list_contains($periods, r.period_id))
order by p.sort_order
