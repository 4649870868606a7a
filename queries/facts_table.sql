-- Every published figure with its source, filtered; one row per fact, at most 2,000 (a table a person
-- can read; at national scale the search narrows it).
-- Columns (what a reader looks for first, first): fact_id, name_vi, name_en, qualifier, value, unit, scope_name,
-- period_id, as_of_start, as_of_end, fact_kind, scope_level, scope_code, metric_id, topic, period_basis
-- (dates | stated | spanning | undated | outside), source_id, source_title, publisher, reliability_rank,
-- language, locator, excerpt, verified (confirmed in the source's text), note.
-- Parameters: $search (text, '' = all), $topics (list; empty = all), $periods (list; empty = all),
-- $max_rank (1-4).
with hits as (
    select fact_id
    from fact_search
    where reliability_rank <= $max_rank
        and (len($topics) = 0 or list_contains($topics, topic))
        and (len($periods) = 0 or list_contains($periods, period_id))
        -- a literal substring: % and _ in the search are characters, not wildcards
        and ($search = '' or contains(haystack, replace(strip_accents(lower($search)), 'đ', 'd')))
    order by fact_id
    limit 2000
)
select f.fact_id, m.name_vi, m.name_en, f.qualifier, f.value, f.unit, f.scope_name, f.period_id, f.as_of_start,
    f.as_of_end, f.fact_kind, f.scope_level, f.scope_code, f.metric_id, m.topic, f.period_basis, f.source_id,
    s.title as source_title, s.publisher, s.reliability_rank, s.language, f.locator, f.excerpt, f.verified,
    f.note,
from hits
join facts as f using (fact_id)
join metrics as m using (metric_id)
join sources as s using (source_id)
order by f.fact_id
