-- All sources with how many figures each gives, one row per source, most reliable first.
-- Columns: source_id, title, publisher, published_on, url, kind, reliability_rank, language, note, facts.
-- No parameters.
select s.source_id, s.title, s.publisher, s.published_on, s.url, s.kind, s.reliability_rank, s.language, s.note,
    count(f.fact_id) as facts,
from sources as s
left join facts as f using (source_id)
group by all
order by s.reliability_rank, s.source_id
