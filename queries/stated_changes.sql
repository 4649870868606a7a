-- A source's own stated % changes beside the change computed from its counts (same metric, scope and
-- periods); one row per stated change. Columns: metric_id, name_vi, name_en (of the counted metric),
-- stated_pct, stated_fact_id, computed_pct (unrounded), ref_a, ref_b. No parameters.
select c.metric_id, m.name_vi, m.name_en, f.value as stated_pct, f.fact_id as stated_fact_id,
    c.pct_change as computed_pct, c.ref_a, c.ref_b,
from facts as f
join period_comparison as c
    on c.metric_id = replace(f.metric_id, '_change_pct', '')
    and c.scope_name = f.scope_name
    and c.period_b = f.period_id
join metrics as m on m.metric_id = c.metric_id
where f.metric_id like '%\_change\_pct' escape '\' and c.pct_change is not null
order by c.metric_id
