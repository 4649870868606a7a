-- Every published figure with its source, filtered; one row per fact.
-- Columns: fact_id, period_id, scope_level, scope_code, scope_name, metric_id, name_vi, name_en, topic,
-- value, unit, qualifier, as_of_start, as_of_end, source_id, source_title, publisher, reliability_rank,
-- language, locator, excerpt, fact_kind, note.
-- Parameters: $search (text, '' = all), $topics (list; empty = all), $periods (list; empty = all),
-- $max_rank (1-4).
select f.fact_id, f.period_id, f.scope_level, f.scope_code, f.scope_name, f.metric_id, m.name_vi, m.name_en,
    m.topic, f.value, f.unit, f.qualifier, f.as_of_start, f.as_of_end, f.source_id, s.title as source_title,
    s.publisher, s.reliability_rank, s.language, f.locator, f.excerpt, f.fact_kind, f.note,
from facts as f
join metrics as m using (metric_id)
join sources as s using (source_id)
where s.reliability_rank <= $max_rank
    and (len($topics) = 0 or list_contains($topics, m.topic))
    and (len($periods) = 0 or list_contains($periods, f.period_id))
    and (
        $search = ''
        or strip_accents(lower(concat_ws(' ', f.scope_name, m.name_vi, m.name_en, f.excerpt, s.title, f.metric_id)))
        like '%' || strip_accents(lower($search)) || '%'
    )
order by f.fact_id
-- a table a person can read: at national scale the page shows the first 5,000 matches
limit 5000
