-- Where figures for the same thing differ: the article vs the census, and stated vs computed rates
-- and changes. One row per comparison. Columns: kind, item, value_published, value_other, other_basis,
-- difference, fact_id. No parameters.
select * from disagreements
