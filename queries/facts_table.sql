-- Every published figure with its source, filtered; one row per fact, at most 2,000 (a table a person
-- can read; at national scale the search narrows it).
-- Columns: fact_id, period_id, scope_level, scope_code, scope_name, metric_id, name_vi, name_en, topic,
-- value, unit, qualifier, as_of_start, as_of_end, period_basis (dates | stated | spanning | undated |
-- outside), source_id, source_title, publisher, reliability_rank, language, locator, excerpt, fact_kind,
-- verified (confirmed in the source's text), note.
-- Parameters: $search (text, '' = all), $topics (list; empty = all), $periods (list; empty = all),
-- $max_rank (1-4).
with hits as (
    select fact_id
    from fact_search
    where reliability_rank <= $max_rank
        and (len($topics) = 0 or list_contains($topics, topic))
        and (len($periods) = 0 or list_contains($periods, period_id))
        and ($search = '' or haystack like '%' || replace(strip_accents(lower($search)), 'đ', 'd') || '%')
    order by fact_id
    limit 2000
)
select f.fact_id, f.period_id, f.scope_level, f.scope_code, f.scope_name, f.metric_id, m.name_vi, m.name_en,
    m.topic, f.value, f.unit, f.qualifier, f.as_of_start, f.as_of_end, f.period_basis, f.source_id,
    s.title as source_title, s.publisher, s.reliability_rank, s.language, f.locator, f.excerpt, f.fact_kind, f.verified,
    f.note,
from hits
join facts as f using (fact_id)
join metrics as m using (metric_id)
join sources as s using (source_id)
order by f.fact_id
