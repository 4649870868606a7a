-- Series that measure petitions or receptions with another scope than the 175 wards; one row per series.
-- Columns: series_id, metrics, scope_names, facts. No parameters.
select m.series_id, string_agg(distinct m.name_en, '; ') as metrics,
    string_agg(distinct f.scope_name, '; ') as scope_names, count(*) as facts,
from facts as f
join metrics as m using (metric_id)
where m.topic = 'petitions' and m.series_id <> 'ward_petitions'
group by m.series_id
order by m.series_id
