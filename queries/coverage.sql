-- How many published figures each metric has in each period; one row per (topic, metric, period).
-- Columns: topic, metric_id, name_vi, name_en, period_id (null = undated or spanning), facts. No parameters.
select m.topic, m.metric_id, m.name_vi, m.name_en, f.period_id, count(*) as facts,
from facts as f
join metrics as m using (metric_id)
where f.scope_level <> 'peer'
group by all
order by m.topic, m.metric_id, f.period_id
