-- Short citations for chart footnotes, one row per source id asked for.
-- Columns: source_id, title, publisher, published_on, url, reliability_rank, language.
-- Parameters: $source_ids (list of source ids).
select source_id, title, publisher, published_on, url, reliability_rank, language,
from sources
where list_contains($source_ids, source_id)
order by reliability_rank, source_id
