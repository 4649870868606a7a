-- All sources with how many figures each gives, one row per source, most reliable first.
-- Columns: source_id, title, publisher, published_on, url, kind, reliability_rank, language, note, facts.
-- No parameters.
select source_id, title, publisher, published_on, url, kind, reliability_rank, language, note, facts,
from source_summary
order by reliability_rank, source_id
